from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import PASSWORD
from tuwei.core.middleware import ACTIVE_COOKIE
from tuwei.core.models import AuditEntry

LOGIN = "/accounts/login/"


def post_login(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def test_it_signs_in_and_records_it(personas) -> None:
    client = Client()
    response = post_login(client, "enterprise", PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.login", actor=personas.enterprise).exists()
    assert ACTIVE_COOKIE in response.cookies


def test_a_wrong_password_gets_a_clear_message_in_chinese(personas) -> None:
    client = Client()
    response = post_login(client, "enterprise", "Wrong#Pass1")
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.data == {"username": "enterprise"}


def test_five_failures_lock_the_account_for_thirty_minutes(personas) -> None:
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(5):
            post_login(client, "enterprise", "Wrong#Pass1")
        locked = post_login(client, "enterprise", PASSWORD)
        assert locked.status_code == 429
        assert "30" in locked.content.decode()
        assert "锁定" in locked.content.decode()
        traveller.shift(dt.timedelta(minutes=29))
        assert post_login(Client(), "enterprise", PASSWORD).status_code == 429
        # the 30 minutes count from the last attempt, so trying during the lock extends it
        traveller.shift(dt.timedelta(minutes=29))
        assert post_login(Client(), "enterprise", PASSWORD).status_code == 429
        traveller.shift(dt.timedelta(minutes=31))
        assert post_login(Client(), "enterprise", PASSWORD).status_code == 302


def test_the_lock_message_is_translated(personas) -> None:
    client = Client(headers={"accept-language": "en"})
    for _ in range(6):
        response = client.post(LOGIN, {"username": "expert", "password": "Nope#12345"})
    assert response.status_code == 429
    assert "locked for 30 minutes" in response.content.decode()


def test_it_signs_out_on_post_and_records_it(personas) -> None:
    client = Client()
    post_login(client, "enterprise", PASSWORD)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
    assert AuditEntry.objects.filter(action="auth.logout", actor=personas.enterprise).exists()


def test_an_idle_session_expires_after_thirty_minutes_with_a_message(personas) -> None:
    client = Client()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        post_login(client, "enterprise", PASSWORD)
        traveller.shift(dt.timedelta(minutes=20))
        assert client.get("/").status_code == 200  # activity moves the expiry
        traveller.shift(dt.timedelta(minutes=25))
        assert client.get("/").status_code == 200
        traveller.shift(dt.timedelta(minutes=31))
        response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert "长时间未操作" in response.content.decode()


def test_officers_must_enrol_a_second_factor_before_anything_else(personas) -> None:
    client = Client()
    post_login(client, "officer", PASSWORD)
    response = client.get("/accounts/organizations/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))
    page = client.get(response["Location"])
    device = TOTPDevice.objects.get(user=personas.officer, confirmed=False)
    assert page.context["secret"]
    wrong = client.post(response["Location"], {"token": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    # a failed code throttles the device for a few seconds (brute-force brake)
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5), tick=False):
        code = f"{totp(device.bin_key):06d}"
        done = client.post(response["Location"], {"token": code})
    assert done.status_code == 302
    assert done["Location"] == "/accounts/organizations/"
    assert client.get("/accounts/organizations/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.mfa.enroll", actor=personas.officer).exists()


def test_an_enrolled_officer_verifies_on_each_sign_in(personas) -> None:
    device = TOTPDevice.objects.create(user=personas.officer, name="phone", confirmed=True)
    client = Client()
    post_login(client, "officer", PASSWORD)
    response = client.get("/")
    assert response["Location"].startswith(reverse("accounts:mfa_verify"))
    bad = client.post(reverse("accounts:mfa_verify"), {"token": "12345"})
    assert "六位" in bad.content.decode() or bad.status_code == 200
    ok = client.post(reverse("accounts:mfa_verify"), {"token": f"{totp(device.bin_key):06d}"})
    assert ok.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("username", ["sysadmin", "secadmin", "auditor"])
def test_administrators_need_the_second_factor_too(personas, username: str) -> None:
    client = Client()
    post_login(client, username, PASSWORD)
    assert client.get("/")["Location"].startswith(reverse("accounts:mfa_setup"))


def test_it_refuses_an_open_redirect_after_mfa(personas) -> None:
    client = Client()
    post_login(client, "officer", PASSWORD)
    client.get(reverse("accounts:mfa_setup"))
    device = TOTPDevice.objects.get(user=personas.officer)
    response = client.post(
        reverse("accounts:mfa_setup") + "?next=https://evil.example/",
        {"token": f"{totp(device.bin_key):06d}"},
    )
    assert response["Location"] == "/"


def test_password_change_enforces_history(personas) -> None:
    client = Client()
    post_login(client, "enterprise", PASSWORD)
    url = reverse("accounts:password_change")
    with translation.override("en"):
        first = client.post(
            url,
            {
                "old_password": PASSWORD,
                "new_password1": "Fresh#Pass1",
                "new_password2": "Fresh#Pass1",
            },
        )
    assert first.status_code == 302
    back = client.post(
        url,
        {"old_password": "Fresh#Pass1", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert back.status_code == 200
    assert "最近" in back.content.decode()
    assert AuditEntry.objects.filter(action="auth.password_change").count() == 1
