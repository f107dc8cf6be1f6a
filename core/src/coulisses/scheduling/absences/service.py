"""Absence types of an org (CRUD; four defaults per org, m0020) and what an absence leaves
uncovered: the ACCEPTED assignments of the absent user that meet it, each with the
replacements the conflict report ranks (:class:`coulisses.scheduling.conflicts.service.Suggester`).

An absence is an ``unavailable`` availability window carrying an ``absence_type_id``
(:mod:`coulisses.scheduling.availability.service` owns its workflow). Approving one
never cancels an assignment: the manager reads the overlaps and acts on each.
"""

from __future__ import annotations

import re
from typing import Any

from msgspec import UNSET

from coulisses.audit import record, record_change
from coulisses.db.connection import fetch, transaction
from coulisses.errors import Conflict, DomainError, NotFound
from coulisses.scheduling.absences.schemas import (
    AbsenceOverlapOut,
    AbsenceOverlapsOut,
    AbsenceTypeCreate,
    AbsenceTypeOut,
    AbsenceTypeUpdate,
)
from coulisses.scheduling.availability import service as availability
from coulisses.scheduling.common import org_timezone
from coulisses.scheduling.conflicts import service as conflicts
from coulisses_sdk import Listing, ListQuery, Principal

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_COLOR = re.compile(r"^#[0-9a-f]{6}$")

_COLUMNS = """t.id, t.code, t.label, t.color, t.requires_approval, t.active, t.created_at,
    t.updated_at,
    (SELECT count(*) FROM availability_windows w
     WHERE w.org = t.org AND w.absence_type_id = t.id)::integer AS windows"""

#: Sort keys of the absence types list (docs/api.md).
TYPES = Listing(
    sorts={
        "id": "t.id",
        "code": "t.code",
        "label": "lower(t.label)",
        "active": "t.active",
        "created_at": "t.created_at",
    },
    default="code",
    item=AbsenceTypeOut,
)


def _label(value: str) -> str:
    label = value.strip()
    if not 1 <= len(label) <= 100:
        raise DomainError(
            "absence_type.invalid_label", "A label has 1 to 100 characters", status=422
        )
    return label


def _color(value: str) -> str:
    color = value.strip().lower()
    if not _COLOR.match(color):
        raise DomainError(
            "absence_type.invalid_color", "A colour is written #rrggbb (e.g. #2563eb)", status=422
        )
    return color


async def _load(org_id: int, type_id: int, *, lock: bool = False) -> dict[str, Any]:
    sql = f"SELECT {_COLUMNS} FROM absence_types t WHERE t.org = $1 AND t.id = $2"  # noqa: S608
    rows = await fetch(sql + (" FOR UPDATE OF t" if lock else ""), org_id, type_id)
    if not rows:
        raise NotFound("absence_type.not_found", "No such absence type in this org")
    return rows[0]


async def get_type(org_id: int, type_id: int) -> dict[str, Any]:
    return await _load(org_id, type_id)


async def list_types(
    org_id: int, listing: ListQuery, *, active: bool | None = None
) -> tuple[list[dict[str, Any]], int]:
    where = "t.org = $1" + ("" if active is None else " AND t.active = $2")
    args: list[Any] = [org_id] if active is None else [org_id, active]
    total = (await fetch(f"SELECT count(*) AS n FROM absence_types t WHERE {where}", *args))[0][  # noqa: S608
        "n"
    ]
    listing.check_page(total)
    rows = await fetch(
        f"SELECT {_COLUMNS} FROM absence_types t WHERE {where}"  # noqa: S608
        f" ORDER BY {TYPES.order_by(listing)}"
        f" LIMIT {listing.page_size} OFFSET {listing.offset}",
        *args,
    )
    return rows, total


async def create_type(principal: Principal, data: AbsenceTypeCreate) -> dict[str, Any]:
    if not _CODE.match(data.code):
        raise DomainError(
            "absence_type.invalid_code",
            "A code has lowercase letters, digits and _, starting with a letter (40 at most)",
            status=422,
        )
    label, color = _label(data.label), _color(data.color)
    async with transaction():
        rows = await fetch(
            """INSERT INTO absence_types (org, code, label, color, requires_approval)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (org, code) DO NOTHING RETURNING id""",
            principal.org_id,
            data.code,
            label,
            color,
            data.requires_approval,
        )
        if not rows:
            raise Conflict(
                "absence_type.duplicate_code",
                f"The org already has an absence type {data.code!r}",
                details={"code": data.code},
            )
        type_id = int(rows[0]["id"])
        await record(
            principal.org_id,
            principal.account_id,
            "absence_type.created",
            f"absence_type:{type_id}",
            {"code": data.code, "label": label, "requires_approval": data.requires_approval},
        )
    return await get_type(principal.org_id, type_id)


async def update_type(
    principal: Principal, type_id: int, data: AbsenceTypeUpdate
) -> dict[str, Any]:
    async with transaction():
        row = await _load(principal.org_id, type_id, lock=True)
        after = {
            "label": row["label"] if data.label is UNSET else _label(data.label),
            "color": row["color"] if data.color is UNSET else _color(data.color),
            "requires_approval": row["requires_approval"]
            if data.requires_approval is UNSET
            else data.requires_approval,
            "active": row["active"] if data.active is UNSET else data.active,
        }
        await fetch(
            """UPDATE absence_types
               SET label = $3, color = $4, requires_approval = $5, active = $6,
                   updated_at = now()
               WHERE org = $1 AND id = $2""",
            principal.org_id,
            type_id,
            after["label"],
            after["color"],
            after["requires_approval"],
            after["active"],
        )
        await record_change(
            principal.org_id,
            principal.account_id,
            "absence_type.updated",
            f"absence_type:{type_id}",
            row,
            after,
            {"code": row["code"]},
        )
    return await get_type(principal.org_id, type_id)


async def delete_type(principal: Principal, type_id: int) -> None:
    """Only an unused type is deleted: one that windows carry is deactivated instead
    (``PATCH active: false``), so past absences keep their type."""
    async with transaction():
        row = await _load(principal.org_id, type_id, lock=True)
        if row["windows"]:
            raise Conflict(
                "absence_type.in_use",
                "Availability windows carry this absence type: deactivate it instead",
                details={"windows": row["windows"]},
            )
        await fetch(
            "DELETE FROM absence_types WHERE org = $1 AND id = $2", principal.org_id, type_id
        )
        await record(
            principal.org_id,
            principal.account_id,
            "absence_type.deleted",
            f"absence_type:{type_id}",
            {"code": row["code"]},
        )


# -- what an absence leaves uncovered ------------------------------------------------


async def overlaps(org_id: int, window_id: int) -> AbsenceOverlapsOut:
    """The ACCEPTED assignments of the window's user meeting its occurrences, by start, each
    with up to MAX_SUGGESTIONS replacements (the absent user is never one). An
    ``available`` window leaves nothing uncovered: no items."""
    window = await availability.get_window(org_id, window_id)
    user_id = int(window["user_id"])
    out = AbsenceOverlapsOut(window_id=window_id, user_id=user_id, assignments=[])
    if window["kind"] != "unavailable":
        return out
    found = await availability.occurrences(
        org_id, window["starts_at"], window["ends_at"], user_ids=[user_id]
    )
    spans_of_window = [
        (conflicts.epoch(o["starts_at"]), conflicts.epoch(o["ends_at"]))
        for o in found
        if o["window_id"] == window_id
    ]
    mine = [
        s
        for s in await conflicts.load_spans(
            org_id, window["starts_at"], window["ends_at"], [user_id]
        )
        if s.status == "ACCEPTED" and conflicts.meets(spans_of_window, s.start, s.end)
    ]
    if not mine:
        return out
    mine.sort(key=lambda s: (s.start, s.id))
    lo = conflicts.instant(mine[0].start) - conflicts.MARGIN
    hi = conflicts.instant(max(s.end for s in mine)) + conflicts.MARGIN
    users = await conflicts.load_users(org_id)
    spans = await conflicts.load_spans(org_id, lo, hi)
    context = await conflicts.load_context(org_id, list(users), lo, hi)
    candidates = {uid: info for uid, info in users.items() if uid != user_id}
    names = {
        r["id"]: r
        for r in await fetch(
            """SELECT a.id, m.title, r.name FROM assignments a
               JOIN missions m ON m.org = a.org AND m.id = a.mission
               JOIN mission_roles r ON r.org = a.org AND r.id = a.mission_role
               WHERE a.org = $1 AND a.id = ANY($2::int[])""",
            org_id,
            [s.id for s in mine],
        )
    }
    tz = await org_timezone(org_id)
    with conflicts.gc_paused():
        analysis = conflicts.analyse(
            context, users, spans, conflicts.epoch(lo), conflicts.epoch(hi)
        )
        suggester = conflicts.Suggester(
            candidates, analysis.loads, analysis.limits, analysis.grid, analysis.unavailable
        )
        for span in mine:
            out.assignments.append(
                AbsenceOverlapOut(
                    assignment_id=span.id,
                    mission_id=span.mission_id,
                    mission_title=names[span.id]["title"],
                    mission_role_id=span.mission_role_id,
                    role_name=names[span.id]["name"],
                    project_id=span.project_id,
                    starts_at=conflicts.instant(span.start),
                    ends_at=conflicts.instant(span.end),
                    timezone=span.zone or str(tz.key),
                    suggestions=[
                        conflicts.suggestion_out(s, users) for s in suggester.suggest(span)
                    ],
                )
            )
    return out


def type_out(row: dict[str, Any]) -> AbsenceTypeOut:
    return AbsenceTypeOut(**row)
