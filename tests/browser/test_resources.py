"""Resources in Chromium: 三清零 from an enterprise's facts, an import with a bad row."""

from __future__ import annotations

import re

import pytest

from tests.transfer.browser import english, sign_in
from tests.transfer.xlsx import workbook_bytes
from tuwei.resources.models import RdFacts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_zeros_is_computed_from_the_enterprises_facts(page, live_server, personas):
    base = live_server.url
    english(page, base)
    sign_in(page, base, personas.enterprise)
    page.goto(f"{base}/resources/enterprises/{personas.company.pk}/")
    page.click("text=Record a year's facts")
    page.fill("#id_year", "2024")
    page.fill("#id_rd_spending", "800000")
    page.fill("#id_invention_patents", "2")
    page.click("button[type=submit].primary")  # no R&D institution yet
    page.wait_for_url(re.compile(rf"/resources/enterprises/{personas.company.pk}/$"))
    assert "Not cleared" in page.inner_text("[data-testid=three-zeros-status]")
    page.click("text=Record a year's facts")
    page.fill("#id_year", "2024")
    page.fill("#id_rd_spending", "800000")
    page.check("#id_has_rd_institution")
    page.fill("#id_invention_patents", "2")
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(rf"/resources/enterprises/{personas.company.pk}/$"))
    status = page.inner_text("[data-testid=three-zeros-status]")
    assert "Cleared" in status and "New" in status and "Not" not in status
    assert RdFacts.objects.get().clears_three_zeros


def test_an_import_with_one_bad_row_reports_that_row(page, live_server, personas):
    base = live_server.url
    english(page, base)
    code, other = personas.company.credit_code, personas.other_company.credit_code
    content = workbook_bytes(
        ["credit_code", "year", "rd_spending", "has_rd_institution", "invention_patents"],
        [[code, 2024, 900000, 1, 2], [other, 2024, -5, 1, 1], [other, 2023, 100, 1, 1]],
    )
    sign_in(page, base, personas.officer)
    page.goto(f"{base}/resources/import/qualifications/")
    upload = {"name": "facts.xlsx", "mimeType": "application/octet-stream", "buffer": content}
    page.set_input_files("#id_file", upload)
    page.click("button[type=submit].primary")
    errors = page.inner_text("[data-testid=import-errors]")
    assert "3" in errors and "rd_spending" in errors
    assert "Nothing was imported" in page.inner_text(".form-errors")
    assert RdFacts.objects.count() == 0
    page.set_input_files("#id_file", upload)
    page.check("#id_import_valid_rows")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=2 row(s) were imported; 1 row(s) with errors were left out.")
    assert RdFacts.objects.count() == 2
