"""Helpers for the transfer and resources browser tests."""

from __future__ import annotations

import base64
import re
from typing import Any

from django_otp.oath import TOTP

from tests.accounts.factories import PASSWORD


def english(page: Any, base: str) -> None:
    """English pages (the catalogues' source language), so tests read the source strings."""
    page.context.add_cookies([{"name": "tuwei_language", "value": "en", "url": base}])


def sign_in(page: Any, base: str, user: Any, password: str = PASSWORD) -> None:
    """Through the real pages; officers enrol their TOTP device on first sign-in."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("button[type=submit].primary")
    if user.has_role("officer"):
        page.wait_for_url(re.compile(r"/accounts/mfa/(setup|verify)/"))
        if "/setup/" in page.url:
            secret = page.inner_text("[data-testid=totp-secret]").strip()
            user.totp_secret = secret
        code = TOTP(base64.b32decode(user.totp_secret)).token()
        page.fill("#id_token", f"{code:06d}")
        page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def sign_out(page: Any) -> None:
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/accounts/login/"))
