"""Every private page: the right persona gets it, an outsider and a visitor do not."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from tests.conftest import sign_in

# (url, personas that get 200) — every other signed-in persona gets 403 or an empty scope
PRIVATE_PAGES = [
    ("/", None),
    ("/inbox/", None),
    ("/accounts/password/", None),
    ("/accounts/organizations/", None),
    ("/accounts/registrations/", {"officer"}),
    ("/accounts/users/", {"sysadmin", "secadmin"}),
    ("/accounts/users/new/", {"sysadmin"}),
    ("/accounts/security/", {"secadmin"}),
    ("/audit/", {"auditor"}),
    ("/audit/export.xlsx", {"auditor"}),
]


@pytest.mark.parametrize(("url", "allowed"), PRIVATE_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(db, url, allowed) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("url", "allowed"), PRIVATE_PAGES)
def test_each_persona_gets_exactly_its_pages(personas, url, allowed) -> None:
    for name, user in personas.all().items():
        response = sign_in(Client(), user).get(url)
        expected = 200 if allowed is None or name in allowed else 403
        assert response.status_code == expected, (name, url, response.status_code)


def test_the_outsider_sees_no_organisations(personas) -> None:
    page = sign_in(Client(), personas.outsider).get("/accounts/organizations/")
    assert list(page.context["page"]) == []


def test_per_user_admin_pages_are_guarded(personas) -> None:
    target = personas.enterprise.pk
    for url in (f"/accounts/users/{target}/", f"/accounts/users/{target}/roles/"):
        for name in ("officer", "enterprise", "outsider", "auditor"):
            client = sign_in(Client(), getattr(personas, name))
            assert client.get(url).status_code == 403, (name, url)


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh-hans", "页面不存在"), ("zh-hant", "頁面不存在"), ("en", "does not exist")],
)
def test_the_404_page_is_styled_and_translated(personas, language, text) -> None:
    client = sign_in(Client(), personas.enterprise)
    client.cookies["tuwei_language"] = language
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert text in body
    assert "tuwei.css" in body


def test_the_403_page_is_translated(personas) -> None:
    client = sign_in(Client(), personas.enterprise)
    response = client.get("/audit/")
    assert response.status_code == 403
    with translation.override("zh-hans"):
        assert "无权" in response.content.decode() or "权限" in response.content.decode()


def test_the_language_switch_remembers_the_choice(personas) -> None:
    client = sign_in(Client(), personas.enterprise)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Workbench" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/"})
    assert "工作臺" in client.get("/").content.decode()
