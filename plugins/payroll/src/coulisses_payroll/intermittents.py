"""The 507 h tracker of the org's intermittents (annexes 8 and 10 of unemployment insurance).

Who: the users whose core employment type is ``Intermittent``. Each has a profile here
(made on first write): the annexe (8: technician, counted in real hours; 10: artist, whose
cachets count ``cachet_hours`` each; before any write, 10 for a person whose own rate is a
cachet, else 8) and the hours they declared worked for other employers
in the same window (``elsewhere_minutes``, entered by a manager with a note).

The window: the ``affiliation_days`` org-local days ending on ``as_of`` (both included;
default: today), ``affiliation_days`` and ``affiliation_hours`` read from the rule version
in force on ``as_of`` for the person's annexe (seeded 365 days and 507 h, PAYROLL_FR.md 1).

What counts, from this org's data: every ACCEPTED assignment (not a reserve) that starts
inside the window, whole. An annexe 10 artist whose assignment is paid by a cachet (the
core's ``cachet`` rate kind) counts one cachet, that is ``cachet_hours`` (12) hours from the
rule version in force on the day it starts; any other assignment counts its validated actual
minutes minus breaks when its timesheet line has some, else its planned minutes. A future
``as_of`` counts the accepted assignments up to it: a projection, not worked hours.

Computations and reminders, not legal advice: France Travail decides on the claim.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo

from coulisses_payroll.rules import EmploymentType, RuleHistory
from coulisses_payroll.schemas import (
    IntermittentItemOut,
    IntermittentOut,
    IntermittentProfileIn,
)
from coulisses_payroll.service import check_day, resolve_profile, version_in_force
from coulisses_payroll.service import history as rule_history
from coulisses_payroll.tables import IntermittentProfile
from coulisses_payroll.timesheets import validated_actuals
from coulisses_sdk import (
    AssignmentSummary,
    Principal,
    effective_rate,
    get_user,
    iter_assignments,
    iter_users,
    org_info,
    record_audit,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

INTERMITTENT = "Intermittent"
#: A profile before its first write.
NEW_PROFILE: dict[str, Any] = {"annexe": 8, "elsewhere_minutes": 0, "elsewhere_note": ""}
_ANNEXE = {8: EmploymentType.INTERMITTENT_A8, 10: EmploymentType.INTERMITTENT_A10}


@dataclass
class Profile:
    annexe: int = 8
    elsewhere_minutes: int = 0
    elsewhere_note: str = ""
    updated_at: dt.datetime | None = None


@dataclass
class Window:
    as_of: dt.date
    first_day: dt.date
    start: dt.datetime
    end: dt.datetime
    threshold_minutes: int


@dataclass
class Count:
    user_id: int
    name: str
    profile: Profile
    window: Window
    worked_minutes: int = 0
    cachets: int = 0
    cachet_minutes: int = 0
    items: list[IntermittentItemOut] = field(default_factory=list)

    def out(self, *, with_items: bool = False) -> IntermittentOut:
        total = self.worked_minutes + self.cachet_minutes + self.profile.elsewhere_minutes
        missing = max(0, self.window.threshold_minutes - total)
        return IntermittentOut(
            user_id=self.user_id,
            name=self.name,
            annexe=self.profile.annexe,
            as_of=self.window.as_of,
            from_day=self.window.first_day,
            to_day=self.window.as_of,
            worked_minutes=self.worked_minutes,
            cachets=self.cachets,
            cachet_minutes=self.cachet_minutes,
            elsewhere_minutes=self.profile.elsewhere_minutes,
            elsewhere_note=self.profile.elsewhere_note,
            total_minutes=total,
            threshold_minutes=self.window.threshold_minutes,
            missing_minutes=missing,
            reached=missing == 0,
            assignments=len(self.items),
            profile_updated_at=self.profile.updated_at,
            counted=self.items if with_items else None,
        )


async def _zone(org_id: int) -> ZoneInfo:
    info = await org_info(org_id)
    return ZoneInfo(info.timezone if info is not None else "Europe/Paris")


async def _profiles(org_id: int, user_id: int | None = None) -> dict[int, Profile]:
    sql = (
        "SELECT user_id, annexe, elsewhere_minutes, elsewhere_note, updated_at "
        "FROM payroll_intermittent_profiles WHERE org_id = {}"
    )
    args: list[Any] = [org_id]
    if user_id is not None:
        sql += " AND user_id = {}"
        args.append(user_id)
    rows = await IntermittentProfile.raw(sql, *args)
    return {
        r["user_id"]: Profile(
            r["annexe"], r["elsewhere_minutes"], r["elsewhere_note"], r["updated_at"]
        )
        for r in rows
    }


async def _default_profile(org_id: int, user_id: int) -> Profile:
    """Before any write: annexe 10 for a person whose own rate is a cachet (an artist, as
    the monthly report pays them), else 8."""
    rate = await effective_rate(org_id, user_id=user_id)
    return Profile(annexe=10 if rate is not None and rate.kind == "cachet" else 8)


def _window(history: RuleHistory, annexe: int, as_of: dt.date, zone: ZoneInfo) -> Window:
    version = version_in_force(history, _ANNEXE[annexe], as_of)
    first = as_of - dt.timedelta(days=version.affiliation_days.value - 1)
    return Window(
        as_of=as_of,
        first_day=first,
        start=dt.datetime.combine(first, dt.time(), zone).astimezone(dt.UTC),
        end=dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC),
        threshold_minutes=version.affiliation_hours.value * 60,
    )


async def track(
    org_id: int, as_of: dt.date | None = None, *, user_id: int | None = None
) -> tuple[dt.date, list[Count]]:
    """The counts of the org's intermittents (or of one of them) on ``as_of``."""
    check_day(as_of, "as_of")
    zone = await _zone(org_id)
    day = as_of if as_of is not None else dt.datetime.now(zone).date()
    history = await rule_history(org_id, await resolve_profile(org_id, None))
    profiles = await _profiles(org_id, user_id)

    counts: dict[int, Count] = {}
    if user_id is not None:
        user = await get_user(org_id, user_id)
        people = [user] if user is not None and user.employment_type == INTERMITTENT else []
    else:
        people = [u async for u in iter_users(org_id) if u.employment_type == INTERMITTENT]
    for person in people:
        profile = profiles.get(person.user_id) or await _default_profile(org_id, person.user_id)
        counts[person.user_id] = Count(
            person.user_id, person.name, profile, _window(history, profile.annexe, day, zone)
        )
    if not counts:
        return day, []

    earliest = min(c.window.start for c in counts.values())
    latest = max(c.window.end for c in counts.values())
    found: list[AssignmentSummary] = []
    async for summary in iter_assignments(
        org_id,
        user_id=user_id,
        statuses=("ACCEPTED",),
        starts_after=earliest,
        starts_before=latest,
    ):
        count = counts.get(summary.user_id)
        if (
            count is not None
            and not summary.reserve
            and count.window.start <= summary.starts_at < count.window.end
        ):
            found.append(summary)
    actuals = await validated_actuals(org_id, (s.assignment_id for s in found))

    for summary in sorted(found, key=lambda s: (s.starts_at, s.assignment_id)):
        count = counts[summary.user_id]
        local_day = summary.starts_at.astimezone(ZoneInfo(summary.timezone)).date()
        kind: Literal["actual", "planned", "cachet"] = "planned"
        minutes = summary.duration_minutes
        cachets = 0
        if count.profile.annexe == 10:
            rate = await effective_rate(
                org_id,
                user_id=summary.user_id,
                role_name=summary.role_name,
                mission_id=summary.mission_id,
            )
            if rate is not None and rate.kind == "cachet":
                version = version_in_force(history, EmploymentType.INTERMITTENT_A10, local_day)
                kind, cachets, minutes = "cachet", 1, version.cachet_hours.value * 60
        if kind != "cachet" and summary.assignment_id in actuals:
            actual = actuals[summary.assignment_id]
            kind = "actual"
            span = int((actual.end - actual.start).total_seconds()) // 60
            minutes = max(0, span - actual.break_minutes)
        if kind == "cachet":
            count.cachets += cachets
            count.cachet_minutes += minutes
        else:
            count.worked_minutes += minutes
        count.items.append(
            IntermittentItemOut(
                assignment_id=summary.assignment_id,
                mission_id=summary.mission_id,
                mission_title=summary.mission_title,
                role_name=summary.role_name,
                starts_at=summary.starts_at,
                ends_at=summary.ends_at,
                source=kind,
                minutes=minutes,
            )
        )
    return day, list(counts.values())


def _not_intermittent(user_id: int) -> PluginError:
    return PluginError(
        "payroll.not_intermittent",
        "This person's employment type is not Intermittent: the 507 h tracker counts "
        "intermittents only",
        status=422,
        details={"user_id": user_id},
    )


async def person(org_id: int, user_id: int, as_of: dt.date | None) -> IntermittentOut:
    user = await get_user(org_id, user_id)
    if user is None:
        raise PluginError("payroll.user_not_found", "No such user", status=404)
    if user.employment_type != INTERMITTENT:
        raise _not_intermittent(user_id)
    _, counts = await track(org_id, as_of, user_id=user_id)
    return counts[0].out(with_items=True)


async def update_profile(
    principal: Principal, user_id: int, data: IntermittentProfileIn
) -> IntermittentOut:
    """Set a person's annexe and hours declared elsewhere (audited)."""
    org_id = principal.org_id
    user = await get_user(org_id, user_id)
    if user is None:
        raise PluginError("payroll.user_not_found", "No such user", status=404)
    if user.employment_type != INTERMITTENT:
        raise _not_intermittent(user_id)
    after = {
        "annexe": data.annexe,
        "elsewhere_minutes": data.elsewhere_minutes,
        "elsewhere_note": data.elsewhere_note.strip(),
    }
    async with IntermittentProfile._meta.db.transaction():
        rows = await IntermittentProfile.raw(
            "SELECT annexe, elsewhere_minutes, elsewhere_note FROM payroll_intermittent_profiles "
            "WHERE org_id = {} AND user_id = {} FOR UPDATE",
            org_id,
            user_id,
        )
        before = dict(rows[0]) if rows else {**NEW_PROFILE}
        await IntermittentProfile.raw(
            "INSERT INTO payroll_intermittent_profiles "
            "(org_id, user_id, annexe, elsewhere_minutes, elsewhere_note, updated_by, "
            "updated_at) VALUES ({}, {}, {}, {}, {}, {}, {}) "
            "ON CONFLICT (org_id, user_id) DO UPDATE SET annexe = EXCLUDED.annexe, "
            "elsewhere_minutes = EXCLUDED.elsewhere_minutes, "
            "elsewhere_note = EXCLUDED.elsewhere_note, updated_by = EXCLUDED.updated_by, "
            "updated_at = EXCLUDED.updated_at",
            org_id,
            user_id,
            after["annexe"],
            after["elsewhere_minutes"],
            after["elsewhere_note"],
            principal.account_id,
            dt.datetime.now(dt.UTC),
        )
        changed = [name for name in after if before[name] != after[name]]
        if changed:
            await record_audit(
                org_id,
                "payroll",
                "intermittent_updated",
                actor_account_id=principal.account_id,
                target=f"user:{user_id}",
                payload={
                    "before": {name: before[name] for name in changed},
                    "after": {name: after[name] for name in changed},
                },
            )
    return await person(org_id, user_id, None)
