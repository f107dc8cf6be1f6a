"""The CDDU contract of an engagement (PDF), the AEM lines of a month (JSON, CSV, PDF) and
their Conges Spectacles base (PAYROLL_FR.md 2).

Contract: one per engagement (:mod:`coulisses_payroll.engagements`), rendered from
``templates/contract_cddu.html.j2`` with the mentions PAYROLL_FR.md lists: the parties (the
employer's legal identity: SIRET, APE, IDCC, licences; the employee), the CDDU d'usage
reason (CT L1242-2 3deg, D1242-1), the numero d'objet, dates, places, jobs, pay (the
assignments' rates), the trial period, the agreement, the bodies (Audiens, Conges
Spectacles, France Travail). A contract is refused (409 ``payroll.contract_missing_data``,
``details.missing``) while the employer identity, a licence, the project's numero d'objet or
a rate is missing.

AEM: one line per intermittent x engagement x month in which the engagement has work. Gross:
the monthly report's pay lines of the engagement's assignments (a person-week line, such as
overtime, is shared out by minutes like the project recap); hours: the hourly base lines;
cachets: the cachet lines; days: org-local days with an assignment starting in the month.
Conges Spectacles base: that gross, capped at ``conges_spectacles_ceiling_cents`` when set,
times ``conges_spectacles_rate_pct`` (both from the rule version of the person's annexe in
force on the line's first day in the month).

Computations and documents to check, not legal advice.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from fpdf import FPDF

from coulisses_payroll import civil_status, identity, intermittents, report
from coulisses_payroll.engagements import engagements
from coulisses_payroll.engine import LineKind
from coulisses_payroll.export_files import (
    _TEMPLATES,
    DISCLAIMER,
    PDF_TYPE,
    fr_money,
    fr_number,
    hours,
    latin1,
    money,
    month_name,
)
from coulisses_payroll.rules import EmploymentType
from coulisses_payroll.schemas import AemOut, AemRowOut, EngagementOut
from coulisses_payroll.service import check_day, resolve_profile, version_in_force
from coulisses_payroll.service import history as rule_history
from coulisses_payroll.tables import ProjectIdentity
from coulisses_sdk import (
    AssignmentSummary,
    RateInfo,
    assignment_rates,
    get_user,
    iter_assignments,
    legal_ids,
    org_info,
)

# The error catalog test resolves codes through PluginError's defining module.
from coulisses_sdk.web import PluginError

CSV_TYPE = "text/csv"
_ANNEXE = {8: EmploymentType.INTERMITTENT_A8, 10: EmploymentType.INTERMITTENT_A10}
#: Titles of the agreements of live performance (else "IDCC nnnn").
AGREEMENTS = {
    "1285": "Convention collective nationale des entreprises artistiques et culturelles "
    "(CCNEAC, IDCC 1285)",
    "3090": "Convention collective nationale des entreprises du secteur priv\u00e9 du "
    "spectacle vivant (IDCC 3090)",
    "2717": "Convention collective nationale des entreprises techniques au service de la "
    "cr\u00e9ation et de l'\u00e9v\u00e9nement (IDCC 2717)",
}
LICENCE_CATEGORIES = {1: "exploitant de lieux", 2: "producteur", 3: "diffuseur"}
RATE_UNITS = {"hourly": "de l'heure", "cachet": "par cachet", "daily": "par jour"}


def _zone_of(info: Any) -> ZoneInfo:
    return ZoneInfo(info.timezone if info is not None else "Europe/Paris")


def agreement_title(idcc: str | None) -> str:
    if not idcc:
        return ""
    return AGREEMENTS.get(idcc, f"Convention collective IDCC {idcc}")


async def numero_objet(org_id: int, project_id: int) -> str | None:
    rows = await ProjectIdentity.raw(
        "SELECT numero_objet FROM payroll_project_identity WHERE org_id = {} AND project_id = {}",
        org_id,
        project_id,
    )
    return rows[0]["numero_objet"] if rows else None


async def _annexe(org_id: int, user_id: int) -> int:
    profiles = await intermittents._profiles(org_id, user_id)
    profile = profiles.get(user_id) or await intermittents._default_profile(org_id, user_id)
    return profile.annexe


# -- contract -------------------------------------------------------------------------


async def find_engagement(
    org_id: int, user_id: int, project_id: int, first_day: dt.date
) -> EngagementOut:
    check_day(first_day, "first_day")
    found = [
        e
        for e in await engagements(
            org_id, first_day, first_day, user_id=user_id, project_id=project_id
        )
        if e.first_day == first_day
    ]
    if not found:
        raise PluginError(
            "payroll.engagement_not_found",
            "No engagement of this person on this project starts that day",
            status=404,
            details={"field": "first_day"},
        )
    return found[0]


async def _summaries(org_id: int, engagement: EngagementOut) -> list[AssignmentSummary]:
    wanted = set(engagement.assignment_ids)
    return [
        s
        async for s in iter_assignments(
            org_id,
            user_id=engagement.user_id,
            statuses=("ACCEPTED",),
            starts_after=engagement.first_start - dt.timedelta(minutes=1),
            starts_before=engagement.last_end,
        )
        if s.assignment_id in wanted
    ]


@dataclass
class _PayGroup:
    rate: RateInfo
    count: int = 0
    minutes: int = 0


def _pay_lines(summaries: list[AssignmentSummary], rates: dict[int, RateInfo | None]) -> list[str]:
    groups: dict[tuple[str, int, str], _PayGroup] = {}
    for summary in summaries:
        rate = rates.get(summary.assignment_id)
        if rate is None:
            continue
        key = (rate.kind, rate.amount_cents, rate.currency)
        group = groups.setdefault(key, _PayGroup(rate))
        group.count += 1
        group.minutes += summary.duration_minutes
    lines = []
    for (kind, amount, currency), group in sorted(groups.items()):
        price = f"{fr_money(amount, currency)} brut {RATE_UNITS.get(kind, kind)}"
        if kind == "cachet":
            lines.append(f"{price}, {group.count} cachet(s)")
        elif kind == "hourly":
            lines.append(f"{price}, {fr_number(hours(group.minutes))} h pr\u00e9vues")
        else:
            lines.append(f"{price}, {group.count} service(s)")
    return lines


def trial_days(first_day: dt.date, last_day: dt.date) -> int:
    """CT L1242-10: one day per week of the contract, at most 2 weeks (contracts of at
    most 6 months); none under a week."""
    weeks = ((last_day - first_day).days + 1) // 7
    return min(14, weeks)


async def contract_pdf(
    org_id: int, user_id: int, project_id: int, first_day: dt.date
) -> tuple[bytes, str]:
    """The contract PDF of the engagement of ``user_id`` on ``project_id`` from
    ``first_day`` and its file name."""
    engagement = await find_engagement(org_id, user_id, project_id, first_day)
    employer = await identity.get_identity(org_id)
    objet = await numero_objet(org_id, project_id)
    summaries = await _summaries(org_id, engagement)
    rates = await assignment_rates(org_id, [s.assignment_id for s in summaries])
    missing = list(employer.missing)
    if not employer.licences:
        missing.append("licences")
    if objet is None:
        missing.append("numero_objet")
    if not summaries or any(rates.get(s.assignment_id) is None for s in summaries):
        missing.append("rate")
    if missing:
        raise PluginError(
            "payroll.contract_missing_data",
            "The contract cannot be made until these are filled in: " + ", ".join(missing),
            status=409,
            details={"missing": missing},
        )
    user = await get_user(org_id, user_id)
    civil = (await civil_status.of_users(org_id, {user_id}))[user_id]
    nir = (await legal_ids(org_id, [user_id])).get(user_id, {}).get("nir")
    info = await org_info(org_id)
    zone = _zone_of(info)
    annexe = await _annexe(org_id, user_id)
    days = sorted({s.starts_at.astimezone(zone).date() for s in summaries})
    schedule = [
        {
            "day": s.starts_at.astimezone(zone).strftime("%d/%m/%Y"),
            "time": f"{s.starts_at.astimezone(zone):%H:%M}-{s.ends_at.astimezone(zone):%H:%M}",
            "place": s.place,
            "job": s.role_name,
            "title": s.mission_title,
        }
        for s in summaries
    ]
    trial = trial_days(engagement.first_day, engagement.last_day)
    html = _TEMPLATES.get_template("contract_cddu.html.j2").render(
        disclaimer=DISCLAIMER,
        employer=employer,
        licences=[
            {"category": LICENCE_CATEGORIES.get(i.category, str(i.category)), "number": i.number}
            for i in employer.licences
        ],
        agreement=agreement_title(employer.idcc),
        numero_objet=objet,
        project_name=engagement.project_name,
        employee=user,
        civil=civil,
        nir=nir,
        annexe=annexe,
        first_day=engagement.first_day.strftime("%d/%m/%Y"),
        last_day=engagement.last_day.strftime("%d/%m/%Y"),
        days=len(days),
        places=sorted({s.place for s in summaries if s.place}),
        jobs=sorted({s.role_name for s in summaries if s.role_name}),
        schedule=schedule,
        pay=_pay_lines(summaries, rates),
        trial=trial,
        made_on=dt.datetime.now(zone).strftime("%d/%m/%Y"),
    )
    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.write_html(latin1(html), table_line_separators=True)
    filename = f"cddu-{user_id}-{project_id}-{engagement.first_day.isoformat()}.pdf"
    return bytes(pdf.output()), filename


# -- AEM and Conges Spectacles ------------------------------------------------------


@dataclass
class _Line:
    engagement: EngagementOut
    hour_minutes: int = 0
    cachets: int = 0
    gross_cents: int = 0
    currency: str = "EUR"
    days: set[dt.date] = field(default_factory=set)


def cs_contribution(base_cents: int, rate_pct: Decimal) -> int:
    """The Conges Spectacles contribution of ``base_cents``, rounded half-up to the cent."""
    return int((Decimal(base_cents) * rate_pct / 100).quantize(Decimal(1), ROUND_HALF_UP))


async def aem(org_id: int, month_text: str) -> AemOut:
    """The AEM lines of a month (see the module docstring)."""
    info = await org_info(org_id)
    zone = _zone_of(info)
    month = report.parse_month(month_text, zone.key)
    first = month.start.astimezone(zone).date()
    last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    found = await engagements(org_id, first, last)
    by_assignment: dict[int, int] = {
        assignment: position
        for position, engagement in enumerate(found)
        for assignment in engagement.assignment_ids
    }
    monthly = await report.monthly(org_id, month_text)
    lines: dict[int, _Line] = {}

    def line_of(position: int, currency: str) -> _Line:
        line = lines.get(position)
        if line is None:
            line = lines[position] = _Line(found[position], currency=currency)
        return line

    for person in monthly.people:
        for pay in person.lines:
            if pay.assignment_id is not None:
                own = by_assignment.get(int(pay.assignment_id))
                if own is None:
                    continue
                line = line_of(own, pay.currency)
                line.gross_cents += pay.amount_cents
                if pay.kind == LineKind.BASE and pay.unit == "hour":
                    line.hour_minutes += pay.minutes
                if pay.unit == "cachet":
                    line.cachets += int(pay.quantity)
                continue
            weights: dict[int, int] = defaultdict(int)
            for shared_id, minutes in pay.shares:
                share = by_assignment.get(int(shared_id))
                if share is not None:
                    weights[share] += minutes
            if weights:
                for share, cents in report.shares_out(pay.amount_cents, weights).items():
                    line_of(share, pay.currency).gross_cents += cents
    for source_id, source in monthly.sources.items():
        worked = by_assignment.get(source_id)
        day = source.start.astimezone(zone).date()
        if worked is not None and worked in lines and first <= day <= last:
            lines[worked].days.add(day)

    employer = await identity.get_identity(org_id)
    history = await rule_history(org_id, await resolve_profile(org_id, None))
    objets: dict[int, str | None] = {}
    annexes: dict[int, int] = {}
    # The employees' social security numbers (the core's legal ids), one grouped read.
    people = {lines[i].engagement.user_id for i in lines}
    nirs = await legal_ids(org_id, people)
    civil = await civil_status.of_users(org_id, people)
    rows = []
    for index in sorted(lines, key=lambda i: (found[i].name, found[i].project_name, i)):
        line = lines[index]
        engagement = line.engagement
        if engagement.project_id not in objets:
            objets[engagement.project_id] = await numero_objet(org_id, engagement.project_id)
        if engagement.user_id not in annexes:
            annexes[engagement.user_id] = await _annexe(org_id, engagement.user_id)
        annexe = annexes[engagement.user_id]
        version = version_in_force(history, _ANNEXE[annexe], max(first, engagement.first_day))
        ceiling = version.conges_spectacles_ceiling_cents.value
        base = min(line.gross_cents, ceiling) if ceiling else line.gross_cents
        rate = version.conges_spectacles_rate_pct.value
        summaries = await _summaries(org_id, engagement)
        rows.append(
            AemRowOut(
                user_id=engagement.user_id,
                name=engagement.name,
                nir=nirs.get(engagement.user_id, {}).get("nir"),
                **{name: civil[engagement.user_id][name] for name in civil_status.FIELDS},
                civil_missing=civil_status.missing(civil[engagement.user_id]),
                project_id=engagement.project_id,
                project_name=engagement.project_name,
                numero_objet=objets[engagement.project_id],
                job=", ".join(sorted({s.role_name for s in summaries if s.role_name})),
                annexe=annexe,
                contract_start=engagement.first_day,
                contract_end=engagement.last_day,
                ongoing=engagement.last_day > last,
                hours_minutes=line.hour_minutes,
                cachets=line.cachets,
                days_worked=len(line.days),
                gross_cents=line.gross_cents,
                currency=line.currency,
                aem_type="initiale",
                cs_base_cents=base,
                cs_rate_pct=f"{rate:.2f}",
                cs_contribution_cents=cs_contribution(base, rate),
            )
        )
    return AemOut(month=month.label, employer_missing=list(employer.missing), rows=rows)


AEM_COLUMNS = (
    "Employeur",
    "SIRET",
    "APE",
    "IDCC",
    "Numero d'objet",
    "user_id",
    "Salarie",
    "NIR",
    "Nom de naissance",
    "Date de naissance",
    "Lieu de naissance",
    "Nationalite",
    "Adresse",
    "Emploi",
    "Annexe",
    "Debut contrat",
    "Fin contrat",
    "Contrat en cours",
    "Heures",
    "Cachets",
    "Jours travailles",
    "Brut",
    "Devise",
    "Type AEM",
    "Base Conges Spectacles",
    "Taux Conges Spectacles",
    "Cotisation Conges Spectacles",
)


async def _employer_or_409(org_id: int) -> Any:
    employer = await identity.get_identity(org_id)
    if employer.guso:
        raise PluginError(
            "payroll.aem_guso",
            "A GUSO employer declares through the GUSO: no AEM to make",
            status=409,
        )
    if employer.missing:
        raise PluginError(
            "payroll.aem_missing_data",
            "The AEM cannot be made until these are filled in: " + ", ".join(employer.missing),
            status=409,
            details={"missing": list(employer.missing)},
        )
    return employer


async def aem_csv(org_id: int, month_text: str, *, excel_fr: bool) -> tuple[bytes, str]:
    """The AEM lines as CSV (UTF-8 with a BOM; Excel FR: ``;`` and a decimal comma)."""
    employer = await _employer_or_409(org_id)
    data = await aem(org_id, month_text)

    def number(value: Decimal) -> str:
        text = f"{value:.2f}"
        return text.replace(".", ",") if excel_fr else text

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel_fr else ",", lineterminator="\r\n")
    writer.writerow(AEM_COLUMNS)
    for row in data.rows:
        writer.writerow(
            [
                employer.legal_name,
                employer.siret,
                employer.ape,
                employer.idcc,
                row.numero_objet or "",
                row.user_id,
                row.name,
                row.nir or "",
                row.birth_name,
                row.birth_date.isoformat() if row.birth_date else "",
                row.birth_place,
                row.nationality,
                " / ".join(line.strip() for line in row.address.splitlines() if line.strip()),
                row.job,
                row.annexe,
                row.contract_start.isoformat(),
                row.contract_end.isoformat(),
                "oui" if row.ongoing else "non",
                number(hours(row.hours_minutes)),
                row.cachets,
                row.days_worked,
                number(money(row.gross_cents)),
                row.currency,
                row.aem_type,
                number(money(row.cs_base_cents)),
                number(Decimal(row.cs_rate_pct)),
                number(money(row.cs_contribution_cents)),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8"), f"aem-{data.month}.csv"


async def aem_pdf(org_id: int, month_text: str) -> tuple[bytes, str]:
    """A summary of the month's AEM lines (one table, landscape)."""
    employer = await _employer_or_409(org_id)
    data = await aem(org_id, month_text)
    info = await org_info(org_id)
    rows = [
        {
            "name": row.name,
            "born": (
                f"{row.birth_date:%d/%m/%Y}" + (f", {row.birth_place}" if row.birth_place else "")
                if row.birth_date
                else row.birth_place
            ),
            "nir": row.nir or "",
            "project": f"{row.project_name} ({row.numero_objet or '-'})",
            "job": row.job,
            "annexe": row.annexe,
            "dates": f"{row.contract_start:%d/%m/%Y} - "
            + ("en cours" if row.ongoing else f"{row.contract_end:%d/%m/%Y}"),
            "hours": fr_number(hours(row.hours_minutes)),
            "cachets": row.cachets,
            "days": row.days_worked,
            "gross": fr_money(row.gross_cents, row.currency),
            "cs_base": fr_money(row.cs_base_cents, row.currency),
        }
        for row in data.rows
    ]
    html = _TEMPLATES.get_template("aem_summary.html.j2").render(
        disclaimer=DISCLAIMER,
        employer=employer,
        month=month_name(data.month),
        rows=rows,
        made_on=dt.datetime.now(_zone_of(info)).strftime("%d/%m/%Y"),
    )
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(auto=True, margin=10)
    pdf.set_font("Helvetica", size=8)
    pdf.add_page()
    pdf.write_html(latin1(html), table_line_separators=True)
    return bytes(pdf.output()), f"aem-{data.month}.pdf"


__all__ = ["CSV_TYPE", "PDF_TYPE", "aem", "aem_csv", "aem_pdf", "contract_pdf"]
