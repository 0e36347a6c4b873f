"""Aggregation, completion, forecast and the traffic lights, with their notifications."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tuwei.core.models import Notification
from tuwei.plans.models import Indicator, IndicatorStatus, IndicatorValue, RegionTarget, Status
from tuwei.plans.selectors.data import load_plan_data
from tuwei.plans.selectors.progress import aggregate, attainment, indicator_progress, traffic_light
from tuwei.plans.services import setup
from tuwei.plans.services.progress import progress_refresh


def put(indicator, period, region, value) -> None:
    IndicatorValue.objects.create(
        indicator=indicator, period=period, region=region, value=Decimal(value), source="report"
    )


def quarter(plan, number):
    return plan.periods.get(frequency="quarterly", number=number)


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [("sum", 30.0), ("mean", 15.0), ("weighted_mean", 17.5), ("region_independent", 99.0)],
)
def test_it_aggregates_over_regions(aggregation, expected) -> None:
    indicator = Indicator(aggregation=aggregation)
    assert aggregate(indicator, {1: 10.0, 2: 20.0, None: 99.0}, {1: 1.0, 2: 3.0}) == pytest.approx(
        expected
    )


def test_completion_and_the_lights_follow_the_rules() -> None:
    assert attainment(45, 50, "at_least") == pytest.approx(90.0)
    assert attainment(40, 50, "at_most") == 100.0
    assert attainment(60, 50, "at_most") == pytest.approx(83.333, abs=1e-3)
    assert traffic_light(89, 100, "at_least", 90, 100) == (Status.RED, 89)
    assert traffic_light(95, 100, "at_least", 90, 100) == (Status.YELLOW, 95)
    assert traffic_light(100, 100, "at_least", 90, 100) == (Status.GREEN, 100)
    assert traffic_light(None, 100, "at_least", 90, 100) == (Status.NONE, None)


def test_a_late_region_counts_with_its_last_value(personas, plan, indicators) -> None:
    count = indicators["count"]
    put(count, quarter(plan, 1), personas.home_region, 10)
    put(count, quarter(plan, 1), personas.other_region, 5)
    put(count, quarter(plan, 2), personas.home_region, 25)  # Baotou has not reported Q2
    progress = indicator_progress(load_plan_data(plan), count)
    assert progress.series == [15.0, 30.0]
    assert progress.value == 30.0 and progress.completion == pytest.approx(30.0)
    assert progress.as_of.number == 2
    assert progress.elapsed == pytest.approx(182 / 366 * 100)


def test_the_year_end_forecast_continues_the_trend(personas, plan, indicators) -> None:
    count = indicators["count"]
    for number, (ordos, baotou) in enumerate([(10, 5), (25, 10), (40, 15)], start=1):
        put(count, quarter(plan, number), personas.home_region, ordos)
        put(count, quarter(plan, number), personas.other_region, baotou)
    progress = indicator_progress(load_plan_data(plan), count)
    # increments 15, 20, 20 → linear trend gives 23.33 for Q4
    assert progress.forecast.method == "linear"
    assert progress.forecast.mean == pytest.approx(55 + 23.333, abs=0.01)
    assert progress.forecast.lower < progress.forecast.mean < progress.forecast.upper
    assert progress.status == Status.RED  # 78 of 100 is below 90%
    ordos = indicator_progress(load_plan_data(plan), count, region_id=personas.home_region.pk)
    assert ordos.target == 60.0 and ordos.value == 40.0


def test_a_level_uses_the_baseline_as_its_start(personas, plan, indicators) -> None:
    rate = indicators["rate"]
    rate.baseline = Decimal(40)
    rate.save()
    put(rate, quarter(plan, 1), personas.home_region, 44)
    put(rate, quarter(plan, 1), personas.other_region, 42)
    progress = indicator_progress(load_plan_data(plan), rate)
    assert progress.value == 43.0
    assert progress.forecast.method == "mean"  # baseline + one quarter: two points


def test_two_years_of_history_make_the_forecast_seasonal(personas, plan, indicators) -> None:
    from tests.plans.factories import IndicatorFactory, PlanFactory

    previous = None
    for year in (2022, 2023):
        old_plan = PlanFactory(year=year, title=f"{year}")
        previous = IndicatorFactory(plan=old_plan, code="C1", previous=previous, target=100)
        RegionTarget.objects.create(indicator=previous, region=personas.home_region, target=100)
        for number, value in enumerate([10, 20, 60, 100], start=1):
            put(previous, quarter(old_plan, number), personas.home_region, value)
    count = indicators["count"]
    count.previous = previous
    count.save()
    for number, value in enumerate([11, 22], start=1):
        put(count, quarter(plan, number), personas.home_region, value)
    progress = indicator_progress(load_plan_data(plan), count)
    assert progress.forecast.method == "seasonal"
    assert progress.history_years == 2
    assert progress.forecast.mean > 90  # the big third quarter is expected again


def test_turning_red_notifies_once_per_transition(personas, plan, indicators) -> None:
    count = indicators["count"]
    for number in (1, 2, 3):
        put(count, quarter(plan, number), personas.home_region, 5 * number)
        put(count, quarter(plan, number), personas.other_region, 10 * number)
    progress_refresh(plan=plan)
    red_for_officer = Notification.objects.filter(
        recipient=personas.officer, verb="plans.indicator.red"
    )
    red_for_ordos = Notification.objects.filter(
        recipient=personas.bureau, verb="plans.indicator.red_region"
    )
    assert red_for_officer.count() == 1
    assert red_for_ordos.count() == 1  # Ordos: 15 of 60
    assert not Notification.objects.filter(
        recipient=personas.other_bureau
    ).exists()  # Baotou on track
    progress_refresh(plan=plan)
    assert red_for_officer.count() == 1 and red_for_ordos.count() == 1
    assert IndicatorStatus.objects.get(indicator=count, region=None).status == Status.RED

    # the officer loosens the rules: no longer red; tightened again: red again, one more message
    setup.plan_update(
        actor=personas.officer,
        plan=plan,
        changes={"red_below": Decimal(40), "yellow_below": Decimal(50)},
    )
    assert IndicatorStatus.objects.get(indicator=count, region=None).status != Status.RED
    setup.plan_update(
        actor=personas.officer,
        plan=plan,
        changes={"red_below": Decimal(90), "yellow_below": Decimal(100)},
    )
    assert red_for_officer.count() == 2
