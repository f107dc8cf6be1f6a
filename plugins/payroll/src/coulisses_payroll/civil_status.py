"""Intermittents' civil status: what an AEM and a CDDU contract print about the employee
beside their name and NIR (``docs/payroll.md``, "Etat civil").

One row per person, made on first write, replaced whole. Only intermittents have one (the
AEM and the CDDU are theirs). Managers read and edit; a tech reads their own. The audit
entry names the fields that changed, never their values (personal data).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coulisses_payroll.schemas import CivilStatusIn, CivilStatusOut
from coulisses_payroll.tables import CivilStatus
from coulisses_sdk import Principal, get_user, record_audit
from coulisses_sdk.web import PluginError

INTERMITTENT = "Intermittent"
FIELDS = ("birth_name", "birth_date", "birth_place", "nationality", "address")
#: What an AEM needs beyond the name and the NIR (the birth name is only for a person
#: whose name changed; the nationality is optional on the form).
REQUIRED = ("birth_date", "birth_place", "address")
EMPTY: dict[str, Any] = {
    "birth_name": "",
    "birth_date": None,
    "birth_place": "",
    "nationality": "",
    "address": "",
}


def missing(values: dict[str, Any]) -> list[str]:
    """The fields an AEM needs that are still empty."""
    return [name for name in REQUIRED if not values.get(name)]


def out(user_id: int, values: dict[str, Any]) -> CivilStatusOut:
    return CivilStatusOut(
        user_id=user_id, **{name: values[name] for name in FIELDS}, missing=missing(values)
    )


async def of_users(org_id: int, user_ids: set[int]) -> dict[int, dict[str, Any]]:
    """Each person's civil status (the empty one when none was recorded)."""
    if not user_ids:
        return {}
    rows = await CivilStatus.select(
        CivilStatus.user_id, *(getattr(CivilStatus, f) for f in FIELDS)
    ).where((CivilStatus.org_id == org_id) & CivilStatus.user_id.is_in(sorted(user_ids)))
    found = {int(r["user_id"]): {f: r[f] for f in FIELDS} for r in rows}
    return {uid: found.get(uid, dict(EMPTY)) for uid in user_ids}


async def _intermittent(org_id: int, user_id: int) -> None:
    user = await get_user(org_id, user_id)
    if user is None:
        raise PluginError("payroll.user_not_found", "No such user", status=404)
    if user.employment_type != INTERMITTENT:
        raise PluginError(
            "payroll.not_intermittent",
            "This person is not an intermittent du spectacle",
            status=422,
            details={"user_id": user_id},
        )


async def get(org_id: int, user_id: int) -> CivilStatusOut:
    await _intermittent(org_id, user_id)
    return out(user_id, (await of_users(org_id, {user_id}))[user_id])


def _clean(data: CivilStatusIn, today: dt.date) -> dict[str, Any]:
    if data.birth_date is not None and data.birth_date >= today:
        raise PluginError(
            "payroll.invalid_birth_date",
            "The birth date must be in the past",
            status=422,
            details={"field": "birth_date"},
        )
    return {
        "birth_name": data.birth_name.strip(),
        "birth_date": data.birth_date,
        "birth_place": data.birth_place.strip(),
        "nationality": data.nationality.strip(),
        "address": data.address.strip(),
    }


async def put(principal: Principal, user_id: int, data: CivilStatusIn) -> CivilStatusOut:
    """Replace a person's civil status (audited by field names)."""
    org_id = principal.org_id
    await _intermittent(org_id, user_id)
    after = _clean(data, dt.date.today())
    async with CivilStatus._meta.db.transaction():
        rows = await CivilStatus.raw(
            "SELECT birth_name, birth_date, birth_place, nationality, address "
            "FROM payroll_civil_status WHERE org_id = {} AND user_id = {} FOR UPDATE",
            org_id,
            user_id,
        )
        before = dict(rows[0]) if rows else dict(EMPTY)
        await CivilStatus.raw(
            "INSERT INTO payroll_civil_status (org_id, user_id, birth_name, birth_date, "
            "birth_place, nationality, address, updated_by, updated_at) "
            "VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}) "
            "ON CONFLICT (org_id, user_id) DO UPDATE SET birth_name = EXCLUDED.birth_name, "
            "birth_date = EXCLUDED.birth_date, birth_place = EXCLUDED.birth_place, "
            "nationality = EXCLUDED.nationality, address = EXCLUDED.address, "
            "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at",
            org_id,
            user_id,
            after["birth_name"],
            after["birth_date"],
            after["birth_place"],
            after["nationality"],
            after["address"],
            principal.account_id,
            dt.datetime.now(dt.UTC),
        )
        changed = [name for name in FIELDS if before[name] != after[name]]
        if changed:
            await record_audit(
                org_id,
                "payroll",
                "civil_status_updated",
                actor_account_id=principal.account_id,
                target=f"user:{user_id}",
                payload={"fields": changed},
            )
    return out(user_id, after)
