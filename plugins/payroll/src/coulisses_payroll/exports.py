"""Exports of a month as files: asked for through the API, made by a job, kept 7 days.

- :func:`create` checks the request (kind x format, month, project, user, the caller's
  role), writes a ``queued`` row and queues ``payroll.run_export`` with the row's id only
  (never a token nor a file in job arguments);
- :func:`run` (the job) computes the monthly report (:mod:`coulisses_payroll.report`, the
  one source of truth), renders the file (:mod:`coulisses_payroll.export_files`) and stores
  its bytes in the row, updating ``status`` and ``progress`` on the way; a report error
  (no rule set...) ends as ``failed`` with its code;
- :func:`visible` / :func:`download`: a member sees their own exports, admins and owners
  every export of the org; anyone else's is a 404; past ``expires_at`` a download is 410
  ``payroll.export_expired``;
- :func:`purge` (cron): drops the bytes of expired exports, and the rows 30 days later;
  an export still queued or running after an hour lost its job: it is marked failed.

Roles: managers and above export anything of the org; a tech exports only their own
statement (PDF or CSV of their own pay lines). Each request and each download is in the
org's audit log (``payroll.export_requested``, ``payroll.export_downloaded``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from coulisses_payroll import export_files, report
from coulisses_payroll.config import NAME, load_config
from coulisses_payroll.tables import ExportFile
from coulisses_sdk import (
    Principal,
    account_user_id,
    enqueue,
    get_project,
    get_user,
    org_info,
    record_audit,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

log = logging.getLogger(__name__)

KEEP = dt.timedelta(days=7)
#: How long an expired export stays listed (without its bytes) before its row goes.
FORGET = dt.timedelta(days=30)
#: A queued or running export older than this lost its job (a worker stopped, the
#: plugin was disabled meanwhile): the cron marks it failed, so the page stops waiting.
STALLED = dt.timedelta(hours=1)
FORMATS = {
    "monthly_totals": ("csv", "xlsx"),
    "payroll_office": ("csv", "xlsx"),
    "statement": ("pdf", "csv"),
}
#: A tech may only ask for these (with their own user).
TECH_KINDS = ("statement",)
ADMINS = ("admin", "owner")
RUN_JOB = f"{NAME}.run_export"
#: Every column but the file's bytes (lists never read them).
META = [c for c in ExportFile._meta.columns if c._meta.name != "content"]


@dataclass(frozen=True)
class ExportAsk:
    kind: str
    format: str
    month: str
    project_id: int | None = None
    user_id: int | None = None
    excel_fr: bool = True


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def not_found(export_id: int) -> PluginError:
    return PluginError(
        "payroll.export_not_found",
        "No such export",
        status=404,
        details={"export_id": export_id},
    )


async def create(principal: Principal, ask: ExportAsk) -> dict[str, Any]:
    """Check ``ask`` for the caller, write the queued row, queue its job; the row."""
    if ask.format not in FORMATS[ask.kind]:
        raise PluginError(
            "payroll.export_format_unsupported",
            f"a {ask.kind} export is made as {' or '.join(FORMATS[ask.kind])}, not {ask.format}",
            status=422,
            details={"field": "format", "kind": ask.kind, "allowed": list(FORMATS[ask.kind])},
        )
    org_id = principal.org_id
    info = await org_info(org_id)
    report.parse_month(ask.month, info.timezone if info is not None else "Europe/Paris")
    user_id = ask.user_id
    if user_id is not None and await get_user(org_id, user_id) is None:
        raise PluginError("payroll.user_not_found", "No such user", status=404)
    if ask.project_id is not None and await get_project(org_id, ask.project_id) is None:
        raise PluginError("payroll.project_not_found", "No such project", status=404)
    if principal.role == "tech":
        own = await account_user_id(org_id, principal.account_id)
        if ask.kind not in TECH_KINDS or own is None:
            raise PluginError(
                "payroll.export_forbidden",
                "A tech exports only their own statement",
                status=403,
                details={"kind": ask.kind},
            )
        if user_id is not None and user_id != own:
            raise PluginError(
                "payroll.own_lines_only", "A tech sees only their own pay lines", status=403
            )
        user_id = own
    now = _now()
    row = ExportFile(
        org_id=org_id,
        kind=ask.kind,
        format=ask.format,
        month=ask.month.strip(),
        project_id=ask.project_id,
        user_id=user_id,
        excel_fr=ask.excel_fr,
        status="queued",
        progress=0,
        created_by=principal.account_id,
        created_at=now,
        expires_at=now + KEEP,
    )
    async with ExportFile._meta.db.transaction():
        await row.save()
        await record_audit(
            org_id,
            NAME,
            "export_requested",
            actor_account_id=principal.account_id,
            target=f"export:{row.id}",
            payload={
                "kind": ask.kind,
                "format": ask.format,
                "month": row.month,
                "project_id": ask.project_id,
                "user_id": user_id,
            },
        )
    await enqueue(RUN_JOB, org_id=org_id, plugin=NAME, export_id=row.id)
    return await _meta(org_id, row.id)


async def _meta(org_id: int, export_id: int) -> dict[str, Any]:
    rows: list[dict[str, Any]] = (
        await ExportFile.select(*META)
        .where((ExportFile.org_id == org_id) & (ExportFile.id == export_id))
        .run()
    )
    if not rows:
        raise not_found(export_id)
    return rows[0]


def _sees_all(principal: Principal) -> bool:
    return principal.role in ADMINS


async def listing(principal: Principal) -> list[dict[str, Any]]:
    """The caller's exports (every export of the org for admins), without their bytes."""
    select = ExportFile.select(*META).where(ExportFile.org_id == principal.org_id)
    if not _sees_all(principal):
        select = select.where(ExportFile.created_by == principal.account_id)
    rows: list[dict[str, Any]] = await select.run()
    return rows


async def visible(principal: Principal, export_id: int) -> dict[str, Any]:
    """One export the caller may see (404 otherwise: its existence is not told)."""
    row = await _meta(principal.org_id, export_id)
    if not _sees_all(principal) and row["created_by"] != principal.account_id:
        raise not_found(export_id)
    return row


def expired(row: dict[str, Any], now: dt.datetime | None = None) -> bool:
    expires_at: dt.datetime = row["expires_at"]
    return expires_at <= (now or _now())


async def download(principal: Principal, export_id: int) -> tuple[dict[str, Any], bytes]:
    """The export's row and bytes: 410 past its expiry, 409 before it is done."""
    row = await visible(principal, export_id)
    if expired(row):
        raise PluginError(
            "payroll.export_expired",
            "This export has expired: make it again",
            status=410,
            details={"export_id": export_id},
        )
    if row["status"] != "done":
        raise PluginError(
            "payroll.export_not_ready",
            f"This export is {row['status']}, not done",
            status=409,
            details={"export_id": export_id, "status": row["status"]},
        )
    found = (
        await ExportFile.select(ExportFile.content)
        .where((ExportFile.org_id == principal.org_id) & (ExportFile.id == export_id))
        .first()
        .run()
    )
    content = found["content"] if found else None
    if content is None:  # purged in between
        raise PluginError(
            "payroll.export_expired",
            "This export has expired: make it again",
            status=410,
            details={"export_id": export_id},
        )
    # Pay data leaving the app: the Journal says who took which file.
    await record_audit(
        principal.org_id,
        NAME,
        "export_downloaded",
        actor_account_id=principal.account_id,
        target=f"export:{export_id}",
        payload={"kind": row["kind"], "format": row["format"], "month": row["month"]},
    )
    return row, bytes(content)


# -- the job ----------------------------------------------------------------------


async def _progress(org_id: int, export_id: int, progress: int, **values: Any) -> None:
    await (
        ExportFile.update(
            {
                ExportFile.progress: progress,
                **{getattr(ExportFile, k): v for k, v in values.items()},
            }
        )
        .where((ExportFile.org_id == org_id) & (ExportFile.id == export_id))
        .run()
    )


def _filename(row: dict[str, Any], extension: str) -> str:
    parts = ["paie", row["kind"].replace("_", "-"), row["month"]]
    if row["project_id"] is not None:
        parts.append(f"projet-{row['project_id']}")
    if row["user_id"] is not None:
        parts.append(f"user-{row['user_id']}")
    return "-".join(parts) + f".{extension}"


async def run(org_id: int, export_id: int) -> None:
    """Make the file of a queued export (the ``payroll.run_export`` job)."""
    claimed = (
        await ExportFile.update({ExportFile.status: "running", ExportFile.progress: 5})
        .where(
            (ExportFile.org_id == org_id)
            & (ExportFile.id == export_id)
            & (ExportFile.status == "queued")
        )
        .returning(ExportFile.id)
        .run()
    )
    if not claimed:  # unknown, another org's, or already run: nothing to do
        return
    row = await _meta(org_id, export_id)
    try:
        rendered = await _render(org_id, export_id, row)
    except PluginError as exc:
        await _progress(org_id, export_id, 100, status="failed", error_code=exc.code)
        return
    except Exception:
        log.exception("payroll export %s of org %s failed", export_id, org_id)
        await _progress(org_id, export_id, 100, status="failed", error_code="payroll.export_failed")
        return
    await _progress(
        org_id,
        export_id,
        100,
        status="done",
        content=rendered.content,
        content_type=rendered.content_type,
        filename=rendered.filename,
        size=len(rendered.content),
        finished_at=_now(),
    )


async def _render(org_id: int, export_id: int, row: dict[str, Any]) -> export_files.Rendered:
    found = await report.monthly(
        org_id, row["month"], user_id=row["user_id"], project_id=row["project_id"]
    )
    await _progress(org_id, export_id, 50)
    kind, fmt = row["kind"], row["format"]
    config = await load_config(org_id)
    codes = config.item_codes()
    if fmt == "pdf":
        info = await org_info(org_id)
        org_name = info.name if info is not None else ""
        project = await get_project(org_id, row["project_id"]) if row["project_id"] else None
        project_name = project.name if project is not None else None
        if project_name is not None and row["user_id"] is None:
            content = export_files.project_pdf(found, org_name, project_name)
        else:
            content = export_files.statements_pdf(found, org_name, project_name=project_name)
        return export_files.Rendered(content, export_files.PDF_TYPE, _filename(row, "pdf"))
    if kind == "monthly_totals":
        table = export_files.totals_table(found)
    elif kind == "payroll_office":
        table = export_files.office_table(found, codes)
    else:
        table = export_files.lines_table(found, codes)
    await _progress(org_id, export_id, 80)
    if fmt == "xlsx":
        content = export_files.to_xlsx(table, f"{kind} {row['month']}")
        return export_files.Rendered(content, export_files.XLSX_TYPE, _filename(row, "xlsx"))
    content = export_files.to_csv(table, excel_fr=row["excel_fr"])
    return export_files.Rendered(content, export_files.CSV_TYPE, _filename(row, "csv"))


async def purge(org_id: int, now: dt.datetime | None = None) -> int:
    """Drop the bytes of the org's expired exports, and the rows expired 30 days ago;
    mark the stalled ones failed (``payroll.export_failed``); how many files were dropped."""
    now = now or _now()
    await (
        ExportFile.update(
            {
                ExportFile.status: "failed",
                ExportFile.progress: 100,
                ExportFile.error_code: "payroll.export_failed",
            }
        )
        .where(
            (ExportFile.org_id == org_id)
            & ExportFile.status.is_in(["queued", "running"])
            & (ExportFile.created_at <= now - STALLED)
        )
        .run()
    )
    await (
        ExportFile.delete()
        .where((ExportFile.org_id == org_id) & (ExportFile.expires_at <= now - FORGET))
        .run()
    )
    dropped = (
        await ExportFile.update({ExportFile.content: None})
        .where(
            (ExportFile.org_id == org_id)
            & (ExportFile.expires_at <= now)
            & ExportFile.content.is_not_null()
        )
        .returning(ExportFile.id)
        .run()
    )
    return len(dropped)
