"""Shared fixtures: the named personas of DESIGN.md and ways to sign in as them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import OrganizationFactory, RegionFactory, UserFactory
from tuwei.accounts.models import Organization
from tuwei.accounts.roles import Role

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# browser tests make there are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # The production hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@dataclass
class Personas:
    officer: Any
    enterprise: Any
    other_enterprise: Any
    bureau: Any
    other_bureau: Any
    team_lead: Any
    expert: Any
    leader: Any
    sysadmin: Any
    secadmin: Any
    auditor: Any
    outsider: Any
    home_region: Any
    other_region: Any
    dept: Any
    company: Any
    other_company: Any
    university: Any

    def all(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for name in (
                "officer",
                "enterprise",
                "other_enterprise",
                "bureau",
                "other_bureau",
                "team_lead",
                "expert",
                "leader",
                "sysadmin",
                "secadmin",
                "auditor",
                "outsider",
            )
        }


@pytest.fixture
def personas(db: Any) -> Personas:
    home = RegionFactory(code="150600", name="鄂尔多斯市", name_en="Ordos")
    other = RegionFactory(code="150200", name="包头市", name_en="Baotou")
    dept = OrganizationFactory(
        name="自治区科学技术厅", kind=Organization.Kind.GOVERNMENT, region=home
    )
    company = OrganizationFactory(name="鄂尔多斯示例能源有限公司", region=home)
    other_company = OrganizationFactory(name="包头示例稀土有限公司", region=other)
    university = OrganizationFactory(
        name="示例工业大学", kind=Organization.Kind.UNIVERSITY, region=home
    )
    return Personas(
        officer=UserFactory(username="officer", organization=dept, roles=[Role.OFFICER]),
        enterprise=UserFactory(
            username="enterprise", organization=company, roles=[Role.ENTERPRISE]
        ),
        other_enterprise=UserFactory(
            username="other_enterprise", organization=other_company, roles=[Role.ENTERPRISE]
        ),
        bureau=UserFactory(username="bureau", organization=dept, region=home, roles=[Role.BUREAU]),
        other_bureau=UserFactory(
            username="other_bureau", organization=dept, region=other, roles=[Role.BUREAU]
        ),
        team_lead=UserFactory(username="teamlead", organization=university, roles=[Role.TEAM_LEAD]),
        expert=UserFactory(username="expert", organization=university, roles=[Role.EXPERT]),
        leader=UserFactory(username="leader", organization=dept, roles=[Role.LEADER]),
        sysadmin=UserFactory(username="sysadmin", organization=dept, roles=[Role.SYSADMIN]),
        secadmin=UserFactory(username="secadmin", organization=dept, roles=[Role.SECADMIN]),
        auditor=UserFactory(username="auditor", organization=dept, roles=[Role.AUDITOR]),
        outsider=UserFactory(username="outsider", organization=None, region=None),
        home_region=home,
        other_region=other,
        dept=dept,
        company=company,
        other_company=other_company,
        university=university,
    )


def sign_in(client: Client, user: Any) -> Client:
    """Sign in as `user`, with the second factor verified as the policy requires."""
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def login_as(client: Client) -> Any:
    def login(user: Any) -> Client:
        fresh = Client()
        return sign_in(fresh, user)

    return login
