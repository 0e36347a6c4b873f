"""The officer's set-up: plans, indicators, breakdowns, periods."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.plans.factories import IndicatorFactory
from tuwei.core.models import AuditEntry
from tuwei.plans.errors import PlansError
from tuwei.plans.models import Indicator, Period, Plan, RegionTarget, Report
from tuwei.plans.services import setup, values


def test_it_creates_a_plan_with_its_sixteen_periods(personas) -> None:
    plan = setup.plan_create(actor=personas.officer, year=2025, title="2025年计划")
    assert plan.periods.filter(frequency="monthly").count() == 12
    assert plan.periods.filter(frequency="quarterly").count() == 4
    q1 = plan.periods.get(frequency="quarterly", number=1)
    assert (str(q1.start), str(q1.end), str(q1.due)) == ("2025-01-01", "2025-03-31", "2025-04-15")
    assert AuditEntry.objects.filter(action="plans.plan.create", object_id=str(plan.pk)).exists()


def test_it_refuses_a_second_plan_with_the_same_title(personas) -> None:
    setup.plan_create(actor=personas.officer, year=2025, title="同名计划")
    with pytest.raises(PlansError) as caught:
        setup.plan_create(actor=personas.officer, year=2025, title="同名计划")
    assert caught.value.code == "duplicate_plan"


@pytest.mark.parametrize("name", ["bureau", "leader", "outsider", "enterprise"])
def test_only_officers_create_plans(personas, name) -> None:
    with pytest.raises(PlansError) as caught:
        setup.plan_create(actor=getattr(personas, name), year=2025, title="x")
    assert caught.value.code == "not_allowed"
    assert not Plan.objects.exists()


def test_thresholds_must_be_ordered(personas) -> None:
    with pytest.raises(PlansError) as caught:
        setup.plan_create(
            actor=personas.officer,
            year=2025,
            title="x",
            red_below=Decimal(95),
            yellow_below=Decimal(90),
        )
    assert str(caught.value) == str(PlansError.BAD_THRESHOLDS)


def test_a_breakdown_of_a_sum_must_add_up_and_saves_nothing_otherwise(personas, indicators) -> None:
    count = indicators["count"]
    before = list(RegionTarget.objects.filter(indicator=count).values_list("region_id", "target"))
    with pytest.raises(PlansError) as caught:
        setup.indicator_set_breakdown(
            actor=personas.officer,
            indicator=count,
            targets={personas.home_region: Decimal(70), personas.other_region: Decimal(40)},
        )
    assert caught.value.code == "breakdown_sum"
    assert "110" in str(caught.value) and "100" in str(caught.value)
    after = list(RegionTarget.objects.filter(indicator=count).values_list("region_id", "target"))
    assert after == before


def test_a_breakdown_that_adds_up_replaces_the_old_one(personas, indicators) -> None:
    setup.indicator_set_breakdown(
        actor=personas.officer,
        indicator=indicators["count"],
        targets={personas.home_region: Decimal(75), personas.other_region: Decimal(25)},
    )
    rows = dict(
        RegionTarget.objects.filter(indicator=indicators["count"]).values_list(
            "region__code", "target"
        )
    )
    assert rows == {"150600": Decimal(75), "150200": Decimal(25)}


def test_a_mean_breakdown_need_not_add_up(personas, indicators) -> None:
    setup.indicator_set_breakdown(
        actor=personas.officer,
        indicator=indicators["rate"],
        targets={personas.home_region: Decimal(55), personas.other_region: Decimal(45)},
    )
    assert RegionTarget.objects.filter(indicator=indicators["rate"]).count() == 2


def test_an_indicator_code_is_unique_in_its_plan(personas, plan, indicators) -> None:
    with pytest.raises(PlansError) as caught:
        setup.indicator_create(
            actor=personas.officer,
            plan=plan,
            fields={"code": "C1", "name": "重复", "kind": "count", "target": Decimal(1)},
        )
    assert caught.value.code == "duplicate_code"


def test_an_unknown_query_is_refused(personas, plan) -> None:
    with pytest.raises(PlansError) as caught:
        setup.indicator_create(
            actor=personas.officer,
            plan=plan,
            fields={
                "code": "Q9",
                "name": "计算",
                "kind": "count",
                "target": Decimal(1),
                "query_code": "no.such",
            },
        )
    assert caught.value.code == "unknown_query"


def test_a_rate_target_above_100_is_refused(personas, plan) -> None:
    with pytest.raises(PlansError) as caught:
        setup.indicator_create(
            actor=personas.officer,
            plan=plan,
            fields={
                "code": "R9",
                "name": "比率",
                "kind": Indicator.Kind.RATE,
                "target": Decimal(120),
            },
        )
    assert caught.value.code == "rate_above_100"


def test_opening_a_period_gives_every_region_a_draft(personas, plan, indicators) -> None:
    period = plan.periods.get(frequency="quarterly", number=1)
    setup.period_open(actor=personas.officer, period=period)
    assert set(Report.objects.filter(period=period).values_list("region__code", "status")) == {
        ("150600", "draft"),
        ("150200", "draft"),
    }
    with pytest.raises(PlansError):
        setup.period_open(actor=personas.officer, period=period)
    setup.period_close(actor=personas.officer, period=period)
    period.refresh_from_db()
    assert period.status == Period.Status.CLOSED


def test_the_report_lists_the_indicators_the_regions_report(plan, indicators, ordos_q1) -> None:
    IndicatorFactory(plan=plan, code="M1", frequency="monthly")
    IndicatorFactory(plan=plan, code="Q2", query_code="accounts.approved_enterprises")
    codes = [row.indicator.code for row in setup.ensure_report_values(ordos_q1)]
    assert codes == ["C1", "R1"]  # not monthly, not computed, not region-wide


def test_a_region_wide_value_is_entered_by_the_officer(personas, plan, indicators) -> None:
    period = plan.periods.get(frequency="quarterly", number=1)
    values.region_wide_value_set(
        actor=personas.officer, indicator=indicators["wide"], period=period, value=Decimal(18)
    )
    row = values.region_wide_value_set(
        actor=personas.officer, indicator=indicators["wide"], period=period, value=Decimal(19)
    )
    assert (row.version, row.is_current, row.region_id) == (2, True, None)
    with pytest.raises(PlansError) as caught:
        values.region_wide_value_set(
            actor=personas.officer, indicator=indicators["count"], period=period, value=Decimal(1)
        )
    assert caught.value.code == "not_region_wide"
