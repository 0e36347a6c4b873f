"""Computed indicators: the query registry and `record_computed_indicators`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from tests.accounts.factories import OrganizationFactory
from tests.plans.factories import IndicatorFactory
from tuwei.accounts.models import Organization
from tuwei.plans.models import IndicatorValue
from tuwei.plans.queries import QUERIES, run_query
from tuwei.plans.queries_resources import resources_ready


def test_the_registry_always_has_the_enterprise_count(personas) -> None:
    assert "accounts.approved_enterprises" in QUERIES
    counts = run_query("accounts.approved_enterprises", date.today())
    # personas: one approved enterprise in each of Ordos and Baotou
    assert counts == {personas.home_region.pk: Decimal(1), personas.other_region.pk: Decimal(1)}


def test_resources_queries_are_registered_exactly_when_their_models_exist() -> None:
    names = {"resources.high_tech_count", "resources.tech_sme_count", "resources.consortium_count"}
    assert (names <= set(QUERIES)) == resources_ready()


def test_values_are_recorded_once_per_period_end(personas, plan) -> None:
    indicator = IndicatorFactory(
        plan=plan, code="E1", query_code="accounts.approved_enterprises", accumulates=False
    )
    late = OrganizationFactory(region=personas.home_region)
    Organization.objects.filter(pk=late.pk).update(
        created_at=timezone.make_aware(datetime(2024, 5, 1))
    )
    Organization.objects.exclude(pk=late.pk).update(
        created_at=timezone.make_aware(datetime(2024, 1, 5))
    )
    call_command("record_computed_indicators", "--date", "2024-07-02")
    rows = IndicatorValue.objects.filter(
        indicator=indicator, is_current=True, region=personas.home_region
    )
    by_quarter = dict(rows.values_list("period__number", "value"))
    assert by_quarter == {1: Decimal(1), 2: Decimal(2)}
    call_command("record_computed_indicators", "--date", "2024-07-02")
    assert (
        IndicatorValue.objects.filter(indicator=indicator).count() == 4
    )  # two regions × two quarters
    assert set(
        IndicatorValue.objects.filter(indicator=indicator).values_list("source", flat=True)
    ) == {"computed"}
