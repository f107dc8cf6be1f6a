"""Per-org rule versions: the rules and the queries, always scoped by org.

An org's rules are rows of ``payroll_rule_versions`` (one per profile x employment type x
effective date), seeded from :func:`coulisses_payroll.rules.default_history` the first time
they are read (or when the plugin is enabled). Versions are only appended: a new version
must take effect after every existing version of its employment type, so the months before
its date keep their rules. Errors are :class:`PluginError` with stable ``payroll.*`` codes;
nothing is written when one is raised.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from coulisses_payroll.config import load_config
from coulisses_payroll.errors import PayrollError
from coulisses_payroll.rules import EmploymentType, Profile, RuleHistory, RuleSet, default_history
from coulisses_payroll.schemas import (
    PayrollRulesOut,
    PayrollRuleVersionCreate,
    PayrollRuleVersionOut,
)
from coulisses_payroll.tables import RuleVersion
from coulisses_sdk import org_info

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

#: Keys of a rule set that a version row stores in its own columns.
_KEY_FIELDS = ("profile", "employment_type", "effective_from", "label")


def validation_details(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors as JSON-safe details: where, the stable type (``rules.*``...), why."""
    return [
        {"loc": [str(part) for part in error["loc"]], "type": error["type"], "msg": error["msg"]}
        for error in exc.errors(include_url=False, include_input=False)
    ]


def invalid_rules(exc: ValidationError) -> PluginError:
    return PluginError(
        "payroll.invalid_rules",
        "The rule version is not valid: see details.errors (each type is a stable code)",
        status=422,
        details={"errors": validation_details(exc)},
    )


async def org_today(org_id: int) -> dt.date:
    info = await org_info(org_id)
    zone = ZoneInfo(info.timezone if info is not None else "Europe/Paris")
    return dt.datetime.now(zone).date()


async def resolve_profile(org_id: int, profile: Profile | None) -> Profile:
    return profile if profile is not None else (await load_config(org_id)).profile


async def seed(org_id: int, profile: Profile) -> None:
    """Insert the seeded versions of ``profile`` for the org if it has none of it yet."""
    mine = (RuleVersion.org_id == org_id) & (RuleVersion.profile == profile.value)
    if await RuleVersion.exists().where(mine):
        return
    now = dt.datetime.now(dt.UTC)
    for version in default_history(profile).versions:
        # ON CONFLICT: two first reads at once seed once (the unique version key).
        await RuleVersion.raw(
            "INSERT INTO payroll_rule_versions "
            "(org_id, profile, employment_type, effective_from, params, created_at) "
            "VALUES ({}, {}, {}, {}, {}, {}) "
            "ON CONFLICT (org_id, profile, employment_type, effective_from) DO NOTHING",
            org_id,
            profile.value,
            version.employment_type.value,
            version.effective_from,
            version.model_dump_json(),
            now,
        )


def _params(row: dict[str, Any]) -> dict[str, Any]:
    params = row["params"]
    return json.loads(params) if isinstance(params, str) else dict(params)


async def _rows(org_id: int, profile: Profile) -> list[dict[str, Any]]:
    await seed(org_id, profile)
    rows: list[dict[str, Any]] = (
        await RuleVersion.select()
        .where((RuleVersion.org_id == org_id) & (RuleVersion.profile == profile.value))
        .order_by(RuleVersion.employment_type)
        .order_by(RuleVersion.effective_from)
    )
    return rows


#: Validated rule histories by the content of their rows (ids and parameters), latest
#: last: the same rows give the same (frozen) history object, so that the engine finds the
#: lookups it remembers for it (``engine._rules_for``) and nothing is validated again.
_HISTORIES: dict[tuple[tuple[int, str], ...], RuleHistory] = {}
_HISTORIES_KEPT = 64


def _content(row: dict[str, Any]) -> tuple[int, str]:
    params = row["params"]
    text = params if isinstance(params, str) else json.dumps(params, sort_keys=True)
    return int(row["id"]), text


async def history(org_id: int, profile: Profile) -> RuleHistory:
    """The org's rule history of ``profile`` (seeded on first use), for the engine."""
    rows = await _rows(org_id, profile)
    key = tuple(_content(r) for r in rows)
    found = _HISTORIES.pop(key, None)
    if found is None:
        found = RuleHistory(versions=tuple(RuleSet.model_validate(_params(r)) for r in rows))
    _HISTORIES[key] = found  # latest last
    while len(_HISTORIES) > _HISTORIES_KEPT:
        del _HISTORIES[next(iter(_HISTORIES))]
    return found


async def get_rules(org_id: int, profile: Profile | None) -> PayrollRulesOut:
    chosen = await resolve_profile(org_id, profile)
    rows = await _rows(org_id, chosen)
    today = await org_today(org_id)
    current: dict[str, dt.date] = {}
    for row in rows:
        if row["effective_from"] <= today:
            current[row["employment_type"]] = row["effective_from"]
    return PayrollRulesOut(
        profile=chosen,
        versions=[
            PayrollRuleVersionOut(
                id=row["id"],
                profile=Profile(row["profile"]),
                employment_type=EmploymentType(row["employment_type"]),
                effective_from=row["effective_from"],
                label=_params(row).get("label", ""),
                in_force=current.get(row["employment_type"]) == row["effective_from"],
                params={k: v for k, v in _params(row).items() if k not in _KEY_FIELDS},
                created_at=row["created_at"],
            )
            for row in rows
        ],
    )


async def add_version(
    org_id: int, account_id: int, data: PayrollRuleVersionCreate
) -> PayrollRuleVersionOut:
    """Append a version: the one in force at its date with ``data.params`` changed."""
    profile = await resolve_profile(org_id, data.profile)
    unknown = sorted(set(data.params) - (set(RuleSet.model_fields) - set(_KEY_FIELDS)))
    if unknown:
        raise PluginError(
            "payroll.unknown_parameter",
            f"Unknown rule parameter(s): {', '.join(unknown)}",
            status=422,
            details={"field": "params", "unknown": unknown},
        )
    async with RuleVersion._meta.db.transaction():
        # Serialise the writers of one org so that "after the latest version" holds.
        await RuleVersion.raw("SELECT pg_advisory_xact_lock(hashtext('payroll'), {})", org_id)
        current_history = await history(org_id, profile)
        same_type = [
            v for v in current_history.versions if v.employment_type == data.employment_type
        ]
        latest = max((v.effective_from for v in same_type), default=None)
        if latest is not None and data.effective_from <= latest:
            message = (
                f"A new version must take effect after {latest.isoformat()}, the date of the "
                f"latest {data.employment_type} version: earlier months keep their rules"
            )
            if data.effective_from == latest:
                raise PluginError(
                    "payroll.duplicate_version",
                    message,
                    status=409,
                    details={"field": "effective_from", "latest": latest.isoformat()},
                )
            raise PluginError(
                "payroll.version_not_latest",
                message,
                status=409,
                details={"field": "effective_from", "latest": latest.isoformat()},
            )
        base = max(same_type, key=lambda v: v.effective_from) if same_type else None
        body: dict[str, Any] = base.model_dump(mode="json") if base is not None else {}
        body.update(data.params)
        body.update(
            profile=profile.value,
            employment_type=data.employment_type.value,
            effective_from=data.effective_from.isoformat(),
            label=data.label,
        )
        try:
            version = RuleSet.model_validate(body)
        except ValidationError as exc:
            raise invalid_rules(exc) from None
        now = dt.datetime.now(dt.UTC)
        row = RuleVersion(
            org_id=org_id,
            profile=profile.value,
            employment_type=version.employment_type.value,
            effective_from=version.effective_from,
            params=version.model_dump_json(),
            created_by=account_id,
            created_at=now,
        )
        await row.save()
    today = await org_today(org_id)
    return PayrollRuleVersionOut(
        id=row.id,
        profile=profile,
        employment_type=version.employment_type,
        effective_from=version.effective_from,
        label=version.label,
        in_force=version.effective_from <= today,
        params={k: v for k, v in version.model_dump(mode="json").items() if k not in _KEY_FIELDS},
        created_at=now,
    )


#: The dates the plugin reads (the report's months, the trackers' days): the rule versions
#: and the org's calendar are kept for these years.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def check_day(day: dt.date | None, field: str) -> None:
    """400 ``payroll.date_out_of_range`` for a day outside 2000-01-01..2100-12-31."""
    if day is not None and not FIRST_DAY <= day <= LAST_DAY:
        raise PluginError(
            "payroll.date_out_of_range",
            f"{field} must be between {FIRST_DAY} and {LAST_DAY}, got {day}",
            status=400,
            details={"field": field},
        )


def version_in_force(history: RuleHistory, employment: EmploymentType, day: dt.date) -> RuleSet:
    """The rule version in force (422 ``payroll.no_rule_set`` when none is yet)."""
    try:
        return history.in_force(employment, day)
    except PayrollError as exc:
        raise PluginError(exc.code, exc.message, status=422) from None
