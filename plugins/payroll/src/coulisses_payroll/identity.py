"""The employer's legal identity and the projects' numero d'objet: what AEMs, CDDU
contracts and DPAE reminders print.

Checks (each a 422 with a stable code and ``details.field``):

- SIRET: 14 digits whose first 9 (the SIREN) and whole 14 pass the Luhn check; La Poste's
  establishments (SIREN 356000000) pass when the sum of their 14 digits is a multiple of 5
  (INSEE's documented exception). Spaces are ignored (``732 829 320 00074``).
- APE (code NAF rev. 2): 2 digits, 2 digits, a letter (``90.01Z``, ``9001Z`` or ``90.01z``
  are stored as ``90.01Z``).
- IDCC: 1 to 4 digits, stored on 4 (``1285``, ``16`` -> ``0016``).
- Licences d'entrepreneur de spectacles: at most one number per category (1: venues,
  2: producers, 3: presenters), as given on the receipt (``PLATESV-R-2021-000123``).
- Numero d'objet: letters, digits, ``-``, ``/`` and ``.``, up to 32, stored in capitals.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import msgspec

from coulisses_payroll.schemas import (
    PayrollIdentityIn,
    PayrollIdentityOut,
    PayrollLicence,
    PayrollProjectIdentityIn,
    PayrollProjectIdentityOut,
)
from coulisses_payroll.tables import OrgIdentity, ProjectIdentity
from coulisses_sdk import Principal, get_project, record_audit

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

LA_POSTE_SIREN = "356000000"
_APE = re.compile(r"^(\d{2})\.?(\d{2})([A-Za-z])$")
_IDCC = re.compile(r"^\d{1,4}$")
_OBJET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]{0,31}$")
#: What an AEM and a CDDU contract need of the employer (``missing`` lists the empty ones).
REQUIRED = ("legal_name", "address", "siret", "ape", "idcc")
#: An org's identity before its first write.
EMPTY: dict[str, Any] = {
    "legal_name": "",
    "address": "",
    "siret": None,
    "ape": None,
    "idcc": None,
    "licences": [],
    "guso": False,
}


def _invalid(code: str, field: str, message: str) -> PluginError:
    return PluginError(code, message, status=422, details={"field": field})


def luhn(digits: str) -> bool:
    """The Luhn check of a string of digits (SIREN and SIRET keys)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siret_ok(siret: str) -> bool:
    """True for 14 digits with valid SIREN and SIRET keys (see the module docstring)."""
    if not (len(siret) == 14 and siret.isascii() and siret.isdigit()):
        return False
    if not luhn(siret[:9]):
        return False
    if siret[:9] == LA_POSTE_SIREN:
        return luhn(siret) or sum(int(c) for c in siret) % 5 == 0
    return luhn(siret)


def clean_siret(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    siret = re.sub(r"\s+", "", text)
    if not (len(siret) == 14 and siret.isascii() and siret.isdigit()):
        raise _invalid("payroll.siret_format", "siret", "A SIRET is 14 digits (spaces are ignored)")
    if not siret_ok(siret):
        raise _invalid(
            "payroll.siret_checksum",
            "siret",
            "This SIRET's check digit is wrong: look for a typo",
        )
    return siret


def clean_ape(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    match = _APE.match(text.strip())
    if match is None:
        raise _invalid(
            "payroll.ape_format", "ape", "An APE code is 4 digits and a letter, like 90.01Z"
        )
    return f"{match.group(1)}.{match.group(2)}{match.group(3).upper()}"


def clean_idcc(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    if not _IDCC.match(text.strip()):
        raise _invalid("payroll.idcc_format", "idcc", "An IDCC is 1 to 4 digits, like 1285")
    return text.strip().zfill(4)


def clean_licences(licences: list[PayrollLicence]) -> list[dict[str, Any]]:
    seen: set[int] = set()
    cleaned = []
    for index, licence in enumerate(sorted(licences, key=lambda item: item.category)):
        if licence.category in seen:
            raise _invalid(
                "payroll.licence_duplicate",
                f"licences.{index}.category",
                "One licence number per category",
            )
        seen.add(licence.category)
        cleaned.append({"category": licence.category, "number": licence.number.strip()})
    return cleaned


def clean_numero_objet(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    value = text.strip().upper()
    if not _OBJET.match(value):
        raise _invalid(
            "payroll.numero_objet_format",
            "numero_objet",
            "A numero d'objet is up to 32 letters, digits, '-', '/' or '.'",
        )
    return value


def _licences(raw: Any) -> list[PayrollLicence]:
    items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [PayrollLicence(category=i["category"], number=i["number"]) for i in items]


def _identity_out(row: dict[str, Any] | None) -> PayrollIdentityOut:
    if row is None:
        return PayrollIdentityOut(missing=list(REQUIRED))
    out = PayrollIdentityOut(
        legal_name=row["legal_name"],
        address=row["address"],
        siret=row["siret"],
        siren=row["siret"][:9] if row["siret"] else None,
        ape=row["ape"],
        idcc=row["idcc"],
        licences=_licences(row["licences"]),
        guso=row["guso"],
        updated_by=row["updated_by"],
        updated_at=row["updated_at"],
    )
    out.missing = [name for name in REQUIRED if not getattr(out, name)]
    return out


async def _identity_row(org_id: int) -> dict[str, Any] | None:
    rows = await OrgIdentity.raw("SELECT * FROM payroll_org_identity WHERE org_id = {}", org_id)
    return rows[0] if rows else None


async def get_identity(org_id: int) -> PayrollIdentityOut:
    return _identity_out(await _identity_row(org_id))


async def put_identity(principal: Principal, data: PayrollIdentityIn) -> PayrollIdentityOut:
    """Replace the org's identity (every field; an empty one clears it), audited."""
    values = {
        "legal_name": data.legal_name.strip(),
        "address": data.address.strip(),
        "siret": clean_siret(data.siret),
        "ape": clean_ape(data.ape),
        "idcc": clean_idcc(data.idcc),
        "licences": clean_licences(data.licences),
        "guso": data.guso,
    }
    org_id = principal.org_id
    async with OrgIdentity._meta.db.transaction():
        before = await OrgIdentity.raw(
            "SELECT * FROM payroll_org_identity WHERE org_id = {} FOR UPDATE", org_id
        )
        await OrgIdentity.raw(
            "INSERT INTO payroll_org_identity "
            "(org_id, legal_name, address, siret, ape, idcc, licences, guso, updated_by, "
            "updated_at) VALUES ({}, {}, {}, {}, {}, {}, {}::jsonb, {}, {}, {}) "
            "ON CONFLICT (org_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, "
            "address = EXCLUDED.address, siret = EXCLUDED.siret, ape = EXCLUDED.ape, "
            "idcc = EXCLUDED.idcc, licences = EXCLUDED.licences, guso = EXCLUDED.guso, "
            "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at",
            org_id,
            values["legal_name"],
            values["address"],
            values["siret"],
            values["ape"],
            values["idcc"],
            json.dumps(values["licences"]),
            values["guso"],
            principal.account_id,
            dt.datetime.now(dt.UTC),
        )
        old = dict(before[0]) if before else dict(EMPTY)
        old_values = {name: old[name] for name in values}
        old_values["licences"] = [msgspec.structs.asdict(i) for i in _licences(old["licences"])]
        changed = [name for name in values if old_values.get(name) != values[name]]
        if changed:
            await record_audit(
                org_id,
                "payroll",
                "identity_updated",
                actor_account_id=principal.account_id,
                target=f"org:{org_id}",
                payload={
                    "before": {name: old_values.get(name) for name in changed},
                    "after": {name: values[name] for name in changed},
                },
            )
    return await get_identity(org_id)


async def _project_or_404(org_id: int, project_id: int) -> None:
    if await get_project(org_id, project_id) is None:
        raise PluginError("payroll.project_not_found", "No such project", status=404)


async def project_identities(org_id: int) -> list[PayrollProjectIdentityOut]:
    """The org's projects that have a numero d'objet (one query)."""
    rows = await ProjectIdentity.raw(
        "SELECT project_id, numero_objet, updated_by, updated_at FROM payroll_project_identity "
        "WHERE org_id = {} AND numero_objet IS NOT NULL ORDER BY project_id",
        org_id,
    )
    return [
        PayrollProjectIdentityOut(
            project_id=r["project_id"],
            numero_objet=r["numero_objet"],
            updated_by=r["updated_by"],
            updated_at=r["updated_at"],
        )
        for r in rows
    ]


async def get_project_identity(org_id: int, project_id: int) -> PayrollProjectIdentityOut:
    await _project_or_404(org_id, project_id)
    rows = await ProjectIdentity.raw(
        "SELECT numero_objet, updated_by, updated_at FROM payroll_project_identity "
        "WHERE org_id = {} AND project_id = {}",
        org_id,
        project_id,
    )
    row = rows[0] if rows else {}
    return PayrollProjectIdentityOut(
        project_id=project_id,
        numero_objet=row.get("numero_objet"),
        updated_by=row.get("updated_by"),
        updated_at=row.get("updated_at"),
    )


async def put_project_identity(
    principal: Principal, project_id: int, data: PayrollProjectIdentityIn
) -> PayrollProjectIdentityOut:
    org_id = principal.org_id
    await _project_or_404(org_id, project_id)
    numero = clean_numero_objet(data.numero_objet)
    async with ProjectIdentity._meta.db.transaction():
        before = await ProjectIdentity.raw(
            "SELECT numero_objet FROM payroll_project_identity "
            "WHERE org_id = {} AND project_id = {} FOR UPDATE",
            org_id,
            project_id,
        )
        await ProjectIdentity.raw(
            "INSERT INTO payroll_project_identity "
            "(org_id, project_id, numero_objet, updated_by, updated_at) "
            "VALUES ({}, {}, {}, {}, {}) ON CONFLICT (org_id, project_id) DO UPDATE SET "
            "numero_objet = EXCLUDED.numero_objet, updated_by = EXCLUDED.updated_by, "
            "updated_at = EXCLUDED.updated_at",
            org_id,
            project_id,
            numero,
            principal.account_id,
            dt.datetime.now(dt.UTC),
        )
        old = before[0]["numero_objet"] if before else None
        if old != numero:
            await record_audit(
                org_id,
                "payroll",
                "numero_objet_updated",
                actor_account_id=principal.account_id,
                target=f"project:{project_id}",
                payload={"before": {"numero_objet": old}, "after": {"numero_objet": numero}},
            )
    return await get_project_identity(org_id, project_id)
