"""Project budgets and the per-project recap of a month.

A budget is the project's whole budget for its crew's gross pay, in one currency. The
recap of a month gives, per project that has work in it: the month's hours and gross pay
(the monthly report's figures, overtime shared out), and the project's forecast, compared
with its budget:

- Forecast: the gross pay of the project's planned work (INVITED assignments paid as if
  accepted), summed over the months of the project's dates (``starts_on`` to ``ends_on``,
  at most :data:`MAX_FORECAST_MONTHS`), else over the month asked for only.
- Margin: budget - forecast; ``over_budget`` when the forecast passes the budget. A budget
  in another currency than a row's is not compared with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coulisses_payroll import report
from coulisses_payroll.schemas import (
    PayrollProjectBudgetIn,
    PayrollProjectBudgetOut,
    PayrollProjectRecapRow,
    PayrollProjectRecapTotal,
)
from coulisses_payroll.tables import ProjectBudget
from coulisses_sdk import Principal, ProjectInfo, get_project, record_audit

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

#: A forecast covers at most this many months of a project's dates (from its start).
MAX_FORECAST_MONTHS = 24


async def _project_or_404(org_id: int, project_id: int) -> ProjectInfo:
    project = await get_project(org_id, project_id)
    if project is None:
        raise PluginError("payroll.project_not_found", "No such project", status=404)
    return project


async def budgets(org_id: int) -> dict[int, tuple[int, str]]:
    """project id -> (amount in cents, currency), for the org's projects with a budget."""
    rows = await ProjectBudget.raw(
        "SELECT project_id, amount_cents, currency FROM payroll_project_budgets WHERE org_id = {}",
        org_id,
    )
    return {r["project_id"]: (r["amount_cents"], r["currency"]) for r in rows}


async def get_budget(org_id: int, project_id: int) -> PayrollProjectBudgetOut:
    await _project_or_404(org_id, project_id)
    rows = await ProjectBudget.raw(
        "SELECT amount_cents, currency, updated_by, updated_at FROM payroll_project_budgets "
        "WHERE org_id = {} AND project_id = {}",
        org_id,
        project_id,
    )
    row = rows[0] if rows else {}
    return PayrollProjectBudgetOut(
        project_id=project_id,
        amount_cents=row.get("amount_cents"),
        currency=row.get("currency"),
        updated_by=row.get("updated_by"),
        updated_at=row.get("updated_at"),
    )


async def put_budget(
    principal: Principal, project_id: int, data: PayrollProjectBudgetIn
) -> PayrollProjectBudgetOut:
    """Set (or clear, with a null amount) a project's budget; audited when it changes."""
    org_id = principal.org_id
    await _project_or_404(org_id, project_id)
    after = None if data.amount_cents is None else (data.amount_cents, data.currency)
    async with ProjectBudget._meta.db.transaction():
        rows = await ProjectBudget.raw(
            "SELECT amount_cents, currency FROM payroll_project_budgets "
            "WHERE org_id = {} AND project_id = {} FOR UPDATE",
            org_id,
            project_id,
        )
        before = (rows[0]["amount_cents"], rows[0]["currency"]) if rows else None
        if after is None:
            await ProjectBudget.raw(
                "DELETE FROM payroll_project_budgets WHERE org_id = {} AND project_id = {}",
                org_id,
                project_id,
            )
        else:
            await ProjectBudget.raw(
                "INSERT INTO payroll_project_budgets "
                "(org_id, project_id, amount_cents, currency, updated_by, updated_at) "
                "VALUES ({}, {}, {}, {}, {}, {}) ON CONFLICT (org_id, project_id) DO UPDATE SET "
                "amount_cents = EXCLUDED.amount_cents, currency = EXCLUDED.currency, "
                "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at",
                org_id,
                project_id,
                after[0],
                after[1],
                principal.account_id,
                dt.datetime.now(dt.UTC),
            )
        if before != after:

            def _view(value: tuple[int, str] | None) -> dict[str, object]:
                amount, currency = value if value is not None else (None, None)
                return {"amount_cents": amount, "currency": currency}

            await record_audit(
                org_id,
                "payroll",
                "budget_updated",
                actor_account_id=principal.account_id,
                target=f"project:{project_id}",
                payload={"before": _view(before), "after": _view(after)},
            )
    return await get_budget(org_id, project_id)


def _label(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), at most the forecast's cap."""
    year, month = int(first[:4]), int(first[5:])
    found: list[str] = []
    while len(found) < MAX_FORECAST_MONTHS:
        label = f"{year:04d}-{month:02d}"
        found.append(label)
        if label >= last:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def forecast_months(project: ProjectInfo | None, month: str) -> list[str]:
    """The months a project's forecast covers: its dates', else ``month`` only."""
    if project is None or project.starts_on is None or project.ends_on is None:
        return [month]
    first, last = _label(project.starts_on), _label(project.ends_on)
    if last < first or first < "2000-01" or last > "2100-12":
        return [month]
    return _months(first, last)


@dataclass
class Recap:
    month: str
    timezone: str
    items: list[PayrollProjectRecapRow]
    totals: list[PayrollProjectRecapTotal]


async def recap(org_id: int, month_text: str) -> Recap:
    """The per-project recap of a month and the org's totals (see the module docstring)."""
    found = await report.monthly(org_id, month_text, lines=False)
    rows = found.by_project()
    project_ids = sorted({row.project_id for row in rows})
    projects = {pid: await get_project(org_id, pid) for pid in project_ids}
    months = {pid: forecast_months(projects[pid], found.month.label) for pid in project_ids}
    # One org-wide forecast run per month any project needs (overtime is per person-week,
    # so a project's share needs everyone's month).
    forecast: dict[tuple[int, str], int] = {}
    for label in sorted({m for ms in months.values() for m in ms}):
        run = await report.monthly(org_id, label, forecast=True, lines=False)
        for row in run.by_project():
            if label in months.get(row.project_id, ()):
                key = (row.project_id, row.currency)
                forecast[key] = forecast.get(key, 0) + row.gross_cents
    budget_of = await budgets(org_id)

    items: list[PayrollProjectRecapRow] = []
    totals: dict[str, PayrollProjectRecapTotal] = {}
    for row in rows:
        project = projects.get(row.project_id)
        spent = forecast.get((row.project_id, row.currency), 0)
        budget = budget_of.get(row.project_id)
        budget_cents = budget[0] if budget is not None and budget[1] == row.currency else None
        margin = None if budget_cents is None else budget_cents - spent
        covered = months[row.project_id]
        items.append(
            PayrollProjectRecapRow(
                project_id=row.project_id,
                name=project.name if project is not None else "",
                currency=row.currency,
                planned_minutes=row.planned_minutes,
                confirmed_minutes=row.confirmed_minutes,
                actual_minutes=row.actual_minutes,
                missing_rate=row.missing_rate,
                gross_cents=row.gross_cents,
                forecast_cents=spent,
                forecast_from=covered[0],
                forecast_to=covered[-1],
                budget_cents=budget_cents,
                margin_cents=margin,
                over_budget=margin is not None and margin < 0,
            )
        )
        total = totals.get(row.currency)
        if total is None:
            total = totals[row.currency] = PayrollProjectRecapTotal(
                currency=row.currency,
                planned_minutes=0,
                confirmed_minutes=0,
                actual_minutes=0,
                gross_cents=0,
            )
        total.planned_minutes += row.planned_minutes
        total.confirmed_minutes += row.confirmed_minutes
        total.actual_minutes += row.actual_minutes
        total.gross_cents += row.gross_cents
    items.sort(key=lambda item: (item.name, item.project_id, item.currency))
    return Recap(
        month=found.month.label,
        timezone=found.month.timezone,
        items=items,
        totals=[totals[c] for c in sorted(totals)],
    )
