from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from tests.accounts.factories import valid_credit_code
from tests.conftest import sign_in
from tuwei.accounts import services
from tuwei.accounts.models import Organization, User
from tuwei.accounts.roles import Role
from tuwei.core.models import AuditEntry, Notification

URL = "/accounts/register/"


def form(personas, **changes):
    data = {
        "role": Role.TEAM_LEAD,
        "username": "newlead",
        "real_name": "杨新",
        "phone": "13904710000",
        "email": "newlead@example.invalid",
        "password1": "Team#Lead2024",
        "password2": "Team#Lead2024",
        "org_name": "新建研究院",
        "org_credit_code": valid_credit_code(777, "150100"),
        "org_kind": Organization.Kind.INSTITUTE,
        "org_region": personas.home_region.pk,
    }
    data.update(changes)
    return data


def test_it_registers_a_person_with_a_new_organisation_for_approval(personas) -> None:
    response = Client().post(URL, form(personas))
    assert response.status_code == 302
    user = User.objects.get(username="newlead")
    assert user.registration == User.Registration.PENDING
    assert user.role_codes == frozenset()
    assert user.organization.status == Organization.Status.PENDING
    assert Notification.objects.filter(
        recipient=personas.officer, verb="accounts.registration.submitted"
    ).exists()
    assert AuditEntry.objects.filter(action="accounts.registration.submit").exists()


def test_a_bad_credit_code_is_explained_and_nothing_is_saved(personas) -> None:
    code = valid_credit_code(778)
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = Client().post(URL, form(personas, org_credit_code=typo))
    assert response.status_code == 200
    assert "org_credit_code" in response.context["form"].errors
    assert not User.objects.filter(username="newlead").exists()
    assert not Organization.objects.filter(credit_code=typo).exists()
    # what was typed is kept
    assert response.context["form"]["real_name"].value() == "杨新"


def test_a_duplicate_user_name_is_refused(personas) -> None:
    response = Client().post(URL, form(personas, username="ENTERPRISE"))
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert Organization.objects.filter(name="新建研究院").count() == 0


def test_a_weak_password_is_refused_with_the_rule(personas) -> None:
    response = Client().post(URL, form(personas, password1="abcdefgh", password2="abcdefgh"))
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(username="newlead").exists()


def test_joining_an_existing_organisation_needs_its_exact_name(personas) -> None:
    response = Client().post(
        URL, form(personas, org_credit_code=personas.company.credit_code, org_name="别的名字")
    )
    assert "org_name" in response.context["form"].errors
    assert not User.objects.filter(username="newlead").exists()


def test_self_registration_cannot_ask_for_an_officer_role(personas) -> None:
    with pytest.raises(services.AccountsError) as caught:
        services.registration_submit(
            username="sneaky",
            password="Sneaky#2024x",
            real_name="某",
            phone="",
            email="",
            role=Role.OFFICER,
            org_credit_code=personas.company.credit_code,
            org_name=personas.company.name,
            org_kind="enterprise",
            org_region=None,
        )
    assert caught.value.code == "role_not_self_service"


def test_the_officer_approves_and_the_role_is_granted(
    personas, django_capture_on_commit_callbacks
) -> None:
    Client().post(URL, form(personas))
    pending = User.objects.get(username="newlead")
    officer = sign_in(Client(), personas.officer)
    page = officer.get("/accounts/registrations/")
    assert "杨新" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(f"/accounts/registrations/{pending.pk}/approve/")
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.registration == User.Registration.APPROVED
    assert pending.has_role(Role.TEAM_LEAD)
    assert pending.organization.status == Organization.Status.APPROVED
    assert any(message.to == ["newlead@example.invalid"] for message in mail.outbox)


def test_the_officer_rejects_with_a_reason(personas) -> None:
    Client().post(URL, form(personas))
    pending = User.objects.get(username="newlead")
    officer = sign_in(Client(), personas.officer)
    officer.post(f"/accounts/registrations/{pending.pk}/reject/", {"reason": ""})
    pending.refresh_from_db()
    assert pending.registration == User.Registration.PENDING
    officer.post(f"/accounts/registrations/{pending.pk}/reject/", {"reason": "材料不全"})
    pending.refresh_from_db()
    assert pending.registration == User.Registration.REJECTED
    assert not pending.is_active
    assert pending.organization.status == Organization.Status.REJECTED


@pytest.mark.parametrize("persona", ["enterprise", "bureau", "expert", "leader", "outsider"])
def test_only_officers_see_the_approval_queue(personas, persona) -> None:
    client = sign_in(Client(), getattr(personas, persona))
    assert client.get("/accounts/registrations/").status_code == 403
