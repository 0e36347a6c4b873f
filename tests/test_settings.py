"""Production refuses unsafe settings; responses carry the security headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TUWEI_ENV"}}
    code = (
        "import tuwei.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_development_secret_key() -> None:
    result = load_settings(TUWEI_ENV="production", ALLOWED_HOSTS="tuwei.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug() -> None:
    result = load_settings(TUWEI_ENV="production", SECRET_KEY="x" * 50, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_uses_secure_cookies() -> None:
    result = load_settings(TUWEI_ENV="production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_malformed_boolean_names_the_variable() -> None:
    result = load_settings(DEBUG="maybe")
    assert result.returncode != 0 and "DEBUG" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy() -> None:
    response = Client().get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_no_template_contains_an_inline_script_or_style() -> None:
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<script>" not in text and "<script " not in text.replace("<script src=", ""), (
            template
        )
        assert " style=" not in text and "<style" not in text, template
        assert " onclick=" not in text and " onchange=" not in text, template
