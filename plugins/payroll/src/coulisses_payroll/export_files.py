"""The export files (CSV, XLSX, PDF) of a month, rendered from the monthly report.

One source of truth: every figure comes from :func:`coulisses_payroll.report.monthly`
(its people, their rounded pay lines, their minutes); nothing is computed again here.
Money: the lines' integer cents, shown as units with 2 decimals (``Decimal``, exact);
hours: minutes / 60 rounded half-up to the hundredth (display only).

Three kinds (``docs/payroll.md``, "Exports"):

- ``monthly_totals``: one row per person (and currency), a totals row per currency;
- ``payroll_office``: one row per person x rule line (kind, unit, rate, premium), the
  kind mapped to the payroll software's item code (plugin config);
- ``statement``: a person's pay lines (CSV), or a statement PDF per person (one page
  each) or per project (its people's totals).

Pure functions, no I/O: the job (:mod:`coulisses_payroll.exports`) reads and stores.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coulisses_payroll.engine import LineKind, PayLine
from coulisses_payroll.report import MonthReport, PersonMonth, totals

#: Litestar adds ``; charset=utf-8`` to text types in the response.
CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
DISCLAIMER = "Calculs, pas un conseil juridique."

KIND_LABELS = {
    LineKind.BASE: "Base",
    LineKind.NIGHT: "Nuit",
    LineKind.SUNDAY: "Dimanche",
    LineKind.HOLIDAY: "Jour f\u00e9ri\u00e9",
    LineKind.MAY_1: "1er mai",
    LineKind.MINIMUM_CALL: "Minimum d'appel",
    LineKind.MEAL: "Repas",
    LineKind.OVERTIME: "Heures suppl\u00e9mentaires",
}
UNIT_LABELS = {"hour": "h", "cachet": "cachet(s)", "day": "jour(s)", "meal": "repas"}
_CENT = Decimal("0.01")
_KIND_ORDER = {kind: index for index, kind in enumerate(LineKind)}

#: Cell types of a table: text, integer, money (units, 2 decimals), hours (2 decimals).
TEXT, INT, MONEY, HOURS = "text", "int", "money", "hours"


@dataclass(frozen=True)
class Column:
    title: str
    type: str = TEXT
    width: int = 12


@dataclass(frozen=True)
class Table:
    """A header, rows of typed values (``Decimal`` for money and hours) and totals rows."""

    columns: tuple[Column, ...]
    rows: list[list[Any]]
    totals: list[list[Any]]


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str
    filename: str


def money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(_CENT)


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(_CENT, rounding=ROUND_HALF_UP)


# -- tables -------------------------------------------------------------------------


_PERSON = (
    Column("user_id", INT, 9),
    Column("Personne", TEXT, 28),
    Column("Type d'emploi", TEXT, 14),
)


def totals_table(report: MonthReport) -> Table:
    """``monthly_totals``: per person and currency, its minutes as hours and its gross by
    line kind; a ``TOTAL`` row per currency (the report's own totals)."""
    columns = (
        *_PERSON,
        Column("Mois", TEXT, 9),
        Column("Devise", TEXT, 7),
        Column("Heures prevues", HOURS, 15),
        Column("Heures confirmees", HOURS, 17),
        Column("Heures reelles", HOURS, 14),
        Column("Sans tarif", INT, 10),
        *(Column(KIND_LABELS[kind], MONEY, 14) for kind in LineKind),
        Column("Brut", MONEY, 14),
    )

    def row(person: PersonMonth, user: Any, name: str, employment: str) -> list[Any]:
        return [
            user,
            name,
            employment,
            report.month.label,
            person.currency,
            hours(person.planned_minutes),
            hours(person.confirmed_minutes),
            hours(person.actual_minutes),
            person.missing_rate,
            *(money(person.cents[kind]) for kind in LineKind),
            money(person.gross_cents),
        ]

    return Table(
        columns=columns,
        rows=[row(p, p.user_id, p.name, p.employment_type) for p in report.people],
        totals=[row(t, None, "TOTAL", "") for t in totals(report.people).values()],
    )


@dataclass
class _Grouped:
    person: PersonMonth
    line: PayLine
    minutes: int
    quantity: Decimal
    amount_cents: int


def _line_key(line: PayLine) -> tuple[Any, ...]:
    return (
        _KIND_ORDER[line.kind],
        line.unit,
        line.rate_cents,
        line.premium_pct if line.premium_pct is not None else Decimal(-1),
    )


def _quantity(unit: str, minutes: int, quantity: Decimal) -> Decimal:
    return hours(minutes) if unit == "hour" else quantity


def office_table(report: MonthReport, item_codes: dict[LineKind, str]) -> Table:
    """``payroll_office``: one row per person x rule line (kind, unit, rate, premium),
    quantities and amounts summed from the report's lines; totals per currency."""
    columns = (
        *_PERSON,
        Column("Mois", TEXT, 9),
        Column("Rubrique", TEXT, 16),
        Column("Code", TEXT, 14),
        Column("Unite", TEXT, 9),
        Column("Quantite", HOURS, 10),
        Column("Taux", MONEY, 10),
        Column("Majoration %", TEXT, 12),
        Column("Montant", MONEY, 12),
        Column("Devise", TEXT, 7),
    )
    rows: list[list[Any]] = []
    for person in report.people:
        groups: dict[tuple[Any, ...], _Grouped] = {}
        for line in person.lines:
            key = _line_key(line)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Grouped(person, line, 0, Decimal(0), 0)
            group.minutes += line.minutes
            group.quantity += line.quantity
            group.amount_cents += line.amount_cents
        for key in sorted(groups):
            group = groups[key]
            line = group.line
            rows.append(
                [
                    person.user_id,
                    person.name,
                    person.employment_type,
                    report.month.label,
                    line.kind.value,
                    item_codes.get(line.kind, line.kind.value),
                    line.unit,
                    _quantity(line.unit, group.minutes, group.quantity),
                    money(line.rate_cents),
                    str(line.premium_pct) if line.premium_pct is not None else "",
                    money(group.amount_cents),
                    person.currency,
                ]
            )
    return Table(columns=columns, rows=rows, totals=_amount_totals(report, len(columns)))


def _amount_totals(report: MonthReport, width: int) -> list[list[Any]]:
    """A ``TOTAL`` row per currency, its amount in the last-but-one column."""
    found = []
    for currency, total in totals(report.people).items():
        row: list[Any] = [None] * width
        row[1], row[-2], row[-1] = "TOTAL", money(total.gross_cents), currency
        found.append(row)
    return found


def _line_day(line: PayLine, report: MonthReport) -> dt.date | None:
    """The org-local day the line's work starts (the week's start for overtime)."""
    if line.assignment_id is None:
        return line.week_start
    source = report.sources.get(int(line.assignment_id))
    if source is None:
        return None
    return source.start.astimezone(ZoneInfo(report.month.timezone)).date()


def lines_table(report: MonthReport, item_codes: dict[LineKind, str]) -> Table:
    """``statement`` as CSV: every pay line of the people in the report, in order."""
    columns = (
        *_PERSON,
        Column("Mois", TEXT, 9),
        Column("Jour", TEXT, 11),
        Column("Affectation", INT, 11),
        Column("Heures payees", TEXT, 10),
        Column("Rubrique", TEXT, 16),
        Column("Code", TEXT, 14),
        Column("Unite", TEXT, 9),
        Column("Quantite", HOURS, 10),
        Column("Taux", MONEY, 10),
        Column("Majoration %", TEXT, 12),
        Column("Montant", MONEY, 12),
        Column("Devise", TEXT, 7),
    )
    rows: list[list[Any]] = []
    for person in report.people:
        for line in person.lines:
            day = _line_day(line, report)
            assignment = int(line.assignment_id) if line.assignment_id is not None else None
            source = report.sources.get(assignment) if assignment is not None else None
            rows.append(
                [
                    person.user_id,
                    person.name,
                    person.employment_type,
                    report.month.label,
                    day.isoformat() if day else "",
                    assignment,
                    source.source if source else "",
                    line.kind.value,
                    item_codes.get(line.kind, line.kind.value),
                    line.unit,
                    _quantity(line.unit, line.minutes, line.quantity),
                    money(line.rate_cents),
                    str(line.premium_pct) if line.premium_pct is not None else "",
                    money(line.amount_cents),
                    person.currency,
                ]
            )
    return Table(columns=columns, rows=rows, totals=_amount_totals(report, len(columns)))


# -- CSV and XLSX --------------------------------------------------------------------


def to_csv(table: Table, *, excel_fr: bool) -> bytes:
    """UTF-8 with a BOM (Excel reads the accents); Excel FR: ``;`` and a decimal comma,
    else ``,`` and a decimal point. Numbers carry no thousands separator."""

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            text = f"{value:.2f}"
            return text.replace(".", ",") if excel_fr else text
        return str(value)

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel_fr else ",", lineterminator="\r\n")
    writer.writerow([c.title for c in table.columns])
    for row in [*table.rows, *table.totals]:
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_FORMATS = {MONEY: "#,##0.00", HOURS: "0.00", INT: "0"}


def to_xlsx(table: Table, sheet: str) -> bytes:
    """Typed cells (numbers stay numbers: money and hours as 2-decimal floats), a bold
    header frozen on top, bold totals rows, column widths."""
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook has its sheet
    ws.title = sheet[:31]
    bold = Font(bold=True)
    ws.append([c.title for c in table.columns])
    for cell in ws[1]:
        cell.font = bold

    def value(v: Any) -> Any:
        # openpyxl writes a Decimal as a number; a float keeps the cell a plain number.
        return float(v) if isinstance(v, Decimal) else v

    for row in table.rows:
        ws.append([value(v) for v in row])
    for row in table.totals:
        ws.append([value(v) for v in row])
        for cell in ws[ws.max_row]:
            cell.font = bold
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        number_format = _FORMATS.get(column.type)
        if number_format:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- PDF -----------------------------------------------------------------------------

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FunctionLoader(
        lambda name: (files("coulisses_payroll") / "templates" / name).read_text("utf-8")
    ),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
#: Letters the PDF's core font cannot draw, spelled with ones it can.
_SPELLED = {
    "\u20ac": "EUR",
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u0153": "oe",
    "\u0152": "OE",
    # Letters with a stroke do not decompose in Unicode.
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
}


def latin1(text: str) -> str:
    """``text`` drawable by the PDF's core font (Latin-1): other letters lose their
    accent (``S`` for ``\u0160``, ``L`` for ``\u0141``...) or become ``?``. No font
    file ships with the plugin (pure Python, no system package)."""
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
        elif char in _SPELLED:
            out.append(_SPELLED[char])
        else:
            base = unicodedata.normalize("NFKD", char)[:1]
            out.append(base if base and ord(base) < 128 else "?")
    return "".join(out)


def fr_money(cents: int, currency: str) -> str:
    """``1 234,56 EUR`` (French: a space between thousands, a decimal comma)."""
    whole, part = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{whole:,}".replace(",", " ") + f",{part:02d} {currency}"


def fr_number(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _statement_lines(person: PersonMonth, report: MonthReport) -> list[dict[str, str]]:
    rows = []
    for line in person.lines:
        day = _line_day(line, report)
        quantity = _quantity(line.unit, line.minutes, line.quantity)
        rows.append(
            {
                "day": day.strftime("%d/%m/%Y") if day else "",
                "kind": KIND_LABELS[line.kind],
                "quantity": f"{fr_number(quantity)} {UNIT_LABELS.get(line.unit, line.unit)}",
                "rate": fr_money(line.rate_cents, line.currency),
                "premium": f"{line.premium_pct} %" if line.premium_pct is not None else "",
                "amount": fr_money(line.amount_cents, line.currency),
            }
        )
    return rows


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_font("Helvetica", size=10)
    return pdf


def _write(pdf: FPDF, template: str, **context: Any) -> None:
    html = _TEMPLATES.get_template(template).render(disclaimer=DISCLAIMER, **context)
    pdf.write_html(latin1(html), table_line_separators=True)


def statements_pdf(
    report: MonthReport,
    org_name: str,
    *,
    project_name: str | None = None,
) -> bytes:
    """One statement page per person of the report (a person's lines, their hours and
    totals); an empty report gives one page that says so."""
    pdf = _pdf()
    people: Sequence[PersonMonth] = report.people
    if not people:
        pdf.add_page()
        _write(pdf, "statement_person.html.j2", **_common(report, org_name, project_name))
    for person in people:
        pdf.add_page()
        _write(
            pdf,
            "statement_person.html.j2",
            person=person,
            lines=_statement_lines(person, report),
            planned=fr_number(hours(person.planned_minutes)),
            confirmed=fr_number(hours(person.confirmed_minutes)),
            actual=fr_number(hours(person.actual_minutes)),
            gross=fr_money(person.gross_cents, person.currency),
            **_common(report, org_name, project_name),
        )
    return bytes(pdf.output())


def project_pdf(report: MonthReport, org_name: str, project_name: str) -> bytes:
    """A project's month: each person's hours and gross on it, the totals."""
    pdf = _pdf()
    pdf.add_page()
    rows = [
        {
            "name": p.name,
            "employment_type": p.employment_type,
            "confirmed": fr_number(hours(p.confirmed_minutes)),
            "actual": fr_number(hours(p.actual_minutes)),
            "gross": fr_money(p.gross_cents, p.currency),
        }
        for p in report.people
    ]
    sums = [
        {
            "confirmed": fr_number(hours(t.confirmed_minutes)),
            "actual": fr_number(hours(t.actual_minutes)),
            "gross": fr_money(t.gross_cents, currency),
        }
        for currency, t in totals(report.people).items()
    ]
    _write(
        pdf,
        "statement_project.html.j2",
        rows=rows,
        sums=sums,
        **_common(report, org_name, project_name),
    )
    return bytes(pdf.output())


_MONTHS_FR = (
    "janvier",
    "f\u00e9vrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "ao\u00fbt",
    "septembre",
    "octobre",
    "novembre",
    "d\u00e9cembre",
)


def month_name(label: str) -> str:
    """``2027-07`` -> ``juillet 2027``."""
    year, month = label.split("-")
    return f"{_MONTHS_FR[int(month) - 1]} {year}"


def _common(report: MonthReport, org_name: str, project_name: str | None) -> dict[str, Any]:
    return {
        "org_name": org_name,
        "month": month_name(report.month.label),
        "timezone": report.month.timezone,
        "project_name": project_name,
        "made_on": dt.datetime.now(ZoneInfo(report.month.timezone)).strftime("%d/%m/%Y"),
    }
