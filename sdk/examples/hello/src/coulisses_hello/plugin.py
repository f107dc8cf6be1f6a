"""The hello plugin: a route, a table, a job and a domain-event hook."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get
from pydantic import BaseModel, ConfigDict

from coulisses_hello.tables import Greeting
from coulisses_sdk import (
    Listing,
    ListParams,
    MemberAdded,
    MenuEntry,
    Page,
    Plugin,
    current_principal,
    enqueue,
    hookimpl,
    plugin_config,
    require_role,
    setting,
)

NAME = "hello"


class HelloConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # ``setting`` gives the settings form its labels in each language (the repository
    # is ASCII: accents are written as escapes).
    greeting: str = setting(
        "Bienvenue",
        label={"fr": "Message d'accueil", "en": "Greeting"},
        help={
            "fr": "Le d\u00e9but du message envoy\u00e9 \u00e0 chaque nouveau membre.",
            "en": "How the message to each new member starts.",
        },
        min_length=1,
        max_length=100,
    )
    punctuation: str = setting(
        "!", label={"fr": "Ponctuation finale", "en": "Final punctuation"}, max_length=3
    )


class GreetingOut(msgspec.Struct):
    id: int
    email: str
    message: str
    delivered: int


class GreetingPage(Page[GreetingOut]):
    """The list envelope of greetings."""

    items: list[GreetingOut]


#: The greetings list: the SDK's envelope and list parameters, sorted in SQL.
GREETINGS = Listing(
    sorts={"id": Greeting.id, "email": Greeting.email, "delivered": Greeting.delivered},
    default="id",
    item=GreetingOut,
)


@get(
    "/greetings",
    operation_id="HelloListGreetings",
    # Greetings name members by email: managers and up only (a tech reads no
    # colleague's contact data, docs/rbac.md).
    guards=[require_role("manager")],
    dependencies={"listing": GREETINGS.dependency()},
)
async def list_greetings(request: Request[Any, Any, Any], listing: ListParams) -> GreetingPage:
    mine = Greeting.org_id == current_principal(request).org_id
    total = await Greeting.count().where(mine)
    listing.check_page(total)
    select = (
        Greeting.select(Greeting.id, Greeting.email, Greeting.message, Greeting.delivered)
        .where(mine)
        .limit(listing.page_size)
        .offset(listing.offset)
    )
    rows = await GREETINGS.order(select, listing)
    return listing.page_of(GreetingPage, [GreetingOut(**r) for r in rows], total)


@get("/ping", operation_id="HelloPing")
async def ping(request: Request[Any, Any, Any]) -> dict[str, Any]:
    principal = current_principal(request)
    return {"plugin": NAME, "org_id": principal.org_id, "message": "hello"}


async def deliver_greeting(ctx: dict[str, Any], *, org_id: int, email: str) -> None:
    """Job: mark the greetings of ``email`` delivered (a real plugin would send something)."""
    await Greeting.update({Greeting.delivered: Greeting.delivered + 1}).where(
        (Greeting.org_id == org_id) & (Greeting.email == email)
    )


class HelloPlugin(Plugin):
    name = NAME
    version = "0.1.0"
    title = {"fr": "Hello", "en": "Hello"}
    description = {
        "fr": "Exemple de plugin : salue chaque nouveau membre de l'org.",
        "en": "Example plugin: greets each new member of the org.",
    }
    core_requires = ">=0.1,<1"
    config_model = HelloConfig

    @hookimpl
    def register_routes(self, register: Any) -> None:
        register(list_greetings)
        register(ping)

    @hookimpl
    def register_piccolo_apps(self, register: Any) -> None:
        register("coulisses_hello.piccolo_app")

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        register(deliver_greeting)

    @hookimpl
    def register_admin_tables(self, register: Any) -> None:
        register(Greeting)

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        # The web app's generic plugin page (metadata and config form).
        register(MenuEntry(path=f"/plugins/{NAME}", label={"fr": "Hello", "en": "Hello"}))

    @hookimpl
    async def member_added(self, event: MemberAdded) -> None:
        # Called only for orgs that enabled hello, after the member was committed.
        config = HelloConfig.model_validate(await plugin_config(event.org_id, NAME))
        message = f"{config.greeting} {event.email}{config.punctuation}"
        await Greeting.insert(Greeting(org_id=event.org_id, email=event.email, message=message))
        await enqueue(
            f"{NAME}.deliver_greeting", org_id=event.org_id, plugin=NAME, email=event.email
        )


plugin = HelloPlugin()
