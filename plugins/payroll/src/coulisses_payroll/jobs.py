"""SAQ jobs of the plugin (registered as ``payroll.<name>``); arguments are ids only."""

from __future__ import annotations

from typing import Any

from coulisses_payroll import exports


async def run_export(ctx: dict[str, Any], *, org_id: int, export_id: int) -> None:
    """Make the file of one queued export (``exports.run``)."""
    await exports.run(org_id, export_id)


async def purge_exports(ctx: dict[str, Any], *, org_id: int) -> None:
    """Cron, per org: drop the files of expired exports (``exports.purge``)."""
    await exports.purge(org_id)
