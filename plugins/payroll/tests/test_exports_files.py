"""The export files' pure parts: item codes in the plugin config, Latin-1 for the PDF's
font, French money; and a person with a name the PDF font lacks still gets a statement."""

from __future__ import annotations

import io

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from coulisses_payroll.config import PayrollConfig
from coulisses_payroll.engine import LineKind
from coulisses_payroll.export_files import fr_money, latin1, month_name, statements_pdf
from coulisses_payroll.report import MonthReport, PersonMonth, parse_month


def test_item_codes_default_to_the_kind_names_and_can_be_renamed():
    assert PayrollConfig().item_codes() == {kind: kind.value for kind in LineKind}
    config = PayrollConfig(item_code_night="NUIT-25", item_code_overtime="HS.125")
    assert config.item_codes()[LineKind.NIGHT] == "NUIT-25"
    assert config.item_codes()[LineKind.OVERTIME] == "HS.125"
    assert config.item_codes()[LineKind.BASE] == "base"


@pytest.mark.parametrize("code", ["", "a b", "x" * 33, "nuit;25", "\u00e9t\u00e9"])
def test_a_bad_item_code_is_refused(code):
    with pytest.raises(ValidationError):
        PayrollConfig(item_code_base=code)


async def test_the_org_config_refuses_a_bad_item_code(org):
    await org.enable("payroll")

    response = await org.set_plugin("payroll", config={"item_code_base": "a;b"})

    assert 400 <= response.status_code < 500, response.text


def test_latin1_keeps_french_letters_and_spells_the_others():
    assert latin1("L\u00e9a \u00c9lo\u00efse") == "L\u00e9a \u00c9lo\u00efse"
    assert latin1("\u0141ukasz \u0160imi\u0107") == "Lukasz Simic"
    assert latin1("10 \u20ac \u2013 c\u2019est \u0153uvre") == "10 EUR - c'est oeuvre"
    assert latin1("\u4e2d") == "?"


def test_french_money_and_month_names():
    assert fr_money(17000, "EUR") == "170,00 EUR"
    assert fr_money(123456789, "EUR") == "1 234 567,89 EUR"
    assert fr_money(5, "EUR") == "0,05 EUR"
    assert month_name("2027-08") == "ao\u00fbt 2027"


def test_a_statement_for_a_name_outside_latin1_is_still_made():
    month = parse_month("2027-07", "Europe/Paris")
    person = PersonMonth(
        user_id=1,
        name="\u0141ukasz <b>&</b>",
        employment_type="CDD",
        currency="EUR",
        confirmed_minutes=60,
    )
    report = MonthReport(month=month, people=[person])

    (page,) = (p.extract_text() for p in PdfReader(io.BytesIO(statements_pdf(report, "Org"))).pages)

    assert "Lukasz <b>&</b>" in page  # escaped in the HTML, shown as typed
    assert "0,00 EUR" in page
    assert "Calculs, pas un conseil juridique." in page


def test_an_empty_month_gives_one_page_that_says_so():
    report = MonthReport(month=parse_month("2027-07", "Europe/Paris"), people=[])

    (page,) = (p.extract_text() for p in PdfReader(io.BytesIO(statements_pdf(report, "Org"))).pages)

    assert "Aucune ligne de paie" in page
    assert "Calculs, pas un conseil juridique." in page
