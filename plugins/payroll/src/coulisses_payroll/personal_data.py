"""The payroll plugin's part of the GDPR export and erasure (docs/rgpd.md, docs/payroll.md).

Export: the person's timesheet lines and their history, their intermittent profile and
civil status, the DPAE records of their engagements, and the exports made for them (metadata only).

Erasure keeps what pay depends on (hours, breaks, statuses, DPAE dates and references:
the employer must keep payroll records) and removes the person's free text: timesheet
comments (and their trace in the lines' history, with the reasons of corrections), the
note on their hours elsewhere, their civil status (birth, address), the exports made for
them, and the files of the org's
exports not yet purged (they list the person by name).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from coulisses_payroll.tables import (
    CivilStatus,
    DpaeDeclaration,
    ExportFile,
    IntermittentProfile,
    TimesheetEvent,
    TimesheetLine,
)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if isinstance(value, dt.datetime | dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, str) and key in {"before", "after"}:
            out[key] = json.loads(value)
        else:
            out[key] = value
    return out


async def _line_ids(org_id: int, user_id: int) -> list[int]:
    rows = await TimesheetLine.select(TimesheetLine.id).where(
        (TimesheetLine.org_id == org_id) & (TimesheetLine.user_id == user_id)
    )
    return [r["id"] for r in rows]


async def export(org_id: int, user_id: int) -> dict[str, list[dict[str, Any]]]:
    lines = (
        await TimesheetLine.select()
        .where((TimesheetLine.org_id == org_id) & (TimesheetLine.user_id == user_id))
        .order_by(TimesheetLine.id)
    )
    ids = [r["id"] for r in lines]
    events = (
        await TimesheetEvent.select()
        .where((TimesheetEvent.org_id == org_id) & TimesheetEvent.line_id.is_in(ids))
        .order_by(TimesheetEvent.id)
        if ids
        else []
    )
    profiles = await IntermittentProfile.select().where(
        (IntermittentProfile.org_id == org_id) & (IntermittentProfile.user_id == user_id)
    )
    civil = await CivilStatus.select().where(
        (CivilStatus.org_id == org_id) & (CivilStatus.user_id == user_id)
    )
    dpae = (
        await DpaeDeclaration.select()
        .where((DpaeDeclaration.org_id == org_id) & (DpaeDeclaration.user_id == user_id))
        .order_by(DpaeDeclaration.id)
    )
    exports = await ExportFile.select(
        ExportFile.id,
        ExportFile.kind,
        ExportFile.format,
        ExportFile.month,
        ExportFile.status,
        ExportFile.filename,
        ExportFile.created_at,
        ExportFile.expires_at,
    ).where((ExportFile.org_id == org_id) & (ExportFile.user_id == user_id))
    return {
        "timesheets": [_plain(r) for r in lines],
        "timesheet_history": [_plain(r) for r in events],
        "intermittent_profile": [_plain(r) for r in profiles],
        "civil_status": [_plain(r) for r in civil],
        "dpae": [_plain(r) for r in dpae],
        "exports": [_plain(r) for r in exports],
    }


async def erase(org_id: int, user_id: int) -> dict[str, int]:
    ids = await _line_ids(org_id, user_id)
    comments = await (
        TimesheetLine.update({TimesheetLine.comment: ""})
        .where(TimesheetLine.id.is_in(ids) & (TimesheetLine.comment != ""))
        .returning(TimesheetLine.id)
        if ids
        else _nothing()
    )
    history: list[Any] = []
    if ids:
        history = await TimesheetEvent.raw(
            """UPDATE payroll_timesheet_events SET reason = NULL,
                   before = CASE WHEN before ? 'comment'
                       THEN jsonb_set(before, ARRAY['comment'], '""'::jsonb) ELSE before END,
                   after = CASE WHEN after ? 'comment'
                       THEN jsonb_set(after, ARRAY['comment'], '""'::jsonb) ELSE after END
               WHERE org_id = {} AND line_id = ANY({})
               AND (reason IS NOT NULL OR COALESCE(before->>'comment', '') <> ''
                    OR COALESCE(after->>'comment', '') <> '')
               RETURNING id""",
            org_id,
            ids,
        )
    notes = await (
        IntermittentProfile.update({IntermittentProfile.elsewhere_note: ""})
        .where(
            (IntermittentProfile.org_id == org_id)
            & (IntermittentProfile.user_id == user_id)
            & (IntermittentProfile.elsewhere_note != "")
        )
        .returning(IntermittentProfile.id)
    )
    civil = await (
        CivilStatus.delete()
        .where((CivilStatus.org_id == org_id) & (CivilStatus.user_id == user_id))
        .returning(CivilStatus.id)
    )
    own = await (
        ExportFile.delete()
        .where((ExportFile.org_id == org_id) & (ExportFile.user_id == user_id))
        .returning(ExportFile.id)
    )
    files = await (
        ExportFile.update({ExportFile.content: None})
        .where((ExportFile.org_id == org_id) & ExportFile.content.is_not_null())
        .returning(ExportFile.id)
    )
    return {
        "timesheet_comments": len(comments),
        "timesheet_history": len(history),
        "intermittent_notes": len(notes),
        "civil_status": len(civil),
        "own_exports": len(own),
        "export_files": len(files),
    }


async def _nothing() -> list[Any]:
    return []
