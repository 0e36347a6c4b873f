"""The transfer marketplace in Chromium: list an achievement, find it, record a deal."""

from __future__ import annotations

import re

import pytest

from tests.transfer.browser import english, sign_in, sign_out
from tuwei.transfer.models import Achievement, Deal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_achievement_is_listed_and_found_in_traditional_script(page, live_server, personas):
    base = live_server.url
    english(page, base)
    sign_in(page, base, personas.enterprise)
    page.goto(f"{base}/transfer/achievements/new/")
    page.select_option("#id_kind", "new_product")
    page.fill("#id_title", "兆瓦级铁铬液流电池储能系统")
    page.fill("#id_summary", "电解液资源丰富、安全性高的长时储能系统。")
    page.select_option("#id_trl", "7")
    page.fill("#id_confidential_detail", "电堆密封结构")
    # the enterprise's own organisation is prefilled with 100%
    assert page.input_value("#id_owners-0-share") == "100"
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/transfer/achievements/\d+/$"))
    assert "电堆密封结构" in page.inner_text("[data-testid=confidential]")
    page.click("[data-move=submit]")
    page.wait_for_selector("text=The achievement was submitted for listing.")
    achievement = Achievement.objects.get()
    assert achievement.status == "pending"
    sign_out(page)

    sign_in(page, base, personas.officer)
    page.goto(f"{base}/")
    page.click("text=Achievements awaiting listing approval")
    page.click("text=兆瓦级铁铬液流电池储能系统")
    page.click("[data-move=approve]")
    page.wait_for_selector("text=The achievement is listed on the marketplace.")
    sign_out(page)

    page.goto(f"{base}/market/")
    page.fill("#id_q", "鐵鉻液流")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"q="))
    results = page.inner_text("[data-testid=market-results]")
    assert "兆瓦级铁铬液流电池储能系统" in results
    page.click("text=兆瓦级铁铬液流电池储能系统")
    assert "电堆密封结构" not in page.inner_text("body")


def test_a_deal_is_recorded_with_its_contract(page, live_server, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    base = live_server.url
    english(page, base)
    sign_in(page, base, personas.enterprise)
    page.goto(f"{base}/transfer/deals/new/")
    page.select_option("#id_kind", "licence")
    page.select_option("#id_licence_scope", "exclusive")
    page.fill("#id_title", "液流电池技术独占许可")
    page.select_option("#id_sellers", label=personas.company.name)
    page.select_option("#id_buyer", label=personas.other_company.name)
    page.fill("#id_amount", "3500000")
    page.fill("#id_signed_on", "2024-09-18")
    page.fill("#id_registration_number", "2024150600000999")
    page.set_input_files(
        "#id_contract_file", {"name": "合同.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.fill("#id_inventors-0-name", "王发明")
    page.fill("#id_inventors-0-share", "30")
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/transfer/deals/\d+/$"))
    facts = page.inner_text("[data-testid=deal-facts]")
    assert "3,500,000.00" in facts and "2024150600000999" in facts and "合同.pdf" in facts
    deal = Deal.objects.get()
    assert deal.contract.read() == PDF
    with page.expect_download() as download:
        page.click("text=合同.pdf")
    assert download.value.suggested_filename == "合同.pdf"
    sign_out(page)

    sign_in(page, base, personas.leader)
    page.goto(f"{base}/transfer/deals/summary/")
    page.wait_for_selector("[data-chart=chart-region][data-chart-ready]")
    assert "350.0" in page.inner_text("main")
