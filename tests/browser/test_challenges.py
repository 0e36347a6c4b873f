"""A challenge's way from an enterprise to the public board, through the real pages.

An enterprise writes and submits it (adding a table row with the page's script), the
officer signs in with two-factor enrolment, vets and publishes it, and an anonymous
visitor finds it on the board by a query in traditional script and opens it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_otp.oath import TOTP

from tuwei.accounts import demo as accounts_demo
from tuwei.chains import demo as chains_demo
from tuwei.challenges.models import Challenge
from tuwei.programs import demo as programs_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "兆瓦级全钒液流电池储能电站示范"
TRADITIONAL_QUERY = "全釩液流電池"


@pytest.fixture
def demo(transactional_db: Any) -> None:
    context: dict[str, Any] = {}
    for loader in (accounts_demo, programs_demo, chains_demo):
        context.update(loader.load(context))


@pytest.fixture
def en_page(chromium: Any) -> Iterator[Any]:
    """Like the shared `page` fixture (any console error fails the test), in English."""
    context = chromium.new_context(viewport={"width": 1280, "height": 860}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    yield page
    context.close()
    assert not problems, f"browser console errors: {problems}"


def sign_in(page: Any, base: str, username: str, *, totp: bool = False) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", accounts_demo.DEMO_PASSWORD)
    page.click("button[type=submit].primary")
    if totp:
        page.wait_for_url(re.compile(r"/accounts/mfa/setup/"))
        secret = page.inner_text("[data-testid=totp-secret]").strip()
        page.fill("#id_token", f"{TOTP(base64.b32decode(secret)).token():06d}")
        page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def sign_out(page: Any) -> None:
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def test_a_challenge_goes_from_the_enterprise_to_the_public_board(
    en_page: Any, chromium: Any, live_server: Any, demo: None
) -> None:
    base, page = live_server.url, en_page
    deadline = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%dT17:00")

    # the enterprise writes the challenge and submits it
    sign_in(page, base, "enterprise")
    page.click("nav >> text=Challenges")
    page.click("text=New challenge")
    page.fill("#id_title", TITLE)
    page.fill("#id_problem", "通辽风光配储需求迫切，全钒液流电池电解液成本高、电堆功率密度低。")
    page.fill("#id_deliverables", "兆瓦级储能系统一套，运行报告一份。")
    page.fill("#id_acceptance", "并网连续运行六个月，由电网公司组织测试。")
    page.fill("#id_gov_funding", "12000000")
    page.fill("#id_enterprise_funding", "36000000")
    page.fill("#id_duration_months", "24")
    page.fill("#id_deadline", deadline)
    page.fill("#id_contact_name", "王工")
    page.fill("#id_contact_phone", "0475-8123456")
    page.fill("#id_ind-0-name", "系统能量效率")
    page.fill("#id_ind-0-target", "75")
    page.fill("#id_ind-0-unit", "%")
    rows_before = page.locator('[data-formset="ind"] [data-rows] tr').count()
    page.click('[data-add-row="ind"]')
    assert page.locator('[data-formset="ind"] [data-rows] tr').count() == rows_before + 1
    page.fill(f"#id_ind-{rows_before}-name", "年容量衰减")
    page.select_option(f"#id_ind-{rows_before}-comparator", "lte")
    page.fill(f"#id_ind-{rows_before}-target", "3")
    page.fill("#id_ms-0-title", "完成电堆中试")
    page.fill("#id_ms-0-month_offset", "12")
    page.click("button[name=submit]")
    page.wait_for_url(re.compile(r"/challenges/\d+/$"))
    assert "submitted for vetting" in page.inner_text(".messages")
    challenge = Challenge.objects.get(title=TITLE)
    assert challenge.status == Challenge.Status.SUBMITTED
    assert list(challenge.indicators.values_list("name", flat=True)) == [
        "系统能量效率",
        "年容量衰减",
    ]
    sign_out(page)

    # the officer enrols a second factor, vets and publishes it
    sign_in(page, base, "officer", totp=True)
    page.click("nav >> text=Vetting queue")
    page.click(f"[data-testid=to-vet] >> text={TITLE}")
    page.click("text=Mark as vetted")
    page.wait_for_selector(".msg-success")
    page.click("text=Publish on the board")
    assert "published on the board" in page.inner_text(".messages")
    sign_out(page)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED

    # a visitor, signed in nowhere, finds it by a query in traditional script
    visitor_context = chromium.new_context(locale="en-US")
    visitor = visitor_context.new_page()
    errors: list[str] = []
    visitor.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        visitor.goto(f"{base}/board/")
        visitor.fill("#id_q", TRADITIONAL_QUERY)
        visitor.click("[data-testid=board-filters] button[type=submit]")
        visitor.wait_for_url(re.compile(r"q="))
        link = visitor.locator("[data-testid=board-title]").first
        assert link.inner_text() == TITLE
        assert (
            visitor.locator("[data-testid=board-title] mark").first.inner_text() == "全钒液流电池"
        )
        link.click()
        visitor.wait_for_url(f"{base}/board/{challenge.pk}/")
        assert visitor.inner_text("[data-testid=challenge-title]").startswith(TITLE)
        assert "No thresholds" in visitor.inner_text("[data-testid=no-threshold]")
        assert "系统能量效率" in visitor.inner_text("main")
    finally:
        visitor_context.close()
    assert not errors, f"browser console errors: {errors}"
