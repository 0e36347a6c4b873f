"""三员分立: system administrator, security administrator and security auditor."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.conftest import sign_in
from tuwei.accounts import services
from tuwei.accounts.models import SecurityPolicy, User
from tuwei.accounts.roles import Role
from tuwei.core.audit import log_action
from tuwei.core.models import AuditEntry


def test_the_sysadmin_opens_an_account_without_roles(personas) -> None:
    client = sign_in(Client(), personas.sysadmin)
    response = client.post(
        "/accounts/users/new/",
        {
            "username": "clerk",
            "real_name": "许文",
            "password": "Clerk#2024a",
            "phone": "13800000000",
        },
    )
    assert response.status_code == 302
    clerk = User.objects.get(username="clerk")
    assert clerk.role_codes == frozenset()
    assert AuditEntry.objects.filter(action="accounts.user.create", actor=personas.sysadmin)


def test_the_account_list_masks_phones(personas) -> None:
    client = sign_in(Client(), personas.sysadmin)
    page = client.get("/accounts/users/").content.decode()
    phone = personas.enterprise.phone
    assert phone not in page and f"{phone[:3]}****{phone[-4:]}" in page


def test_the_sysadmin_cannot_read_the_audit_trail_or_grant_roles(personas) -> None:
    client = sign_in(Client(), personas.sysadmin)
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.xlsx").status_code == 403
    assert client.get(f"/accounts/users/{personas.outsider.pk}/roles/").status_code == 403
    with pytest.raises(services.AccountsError):
        services.role_grant(actor=personas.sysadmin, user=personas.outsider, role=Role.OFFICER)


def test_the_secadmin_grants_roles_but_cannot_read_the_audit_trail(personas) -> None:
    client = sign_in(Client(), personas.secadmin)
    response = client.post(
        f"/accounts/users/{personas.outsider.pk}/roles/", {"roles": [Role.EXPERT]}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=personas.outsider.pk).has_role(Role.EXPERT)
    assert client.get("/audit/").status_code == 403
    assert client.get("/accounts/users/new/").status_code == 403


def test_the_secadmin_cannot_grant_to_themself(personas) -> None:
    with pytest.raises(services.AccountsError) as caught:
        services.role_grant(actor=personas.secadmin, user=personas.secadmin, role=Role.AUDITOR)
    assert caught.value.code == "self_grant"


def test_one_person_never_holds_two_administrator_roles(personas) -> None:
    with pytest.raises(services.AccountsError) as caught:
        services.role_grant(actor=personas.secadmin, user=personas.sysadmin, role=Role.AUDITOR)
    assert caught.value.code == "role_conflict"
    assert not personas.sysadmin.roles.filter(role=Role.AUDITOR).exists()


def test_the_secadmin_tightens_the_policy_but_never_below_the_floor(personas) -> None:
    client = sign_in(Client(), personas.secadmin)
    base = {
        "password_min_length": 10,
        "password_history": 6,
        "lockout_failures": 3,
        "lockout_minutes": 60,
        "idle_minutes": 15,
        "mfa_roles": ["officer", "sysadmin", "secadmin", "auditor", "leader"],
    }
    assert client.post("/accounts/security/", base).status_code == 302
    policy = SecurityPolicy.current()
    assert (policy.password_min_length, policy.idle_minutes) == (10, 15)
    too_loose = client.post("/accounts/security/", {**base, "password_min_length": 6})
    assert too_loose.status_code == 200
    assert SecurityPolicy.current().password_min_length == 10
    no_officer = client.post("/accounts/security/", {**base, "mfa_roles": ["sysadmin"]})
    assert no_officer.status_code == 200
    assert "officer" in SecurityPolicy.current().mfa_roles


def test_the_auditor_reads_filters_and_exports_the_trail(personas) -> None:
    log_action(personas.company, "accounts.organization.approve", actor=personas.officer)
    log_action(personas.company, "demo.other", actor=personas.enterprise, data={"password": "x"})
    client = sign_in(Client(), personas.auditor)
    page = client.get("/audit/", {"action": "accounts.organization"})
    assert page.status_code == 200
    rows = list(page.context["page"])
    assert [row.action for row in rows] == ["accounts.organization.approve"]
    export = client.get("/audit/export.xlsx", {"actor": "enterprise"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(values) == 1 and values[0][3] == "demo.other"
    assert "'***'" in values[0][7]
    assert AuditEntry.objects.filter(action="audit.export", actor=personas.auditor).exists()


@pytest.mark.parametrize("persona", ["officer", "enterprise", "leader", "outsider", "secadmin"])
def test_nobody_but_the_auditor_reads_the_trail(personas, persona) -> None:
    client = sign_in(Client(), getattr(personas, persona))
    assert client.get("/audit/").status_code == 403


def test_the_sysadmin_deactivates_with_a_reason(personas) -> None:
    client = sign_in(Client(), personas.sysadmin)
    url = f"/accounts/users/{personas.enterprise.pk}/active/"
    client.post(url, {"active": "0", "reason": ""})
    assert User.objects.get(pk=personas.enterprise.pk).is_active
    client.post(url, {"active": "0", "reason": "离职"})
    assert not User.objects.get(pk=personas.enterprise.pk).is_active
