from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import sign_in
from tuwei.accounts import selectors


def visible(personas, persona):
    return set(selectors.organization_list(user=getattr(personas, persona)))


def test_officers_and_leaders_see_every_organisation(personas) -> None:
    everything = {personas.dept, personas.company, personas.other_company, personas.university}
    assert visible(personas, "officer") == everything
    assert visible(personas, "leader") == everything


def test_a_bureau_sees_its_own_region_only(personas) -> None:
    assert personas.other_company not in visible(personas, "bureau")
    assert personas.company in visible(personas, "bureau")
    assert visible(personas, "other_bureau") == {personas.other_company}


def test_an_enterprise_sees_its_own_organisation_only(personas) -> None:
    assert visible(personas, "enterprise") == {personas.company}


def test_an_outsider_sees_nothing(personas) -> None:
    assert visible(personas, "outsider") == set()


@pytest.mark.parametrize(
    ("persona", "target", "status"),
    [
        ("enterprise", "company", 200),
        ("enterprise", "other_company", 404),
        ("bureau", "other_company", 404),
        ("other_bureau", "other_company", 200),
        ("team_lead", "company", 404),
        ("outsider", "company", 404),
        ("officer", "other_company", 200),
    ],
)
def test_reaching_another_organisations_page_by_url_is_not_found(
    personas, persona, target, status
) -> None:
    client = sign_in(Client(), getattr(personas, persona))
    organization = getattr(personas, target)
    response = client.get(f"/accounts/organizations/{organization.pk}/")
    assert response.status_code == status
    if status == 404:
        assert "errors/404.html" in [template.name for template in response.templates]


def test_member_phones_are_masked_on_organisation_pages(personas) -> None:
    client = sign_in(Client(), personas.officer)
    page = client.get(f"/accounts/organizations/{personas.company.pk}/").content.decode()
    phone = personas.enterprise.phone
    assert phone not in page
    assert f"{phone[:3]}****{phone[-4:]}" in page
