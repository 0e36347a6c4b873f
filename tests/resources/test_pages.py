"""Every resources page, for every persona: 200, 403 (no right), 404 (out of scope) or sign-in."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import sign_in
from tests.resources.factories import (
    CommissionerFactory,
    ConsortiumFactory,
    FacilityFactory,
    PlatformFactory,
)

EVERYONE = {
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
}
QUALIFICATION_READERS = {
    "officer",
    "leader",
    "bureau",
    "other_bureau",
    "enterprise",
    "other_enterprise",
}
NETWORK_READERS = QUALIFICATION_READERS | {"team_lead", "expert"}
OFFICER = {"officer"}

# (url, 200, 404); the other signed-in personas get 403, anonymous visitors go to sign in
PAGES = [
    ("/resources/enterprises/", QUALIFICATION_READERS, set()),
    ("/resources/enterprises/export.xlsx", QUALIFICATION_READERS, set()),
    (
        "/resources/enterprises/{company}/",
        {"officer", "leader", "bureau", "enterprise"},
        {"other_bureau", "other_enterprise"},
    ),
    (
        "/resources/enterprises/{company}/facts/",
        {"officer", "enterprise"},
        {"other_bureau", "other_enterprise"},
    ),
    (
        "/resources/enterprises/{company}/high-tech/",
        {"officer", "enterprise"},
        {"other_bureau", "other_enterprise"},
    ),
    (
        "/resources/enterprises/{company}/sme/",
        {"officer", "enterprise"},
        {"other_bureau", "other_enterprise"},
    ),
    ("/resources/three-zeros/", {"officer", "leader", "bureau", "other_bureau"}, set()),
    ("/resources/platforms/", EVERYONE, set()),
    ("/resources/platforms/export.xlsx", EVERYONE, set()),
    ("/resources/platforms/{public_platform}/", EVERYONE, set()),
    (
        "/resources/platforms/{private_platform}/",
        {"officer", "leader", "bureau", "enterprise"},
        {
            "other_enterprise",
            "other_bureau",
            "team_lead",
            "expert",
            "sysadmin",
            "secadmin",
            "auditor",
            "outsider",
        },
    ),
    ("/resources/platforms/new/", OFFICER, set()),
    ("/resources/platforms/{private_platform}/edit/", OFFICER, set()),
    ("/resources/facilities/", EVERYONE, set()),
    ("/resources/facilities/export.xlsx", EVERYONE, set()),
    (
        "/resources/facilities/{facility}/",
        {"officer", "leader", "bureau", "enterprise"},
        {
            "other_enterprise",
            "other_bureau",
            "team_lead",
            "expert",
            "sysadmin",
            "secadmin",
            "auditor",
            "outsider",
        },
    ),
    ("/resources/facilities/new/", OFFICER, set()),
    ("/resources/facilities/{facility}/edit/", OFFICER, set()),
    ("/resources/facilities/{facility}/usage/", OFFICER, set()),
    ("/resources/consortia/", NETWORK_READERS, set()),
    ("/resources/consortia/export.xlsx", NETWORK_READERS, set()),
    (
        "/resources/consortia/{consortium}/",
        {"officer", "leader", "bureau", "enterprise"},
        {"other_enterprise", "other_bureau", "team_lead", "expert"},
    ),
    ("/resources/consortia/new/", OFFICER, set()),
    ("/resources/consortia/{consortium}/edit/", OFFICER, set()),
    ("/resources/commissioners/", NETWORK_READERS, set()),
    ("/resources/commissioners/export.xlsx", NETWORK_READERS, set()),
    (
        "/resources/commissioners/{commissioner}/",
        {"officer", "leader", "bureau", "enterprise", "team_lead", "expert"},
        {"other_enterprise", "other_bureau"},
    ),
    ("/resources/commissioners/new/", OFFICER, set()),
    ("/resources/commissioners/{commissioner}/edit/", OFFICER, set()),
    ("/resources/commissioners/{commissioner}/logs/new/", OFFICER, set()),
    ("/resources/import/qualifications/", OFFICER, set()),
    ("/resources/import/platforms/", OFFICER, set()),
    ("/resources/import/facilities/template.xlsx", OFFICER, set()),
    ("/resources/import/consortia/", OFFICER, set()),
    ("/resources/import/commissioners/", OFFICER, set()),
]


@pytest.fixture
def objects(personas):
    return {
        "company": personas.company.pk,
        "public_platform": PlatformFactory(host=personas.other_company, is_public=True).pk,
        "private_platform": PlatformFactory(host=personas.company).pk,
        "facility": FacilityFactory(host=personas.company).pk,
        "consortium": ConsortiumFactory(lead=personas.company).pk,
        # a university's commissioner serving the enterprise
        "commissioner": CommissionerFactory(
            organization=personas.university, enterprises=[personas.company]
        ).pk,
    }


@pytest.mark.parametrize(("url", "allowed", "hidden"), PAGES)
def test_each_persona_gets_exactly_its_pages(personas, objects, url, allowed, hidden) -> None:
    address = url.format(**objects)
    for name, user in personas.all().items():
        status = sign_in(Client(), user).get(address).status_code
        expected = 200 if name in allowed else 404 if name in hidden else 403
        assert status == expected, (name, address, status)
    anonymous = Client().get(address)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_an_unknown_registry_has_no_import(personas) -> None:
    client = sign_in(Client(), personas.officer)
    assert client.get("/resources/import/achievements/").status_code == 404
