"""Plan monitoring in the browser: the bureau reports a quarter by xlsx, the officer returns
one value, the bureau corrects it, the officer approves, and the plan page shows it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.browser.test_personas import sign_in
from tuwei.accounts import demo as accounts_demo
from tuwei.plans.models import IndicatorValue, Report
from tuwei.plans.services import setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quarter(transactional_db: Any) -> Report:
    people = accounts_demo.load({})
    users, regions = people["users"], people["regions"]
    officer = users["officer"]  # type: ignore[index]
    plan = setup.plan_create(actor=officer, year=2024, title="2024年浏览器测试计划")
    count = setup.indicator_create(
        actor=officer,
        plan=plan,
        fields={"code": "C1", "name": "新增平台", "kind": "count", "target": Decimal(100)},
    )
    setup.indicator_set_breakdown(
        actor=officer,
        indicator=count,
        targets={regions["150600"]: Decimal(60), regions["150200"]: Decimal(40)},  # type: ignore[index]
    )
    setup.indicator_create(
        actor=officer,
        plan=plan,
        fields={
            "code": "R1",
            "name": "装备数字化率",
            "kind": "rate",
            "aggregation": "mean",
            "accumulates": False,
            "target": Decimal(50),
            "baseline": Decimal(40),
        },
    )
    period = setup.period_open(
        actor=officer, period=plan.periods.get(frequency="quarterly", number=1)
    )
    return period.reports.get(region__code="150600")


def watch(page: Any) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems


def test_a_quarter_from_upload_to_approval(page, chromium, live_server, quarter, tmp_path) -> None:
    base = live_server.url
    report_url = f"{base}/plans/reports/{quarter.pk}/"
    bureau_context = chromium.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    bureau = bureau_context.new_page()
    bureau_problems = watch(bureau)
    try:
        # the bureau downloads the template, fills it in and uploads it
        sign_in(bureau, base, "bureau")
        bureau.goto(report_url)
        with bureau.expect_download() as download_info:
            bureau.click("[data-testid=template-link]")
        template = Path(tmp_path / "template.xlsx")
        download_info.value.save_as(template)
        workbook = load_workbook(template)
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(min_row=6):
            row[4].value = {"C1": 30, "R1": 95}[row[0].value]
        workbook.save(template)
        bureau.set_input_files("[data-testid=upload-form] input[type=file]", str(template))
        bureau.click("[data-testid=upload-form] button[type=submit]")
        bureau.wait_for_selector(".msg-success")
        assert bureau.input_value("[data-code=C1] input[name=value_C1]") == "30"
        bureau.click("button[name=submit]")
        bureau.wait_for_selector("[data-testid=report-status] [data-status=submitted]")

        # the officer returns the rate with a reason
        sign_in(page, base, "officer")
        page.goto(report_url)
        page.fill("input[name=reason_R1]", "与统计公报不符，请核实")
        page.click("[data-testid=return]")
        page.wait_for_selector("[data-testid=report-status] [data-status=returned]")

        # the bureau sees the returned value, corrects it and submits again
        bureau.goto(report_url)
        assert "与统计公报不符" in bureau.inner_text("[data-testid=returned-R1]")
        bureau.fill("input[name=value_R1]", "45")
        bureau.click("button[name=submit]")
        bureau.wait_for_selector("[data-testid=report-status] [data-status=submitted]")

        # the officer approves; the plan page shows the new progress, forecast and map
        page.goto(report_url)
        page.click("[data-testid=approve]")
        page.wait_for_selector("[data-testid=report-status] [data-status=approved]")
        assert IndicatorValue.objects.get(indicator__code="R1", is_current=True).value == Decimal(
            45
        )

        page.goto(f"{base}/plans/{quarter.period.plan_id}/")
        for chart in ("chart-gauges-box", "chart-map-box", "chart-ranking-box"):
            page.wait_for_selector(f"#{chart}[data-chart-ready='1']", state="attached")
        row = page.locator("[data-testid=indicators] tr[data-code=C1]")
        cells = row.locator("td").all_inner_texts()
        assert cells[4] == "30"  # value
        assert cells[6] == "30.0%"  # completion against the target of 100
        assert cells[8] != "—"  # a year-end forecast
        rate_cells = page.locator("[data-testid=indicators] tr[data-code=R1] td").all_inner_texts()
        assert rate_cells[4] == "45"
        page.click("[data-testid=map-card] summary")
        assert "鄂尔多斯市" in page.inner_text("[data-testid=map-table]")
    finally:
        bureau_context.close()
    assert not bureau_problems, f"browser console errors (bureau): {bureau_problems}"
