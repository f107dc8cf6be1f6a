"""Catering: meals per mission, a manager route to list and add them, an event handler
(default meals for each new mission), a job that is also a daily cron (backfill the
upcoming missions, also run when an org enables the plugin), and the plugin's own page
in the web app (a React module built with Vite, shipped in ``web/``).

Started from ``coulisses plugin new catering``. The plugin imports only
``coulisses_sdk`` (and libraries), never the core.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Request, get, post
from litestar.params import Body
from pydantic import BaseModel, ConfigDict

from coulisses_catering.tables import Meal
from coulisses_sdk import (
    Listing,
    ListParams,
    MissionChanged,
    Page,
    Plugin,
    PluginError,
    PluginPage,
    current_principal,
    enqueue,
    get_mission,
    hookimpl,
    iter_missions,
    plugin_config,
    require_role,
    setting,
)

NAME = "catering"
#: How far ahead ``backfill_meals`` looks for missions without meals.
BACKFILL_DAYS = 14


class Config(BaseModel):
    """The settings an org edits on the plugin's page (labels in French and English)."""

    model_config = ConfigDict(extra="forbid")

    default_count: int = setting(
        0,
        label={"fr": "Repas par nouvelle mission", "en": "Meals per new mission"},
        help={
            "fr": "Nombre de repas prevus a la creation d'une mission (0 : aucun).",
            "en": "Meals planned when a mission is created (0: none).",
        },
        ge=0,
        le=1000,
    )


class MealOut(msgspec.Struct):
    id: int
    mission_id: int
    #: The mission's title when the meals are read ("" if it was deleted since).
    mission_title: str
    label: str
    quantity: int


class MealCreate(msgspec.Struct, forbid_unknown_fields=True):
    mission_id: int
    label: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    quantity: Annotated[int, msgspec.Meta(ge=1, le=1000)]


class MealPage(Page[MealOut]):
    items: list[MealOut]


MEALS = Listing(
    sorts={"id": Meal.id, "mission_id": Meal.mission_id, "label": Meal.label},
    default="id",
    item=MealOut,
)


async def _titles(org_id: int, mission_ids: set[int]) -> dict[int, str]:
    """Mission titles, one host read per distinct mission of the page (at most its size)."""
    found: dict[int, str] = {}
    for mission_id in sorted(mission_ids):
        mission = await get_mission(org_id, mission_id)
        found[mission_id] = mission.title if mission is not None else ""
    return found


@get(
    "/meals",
    operation_id="CateringListMeals",
    guards=[require_role("manager")],
    dependencies={"listing": MEALS.dependency()},
)
async def list_meals(request: Request[Any, Any, Any], listing: ListParams) -> MealPage:
    """The org's meals, paginated and sorted like every list of the API."""
    org_id = current_principal(request).org_id
    mine = Meal.org_id == org_id
    total = await Meal.count().where(mine)
    listing.check_page(total)
    select = (
        Meal.select(Meal.id, Meal.mission_id, Meal.label, Meal.quantity)
        .where(mine)
        .limit(listing.page_size)
        .offset(listing.offset)
    )
    rows = await MEALS.order(select, listing)
    titles = await _titles(org_id, {r["mission_id"] for r in rows})
    items = [MealOut(mission_title=titles[r["mission_id"]], **r) for r in rows]
    return listing.page_of(MealPage, items, total)


@post("/meals", operation_id="CateringAddMeal", guards=[require_role("manager")])
async def add_meal(request: Request[Any, Any, Any], data: Annotated[MealCreate, Body()]) -> MealOut:
    """Plan meals for a mission of the org (``catering.mission_not_found`` otherwise)."""
    org_id = current_principal(request).org_id
    mission = await get_mission(org_id, data.mission_id)
    if mission is None:
        raise PluginError(
            "mission_not_found",
            "No such mission in this org",
            status=404,
            details={"mission_id": data.mission_id},
        )
    [row] = await Meal.insert(
        Meal(org_id=org_id, mission_id=mission.mission_id, label=data.label, quantity=data.quantity)
    ).returning(Meal.id)
    return MealOut(
        id=row["id"],
        mission_id=mission.mission_id,
        mission_title=mission.title,
        label=data.label,
        quantity=data.quantity,
    )


async def _plan_meals(org_id: int, mission_id: int, title: str, key: str) -> None:
    """Insert the default meals of a mission, once per ``key`` (unique ``event_id``)."""
    config = Config.model_validate(await plugin_config(org_id, NAME))
    if config.default_count == 0:
        return
    await Meal.raw(
        """INSERT INTO catering_meals (org_id, mission_id, label, quantity, event_id)
           VALUES ({}, {}, {}, {}, {}) ON CONFLICT (event_id) DO NOTHING""",
        org_id,
        mission_id,
        f"Repas {title}",
        config.default_count,
        key,
    )


async def backfill_meals(ctx: dict[str, Any], *, org_id: int) -> None:
    """Job and daily cron: the missions of the next 14 days that have no meal get the
    default ones (missions created before the org enabled the plugin, or while the
    default count was 0). Idempotent: one backfill row per mission at most."""
    now = dt.datetime.now(dt.UTC)
    async for mission in iter_missions(
        org_id, starts_from=now, starts_before=now + dt.timedelta(days=BACKFILL_DAYS)
    ):
        has_meals = await Meal.exists().where(
            (Meal.org_id == org_id) & (Meal.mission_id == mission.mission_id)
        )
        if not has_meals:
            key = f"backfill-{mission.mission_id}"
            await _plan_meals(org_id, mission.mission_id, mission.title, key)


class CateringPlugin(Plugin):
    name = NAME
    version = "0.1.0"
    title = {"fr": "Restauration", "en": "Catering"}
    description = {
        "fr": "Les repas prevus pour chaque mission, et leur page.",
        "en": "Meals planned for each mission, and their page.",
    }
    core_requires = ">=0.1,<1"
    config_model = Config
    #: Vite's output (``frontend/`` builds into it), shipped in the wheel.
    frontend_dir = "web"

    @hookimpl
    def register_routes(self, register: Any) -> None:
        register(list_meals)
        register(add_meal)

    @hookimpl
    def register_piccolo_apps(self, register: Any) -> None:
        register("coulisses_catering.piccolo_app")

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        # A job (``enqueue("catering.backfill_meals", ...)``) and a cron: every day at
        # 05:00 UTC, once per org that enabled the plugin.
        register(backfill_meals, cron="0 5 * * *")

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        register(
            PluginPage(
                path=f"/plugins/{NAME}/meals",
                label={"fr": "Repas", "en": "Meals"},
                min_role="manager",
                module="meals.js",
            )
        )

    @hookimpl
    async def mission_changed(self, event: MissionChanged) -> None:
        """After commit, by a worker, at least once: ``event.event_id`` makes it idempotent."""
        if event.change != "created":
            return
        mission = await get_mission(event.org_id, event.mission_id)
        if mission is None:  # deleted since
            return
        await _plan_meals(event.org_id, mission.mission_id, mission.title, event.event_id)

    @hookimpl
    async def plugin_enabled(self, org_id: int) -> None:
        """The org turned catering on: plan meals for its upcoming missions now."""
        await enqueue(f"{NAME}.backfill_meals", org_id=org_id, plugin=NAME)


plugin = CateringPlugin()
