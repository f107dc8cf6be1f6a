"""Places: where missions happen (stage, venue, city), with an address, an IANA timezone,
optional coordinates and notes. A mission's local times (creation from HH:MM slots,
duplication, its day for the project dates and the per-day conflict rules, displays)
use its place's timezone, the org's when it has no place.

A place's name is unique in its org (without case). A place referenced by missions
cannot be deleted (409 ``place.in_use``): move the missions first. Changing a place's
timezone keeps the missions' instants and changes the local times they show.
"""

from __future__ import annotations

import functools
import zoneinfo
from typing import Any

import asyncpg
import msgspec

from coulisses.audit import record, record_change
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.places.schemas import PlaceCreate, PlaceOut, PlaceUpdate
from coulisses_sdk import Listing, ListQuery, Principal

LIMITS = {"name": 200, "address": 500, "notes": 2000}

_SELECT = """SELECT p.id, p.name, p.address, p.timezone, p.latitude, p.longitude, p.notes,
       (SELECT count(*) FROM missions m WHERE m.org = p.org AND m.place_id = p.id)::int
           AS mission_count,
       p.created_at, p.updated_at
FROM places p"""


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_timezone(value: str) -> str:
    """An IANA timezone name (``America/Montreal``), else 422 ``place.invalid_timezone``."""
    name = value.strip()
    if name not in _zones():
        raise DomainError(
            "place.invalid_timezone",
            f"Unknown IANA timezone {value[:64]!r} (e.g. Europe/Paris, America/Montreal)",
            details={"field": "timezone"},
            status=422,
        )
    return name


def _text(value: str, field: str, *, required: bool = False) -> str:
    value = value.strip()
    limit = LIMITS[field]
    if (required and not value) or len(value) > limit:
        raise DomainError(
            f"place.invalid_{field}",
            f"A place {field} has {1 if required else 0} to {limit} characters",
            details={"field": field},
            status=422,
        )
    return value


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    """Both or none; latitude in [-90, 90], longitude in [-180, 180]."""
    if (latitude is None) != (longitude is None):
        field = "longitude" if longitude is None else "latitude"
        raise DomainError(
            "place.invalid_coordinates",
            "Give latitude and longitude together (or neither)",
            details={"field": field},
            status=422,
        )
    for field, value, bound in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        if value is not None and not -bound <= value <= bound:
            raise DomainError(
                "place.invalid_coordinates",
                f"{field} is between -{bound} and {bound}",
                details={"field": field},
                status=422,
            )


def _duplicate(name: str) -> Conflict:
    return Conflict(
        "place.duplicate_name",
        f"This org already has a place named {name!r}",
        details={"field": "name"},
    )


async def _check_name_free(org_id: int, name: str, place_id: int | None = None) -> None:
    if await fetch(
        """SELECT 1 FROM places WHERE org = $1 AND lower(name) = lower($2)
           AND id IS DISTINCT FROM $3""",
        org_id,
        name,
        place_id,
    ):
        raise _duplicate(name)


async def get_place(org_id: int, place_id: int, *, lock: bool = False) -> dict[str, Any]:
    if lock:
        await fetch("SELECT 1 FROM places WHERE org = $1 AND id = $2 FOR UPDATE", org_id, place_id)
    rows = await fetch(_SELECT + " WHERE p.org = $1 AND p.id = $2", org_id, place_id)
    if not rows:
        raise NotFound("place.not_found", "Place not found")
    return rows[0]


#: Sort keys of the places list and the SQL each orders by (docs/api.md).
PLACES = Listing(
    sorts={
        "id": "p.id",
        "name": "lower(p.name)",
        "timezone": "p.timezone",
        "created_at": "p.created_at",
        "updated_at": "p.updated_at",
    },
    default="name",
    item=PlaceOut,
)


async def list_places(
    org_id: int, listing: ListQuery, query: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The org's places (by name by default) and their total; ``query`` keeps those whose
    name or address contains it."""
    where = "WHERE p.org = $1"
    args: list[Any] = [org_id]
    text = (query or "").strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where += " AND (p.name ILIKE $2 OR p.address ILIKE $2)"
        args.append(pattern)
    total = (await fetch(f"SELECT count(*) AS n FROM places p {where}", *args))[0]["n"]  # noqa: S608
    listing.check_page(total)
    rows = await fetch(
        f"{_SELECT} {where} ORDER BY {PLACES.order_by(listing)} "
        f"LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return rows, total


async def create_place(principal: Principal, data: PlaceCreate) -> dict[str, Any]:
    name = _text(data.name, "name", required=True)
    address = _text(data.address, "address")
    notes = _text(data.notes, "notes")
    timezone = check_timezone(data.timezone) if data.timezone is not None else None
    check_coordinates(data.latitude, data.longitude)
    async with transaction():
        await _check_name_free(principal.org_id, name)
        try:
            rows = await fetch(
                """INSERT INTO places (org, name, address, timezone, latitude, longitude, notes)
                   SELECT o.id, $2, $3, COALESCE($4, o.timezone), $5, $6, $7
                   FROM orgs o WHERE o.id = $1 RETURNING id""",
                principal.org_id,
                name,
                address,
                timezone,
                data.latitude,
                data.longitude,
                notes,
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _duplicate(name) from exc  # a concurrent creation won
        place_id = int(rows[0]["id"])
        await record(principal.org_id, principal.account_id, "place.created", f"place:{place_id}")
    return await get_place(principal.org_id, place_id)


async def update_place(principal: Principal, place_id: int, data: PlaceUpdate) -> dict[str, Any]:
    """FOR UPDATE waits for the commands that read the place's timezone (they hold FOR KEY
    SHARE, see :func:`coulisses.scheduling.common.mission_timezone`)."""
    changes: dict[str, Any] = {}
    if data.name is not msgspec.UNSET:
        changes["name"] = _text(data.name, "name", required=True)
    if data.address is not msgspec.UNSET:
        changes["address"] = _text(data.address, "address")
    if data.notes is not msgspec.UNSET:
        changes["notes"] = _text(data.notes, "notes")
    if data.timezone is not msgspec.UNSET:
        changes["timezone"] = check_timezone(data.timezone)
    async with transaction():
        current = await get_place(principal.org_id, place_id, lock=True)
        latitude = current["latitude"] if data.latitude is msgspec.UNSET else data.latitude
        longitude = current["longitude"] if data.longitude is msgspec.UNSET else data.longitude
        check_coordinates(latitude, longitude)
        if (latitude, longitude) != (current["latitude"], current["longitude"]):
            changes.update(latitude=latitude, longitude=longitude)
        changes = {k: v for k, v in changes.items() if v != current[k]}
        if "name" in changes:
            await _check_name_free(principal.org_id, changes["name"], place_id)
        if not changes:
            return current
        sets = ", ".join(f"{col} = ${i + 3}" for i, col in enumerate(changes))
        try:
            await fetch(
                f"UPDATE places SET {sets}, updated_at = now() WHERE org = $1 AND id = $2",  # noqa: S608
                principal.org_id,
                place_id,
                *changes.values(),
            )
        except asyncpg.exceptions.UniqueViolationError as exc:
            raise _duplicate(changes["name"]) from exc
        await record_change(
            principal.org_id,
            principal.account_id,
            "place.updated",
            f"place:{place_id}",
            current,
            changes,
        )
    return await get_place(principal.org_id, place_id)


async def delete_place(principal: Principal, place_id: int) -> None:
    """Refused (409 ``place.in_use``, details: ``missions``) while missions reference it."""
    async with transaction():
        place = await get_place(principal.org_id, place_id, lock=True)
        if place["mission_count"]:
            raise Conflict(
                "place.in_use",
                f"{place['mission_count']} missions take place here: move them to another"
                " place (or none) first",
                details={"missions": place["mission_count"]},
            )
        await fetch("DELETE FROM places WHERE org = $1 AND id = $2", principal.org_id, place_id)
        await record(
            principal.org_id,
            principal.account_id,
            "place.deleted",
            f"place:{place_id}",
            {"name": place["name"]},
        )


async def place_named(principal: Principal, name: str, *, field: str = "place") -> int | None:
    """The id of the org's place called ``name`` (without case), created in the org's
    timezone when there is none; None for an empty name. Serves the ``place`` text that
    mission bodies still accept (call inside the command's transaction); ``field`` names
    it in errors (``slots[2].place``)."""
    name = name.strip()
    if not name:
        return None
    if len(name) > LIMITS["name"]:
        raise DomainError(
            "mission.invalid_place",
            f"{field} needs at most {LIMITS['name']} characters",
            details={"field": field},
            status=422,
        )
    rows = await fetch(
        """INSERT INTO places (org, name, timezone)
           SELECT o.id, $2, o.timezone FROM orgs o WHERE o.id = $1
           ON CONFLICT (org, lower(name)) DO NOTHING RETURNING id""",
        principal.org_id,
        name,
    )
    if rows:
        place_id = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "place.created",
            f"place:{place_id}",
            {"from_mission": True},
        )
        return place_id
    found = await fetch(
        "SELECT id FROM places WHERE org = $1 AND lower(name) = lower($2)",
        principal.org_id,
        name,
    )
    return int(found[0]["id"])
