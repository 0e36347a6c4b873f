"""Every demo persona signs in through the real pages, and the language switch works."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP

from tuwei.accounts.demo import DEMO_PASSWORD, PERSONAS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MFA_PERSONAS = {"officer", "sysadmin", "secadmin", "auditor"}
HOME_TEXT = {  # something each persona's home shows that others' do not
    "officer": "项目主管",
    "auditor": "审计日志",
    "sysadmin": "账号",
    "secadmin": "安全策略",
}


@pytest.fixture
def demo(transactional_db: Any) -> None:
    call_command("seed_demo")


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit].primary")
    if username in MFA_PERSONAS:
        page.wait_for_url(re.compile(r"/accounts/mfa/setup/"))
        secret = page.inner_text("[data-testid=totp-secret]").strip()
        code = TOTP(base64.b32decode(secret)).token()
        page.fill("#id_token", f"{code:06d}")
        page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize("username", [persona[0] for persona in PERSONAS])
def test_each_persona_signs_in_to_its_workbench(page, live_server, demo, username) -> None:
    sign_in(page, live_server.url, username)
    assert page.inner_text("h1") == "工作台"
    assert page.is_visible("text=演示数据")
    expected_name = next(real for name, real, *_ in PERSONAS if name == username)
    assert page.inner_text("[data-testid=who]") == expected_name
    if username in HOME_TEXT:
        assert HOME_TEXT[username] in page.inner_text("body")
    if username == "outsider":
        assert "暂无角色" in page.inner_text("[data-testid=roles]") or page.inner_text(
            "[data-testid=roles]"
        )
    page.click("text=退出")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def test_the_language_switch_changes_the_whole_page(page, live_server, demo) -> None:
    sign_in(page, live_server.url, "enterprise")
    page.select_option("#language-select", "en")
    page.wait_for_selector("html[lang=en]", state="attached")
    assert page.inner_text("h1") == "Workbench"
    assert "Inbox" in page.inner_text("nav")
    page.select_option("#language-select", "zh-hant")
    page.wait_for_selector("html[lang=zh-hant]", state="attached")
    assert page.inner_text("h1") == "工作臺"
    page.select_option("#language-select", "zh-hans")
    page.wait_for_selector("html[lang=zh-hans]", state="attached")
    assert page.inner_text("h1") == "工作台"


def test_the_layout_works_on_a_phone(chromium, live_server, demo) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    try:
        sign_in(phone, live_server.url, "enterprise")
        assert not phone.is_visible("#sidebar")
        phone.click("[data-toggle-nav]")
        assert phone.is_visible("#sidebar")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"page scrolls sideways on a phone: {width}px"
    finally:
        context.close()


def test_a_wrong_password_is_explained_on_the_page(page, live_server, demo) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "enterprise")
    page.fill("#id_password", "Wrong#2024")
    page.click("button[type=submit].primary")
    assert page.is_visible(".form-errors")
    assert page.input_value("#id_username") == "enterprise"
