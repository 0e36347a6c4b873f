"""三清零 is computed from an enterprise's R&D facts, never stored; counts by region."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from tests.accounts.factories import OrganizationFactory
from tests.conftest import sign_in
from tests.resources.factories import HighTechFactory, RdFactsFactory, SmeFactory
from tuwei.accounts.models import Organization
from tuwei.core.models import AuditEntry
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import RdFacts
from tuwei.resources.selectors.qualifications import (
    enterprise_list,
    three_zero_counts,
    three_zero_status,
    with_qualifications,
)
from tuwei.resources.services.qualifications import rd_facts_record


@pytest.mark.parametrize(
    ("spending", "institution", "patents", "cleared"),
    [
        (Decimal("1"), True, 1, True),
        (Decimal("0"), True, 3, False),
        (Decimal("500000"), False, 3, False),
        (Decimal("500000"), True, 0, False),
        (Decimal("0"), False, 0, False),
    ],
)
def test_all_three_facts_must_be_non_zero(db, spending, institution, patents, cleared) -> None:
    facts = RdFactsFactory(
        rd_spending=spending, has_rd_institution=institution, invention_patents=patents
    )
    assert facts.clears_three_zeros is cleared
    annotated = with_qualifications(Organization.objects.filter(pk=facts.organization_id), 2024)
    assert annotated.get().three_zeros is cleared


def test_an_enterprise_is_new_in_the_first_year_it_clears_them(db) -> None:
    steady, newcomer, lapsed = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    RdFactsFactory(organization=steady, year=2023)
    RdFactsFactory(organization=steady, year=2024)
    RdFactsFactory(organization=newcomer, year=2023, invention_patents=0)
    RdFactsFactory(organization=newcomer, year=2024)
    RdFactsFactory(organization=lapsed, year=2023)
    RdFactsFactory(organization=lapsed, year=2024, has_rd_institution=False)
    assert three_zero_status(steady, 2024) | {"facts": None} == {
        "year": 2024,
        "facts": None,
        "cleared": True,
        "new": False,
    }
    assert three_zero_status(newcomer, 2024)["new"] is True
    assert three_zero_status(lapsed, 2024)["cleared"] is False
    rows = {
        org.pk: (org.three_zeros, org.three_zeros_new)
        for org in with_qualifications(Organization.objects.all(), 2024)
        if org.has_facts
    }
    assert rows == {steady.pk: (True, False), newcomer.pk: (True, True), lapsed.pk: (False, False)}


def test_counts_by_region_within_scope(personas) -> None:
    home, other = personas.home_region, personas.other_region
    for _ in range(3):
        RdFactsFactory(organization=OrganizationFactory(region=home), year=2023)
        RdFactsFactory(organization=OrganizationFactory(region=home), year=2024)
    new = OrganizationFactory(region=home)
    RdFactsFactory(organization=new, year=2024)
    RdFactsFactory(organization=OrganizationFactory(region=other), year=2024)
    RdFactsFactory(organization=OrganizationFactory(region=other), year=2024, invention_patents=0)
    counts = {
        c.region.code: (c.cleared, c.new)
        for c in three_zero_counts(user=personas.officer, year=2024)
    }
    assert counts == {"150600": (4, 4), "150200": (1, 1)}
    bureau = {
        c.region.code: (c.cleared, c.new)
        for c in three_zero_counts(user=personas.bureau, year=2024)
    }
    assert bureau == {"150600": (4, 4)}


def test_the_counts_page_shows_each_region(personas) -> None:
    RdFactsFactory(organization=OrganizationFactory(region=personas.home_region), year=2024)
    client = sign_in(Client(headers={"accept-language": "en"}), personas.leader)
    page = client.get("/resources/three-zeros/?year=2024")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-region="150600"><td><a' in body and 'data-chart="chart-three-zeros"' in body
    assert {c.region.code: c.cleared for c in page.context["counts"]} == {"150200": 0, "150600": 1}


def test_an_enterprise_records_its_own_facts_and_sees_the_status(personas) -> None:
    client = sign_in(Client(headers={"accept-language": "en"}), personas.enterprise)
    url = f"/resources/enterprises/{personas.company.pk}/facts/"
    response = client.post(
        url,
        {"year": 2024, "rd_spending": "800000", "has_rd_institution": "on", "invention_patents": 1},
    )
    assert response.status_code == 302
    page = client.get(f"/resources/enterprises/{personas.company.pk}/").content.decode()
    assert "Cleared" in page and "New" in page
    # correcting the year updates the same row, and the status follows
    client.post(url, {"year": 2024, "rd_spending": "800000", "invention_patents": 1})
    assert RdFacts.objects.get(organization=personas.company, year=2024).has_rd_institution is False
    page = client.get(f"/resources/enterprises/{personas.company.pk}/").content.decode()
    assert "Not cleared" in page
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"resources.rd_facts.create", "resources.rd_facts.update"} <= actions


@pytest.mark.parametrize(
    "persona", ["other_enterprise", "bureau", "leader", "team_lead", "outsider"]
)
def test_others_cannot_record_an_enterprises_facts(personas, persona) -> None:
    with pytest.raises(ResourcesError) as caught:
        rd_facts_record(
            actor=getattr(personas, persona),
            organization=personas.company,
            year=2024,
            rd_spending=Decimal(1),
            has_rd_institution=True,
            invention_patents=1,
        )
    assert caught.value.code == "not_allowed"


def test_qualifications_are_for_enterprises_only(personas) -> None:
    with pytest.raises(ResourcesError) as caught:
        rd_facts_record(
            actor=personas.officer,
            organization=personas.university,
            year=2024,
            rd_spending=Decimal(1),
            has_rd_institution=True,
            invention_patents=1,
        )
    assert caught.value.code == "not_enterprise"


def test_the_list_filters_by_computed_status(personas) -> None:
    new = OrganizationFactory(region=personas.home_region, name="新清零企业")
    RdFactsFactory(organization=new)
    HighTechFactory(organization=new)
    SmeFactory(organization=new)
    RdFactsFactory(organization=OrganizationFactory(name="未清零企业"), invention_patents=0)
    client = sign_in(Client(), personas.officer)

    def names(params: dict[str, object]) -> set[str]:
        return {o.name for o in client.get("/resources/enterprises/", params).context["page"]}

    assert names({"year": 2024, "three_zeros": "new"}) == {"新清零企业"}
    assert "未清零企业" in names({"year": 2024, "three_zeros": "not"})
    assert names({"year": 2024, "high_tech": "true", "sme": "true"}) == {"新清零企业"}


def test_scope_of_the_enterprise_list(personas) -> None:
    assert set(enterprise_list(user=personas.enterprise)) == {personas.company}
    assert personas.other_company not in set(enterprise_list(user=personas.bureau))
    assert set(enterprise_list(user=personas.outsider)) == set()
