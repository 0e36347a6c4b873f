"""Platforms, facilities, consortia and commissioners: services, scope and benchmarks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests.accounts.factories import OrganizationFactory
from tests.conftest import sign_in
from tests.resources.factories import (
    CommissionerFactory,
    ConsortiumFactory,
    FacilityFactory,
    PlatformFactory,
    ServiceLogFactory,
    UsageFactory,
)
from tuwei.core.models import AuditEntry
from tuwei.resources.errors import ResourcesError
from tuwei.resources.models import Platform
from tuwei.resources.selectors import directories as selectors
from tuwei.resources.services import directories as services


def test_an_officer_records_a_platform_in_the_hosts_region(personas) -> None:
    platform = services.platform_save(
        actor=personas.officer,
        values={
            "name": "京蒙共建煤基新材料中试基地",
            "kind": Platform.Kind.BEIJING_CO_BUILT,
            "level": Platform.Level.REGIONAL,
            "host": personas.company,
            "year": 2024,
        },
    )
    assert platform.region == personas.home_region
    assert AuditEntry.objects.filter(action="resources.platform.create").exists()
    with pytest.raises(ResourcesError) as caught:
        services.platform_save(
            actor=personas.officer,
            values={
                "name": platform.name,
                "kind": "other",
                "level": "city",
                "host": personas.company,
                "year": 2024,
            },
        )
    assert caught.value.code == "name_taken"


@pytest.mark.parametrize("persona", ["enterprise", "bureau", "leader", "outsider"])
def test_only_officers_change_the_directories(personas, persona) -> None:
    with pytest.raises(ResourcesError):
        services.platform_save(
            actor=getattr(personas, persona),
            values={
                "name": "x",
                "kind": "other",
                "level": "city",
                "host": personas.company,
                "year": 2024,
            },
        )


def test_public_entries_are_seen_by_everyone_signed_in_others_by_scope(personas) -> None:
    public = PlatformFactory(host=personas.other_company, is_public=True)
    home = PlatformFactory(host=personas.company)
    away = PlatformFactory(host=personas.other_company)
    seen = lambda persona: set(selectors.platform_list(user=getattr(personas, persona)))  # noqa: E731
    assert seen("officer") == seen("leader") == {public, home, away}
    assert seen("bureau") == {public, home}
    assert seen("enterprise") == {public, home}
    assert seen("other_enterprise") == {public, away}
    assert seen("outsider") == {public}


def test_sharing_records_compute_the_rate_and_flag_benchmarks(personas) -> None:
    good = UsageFactory(effective_hours=Decimal(1600), external_hours=Decimal(400))
    low = UsageFactory(effective_hours=Decimal(900), external_hours=Decimal(100))
    assert good.sharing_rate == Decimal("0.250")
    assert not good.below_effective_benchmark and not good.below_external_benchmark
    assert low.below_effective_benchmark and low.below_external_benchmark
    client = sign_in(Client(headers={"accept-language": "en"}), personas.officer)
    page = client.get(f"/resources/facilities/{low.facility.pk}/").content.decode()
    assert "1,440" in page and "240" in page and "Below" in page


def test_a_sharing_year_is_corrected_not_duplicated(personas) -> None:
    facility = FacilityFactory(host=personas.company)
    for hours in (Decimal(1000), Decimal(1500)):
        services.facility_usage_record(
            actor=personas.officer,
            facility=facility,
            year=2024,
            effective_hours=hours,
            external_hours=Decimal(200),
        )
    assert facility.usages.get().effective_hours == 1500
    with pytest.raises(ValidationError):
        services.facility_usage_record(
            actor=personas.officer,
            facility=facility,
            year=2023,
            effective_hours=Decimal(100),
            external_hours=Decimal(200),
        )


def test_consortium_rules_and_scope(personas) -> None:
    with pytest.raises(ResourcesError) as caught:
        services.consortium_save(
            actor=personas.officer,
            values={"name": "联合体", "lead": personas.company, "year": 2024},
            members=[personas.company],
        )
    assert caught.value.code == "lead_is_member"
    with pytest.raises(ResourcesError) as caught:
        services.consortium_save(
            actor=personas.officer,
            values={"name": "联合体", "lead": personas.university, "year": 2024},
            members=[],
        )
    assert caught.value.code == "lead_not_enterprise"
    led = ConsortiumFactory(lead=personas.company)
    joined = ConsortiumFactory(lead=personas.other_company, members=[personas.university])
    assert set(selectors.consortium_list(user=personas.enterprise)) == {led}
    assert set(selectors.consortium_list(user=personas.team_lead)) == {joined}
    assert set(selectors.consortium_list(user=personas.other_bureau)) == {joined}
    assert set(selectors.consortium_list(user=personas.outsider)) == set()


def test_service_logs_are_seen_by_those_they_concern(personas) -> None:
    elsewhere = OrganizationFactory(region=personas.other_region)
    commissioner = CommissionerFactory(
        organization=personas.university, enterprises=[personas.company, elsewhere]
    )
    mine = ServiceLogFactory(commissioner=commissioner, enterprise=personas.company)
    theirs = ServiceLogFactory(commissioner=commissioner, enterprise=elsewhere)
    logs = lambda persona: set(  # noqa: E731
        selectors.service_log_list(user=getattr(personas, persona), commissioner=commissioner)
    )
    assert logs("officer") == logs("team_lead") == {mine, theirs}
    assert logs("enterprise") == {mine}
    assert logs("bureau") == {mine}
    assert logs("other_bureau") == {theirs}
    assert set(selectors.commissioner_list(user=personas.other_enterprise)) == set()
    assert set(selectors.commissioner_list(user=personas.enterprise)) == {commissioner}


def test_a_service_is_logged_only_for_an_assigned_enterprise(personas) -> None:
    commissioner = CommissionerFactory(enterprises=[personas.company])
    with pytest.raises(ResourcesError) as caught:
        services.service_log_create(
            actor=personas.officer,
            commissioner=commissioner,
            enterprise=personas.other_company,
            date=date(2024, 6, 1),
            hours=Decimal(4),
            outcome="指导",
        )
    assert caught.value.code == "not_assigned"


def test_a_consortium_names_the_public_challenges_it_took_on(personas) -> None:
    from tuwei.challenges.models import Challenge
    from tuwei.programs.models import Program

    program = Program.objects.create(year=2024, title="2024年科技突围工程")

    def challenge(title: str, status: str) -> Challenge:
        return Challenge.objects.create(
            program=program,
            title=title,
            owner=personas.company,
            created_by=personas.enterprise,
            status=status,
        )

    published = challenge("α-烯烃分离提纯揭榜", Challenge.Status.PUBLISHED)
    later_withdrawn = challenge("撤回的榜单", Challenge.Status.PUBLISHED)
    draft = challenge("草稿榜单", Challenge.Status.DRAFT)
    client = sign_in(Client(), personas.officer)
    form_page = client.get("/resources/consortia/new/")
    choices = {c.pk for c in form_page.context["form"].fields["challenges"].queryset}
    assert choices == {published.pk, later_withdrawn.pk}  # drafts are not on offer
    consortium = services.consortium_save(
        actor=personas.officer,
        values={"name": "煤化工创新联合体", "lead": personas.company, "year": 2024},
        members=[personas.university],
        challenges=[published, later_withdrawn],
    )
    Challenge.objects.filter(pk=later_withdrawn.pk).update(status=Challenge.Status.WITHDRAWN)
    page = client.get(f"/resources/consortia/{consortium.pk}/")
    assert list(page.context["challenges"]) == [published]
    assert draft.title not in page.content.decode()
    # an edit without a challenges argument leaves them alone
    services.consortium_save(
        actor=personas.officer,
        values={"name": "煤化工创新联合体", "lead": personas.company, "year": 2025},
        members=[personas.university],
        consortium=consortium,
    )
    assert consortium.challenges.count() == 2
