"""Everything one plan's progress needs, loaded in a fixed number of queries.

The page queries do not grow with the number of indicators, leagues/cities or stored
values: one query per table (indicators, periods, regions, breakdown, values, and the
same indicators of the two years before for the forecast's history).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import FloatField
from django.db.models.functions import Cast

from tuwei.accounts.models import Region
from tuwei.plans.models import Indicator, IndicatorValue, Period, Plan, RegionTarget

HISTORY_YEARS = 2  # the seasonal forecast needs two earlier years

# values[indicator_id][(frequency, number)][region_id or None] = value
Values = dict[int, dict[tuple[str, int], dict[int | None, float]]]


@dataclass
class PlanData:
    plan: Plan
    indicators: list[Indicator]
    periods: dict[str, list[Period]]
    regions: list[Region]
    targets: dict[tuple[int, int], float] = field(default_factory=dict)
    weights: dict[int, dict[int, float]] = field(default_factory=dict)
    values: Values = field(default_factory=dict)
    # per indicator of this plan: the chain of the same indicator in earlier years, newest first
    history_chain: dict[int, list[int]] = field(default_factory=dict)
    history_values: Values = field(default_factory=dict)
    history_weights: dict[int, dict[int, float]] = field(default_factory=dict)
    history_indicators: dict[int, Indicator] = field(default_factory=dict)

    def region_target(self, indicator: Indicator, region_id: int) -> float | None:
        """A league/city's target: its breakdown, or the plan target for a mean indicator."""
        target = self.targets.get((indicator.pk, region_id))
        if target is not None:
            return target
        if indicator.aggregation in (
            Indicator.Aggregation.MEAN,
            Indicator.Aggregation.WEIGHTED_MEAN,
        ):
            return float(indicator.target)
        return None


def _load_values(indicator_ids: list[int], region: Region | None) -> Values:
    """Current values as floats keyed by period position: the database casts, so no
    Decimal is built per row (the overview reads a few thousand rows)."""
    periods = {
        pk: (frequency, number)
        for pk, frequency, number in Period.objects.filter(
            plan_id__in=Indicator.objects.filter(pk__in=indicator_ids).values("plan_id")
        ).values_list("pk", "frequency", "number")
    }
    rows = IndicatorValue.objects.filter(indicator_id__in=indicator_ids, is_current=True)
    if region is not None:
        rows = rows.filter(region=region)
    values: Values = defaultdict(lambda: defaultdict(dict))
    for indicator_id, region_id, period_id, value in rows.annotate(
        number=Cast("value", FloatField())
    ).values_list("indicator_id", "region_id", "period_id", "number"):
        values[indicator_id][periods[period_id]][region_id] = value
    return {indicator_id: dict(by_period) for indicator_id, by_period in values.items()}


def _load_weights(indicator_ids: list[int]) -> tuple[dict, dict]:
    targets: dict[tuple[int, int], float] = {}
    weights: dict[int, dict[int, float]] = defaultdict(dict)
    for indicator_id, region_id, target, weight in RegionTarget.objects.filter(
        indicator_id__in=indicator_ids
    ).values_list("indicator_id", "region_id", "target", "weight"):
        targets[(indicator_id, region_id)] = float(target)
        if weight is not None:
            weights[indicator_id][region_id] = float(weight)
    return targets, dict(weights)


def _load_history(data: PlanData, region: Region | None) -> None:
    """Follow `previous` links up to HISTORY_YEARS back, one query per step."""
    chain: dict[int, list[int]] = {indicator.pk: [] for indicator in data.indicators}
    frontier = {
        indicator.pk: indicator.previous_id
        for indicator in data.indicators
        if indicator.previous_id
    }
    for _step in range(HISTORY_YEARS):
        if not frontier:
            break
        found = Indicator.objects.in_bulk(set(frontier.values()))
        next_frontier = {}
        for own_id, previous_id in frontier.items():
            previous = found.get(previous_id)
            if previous is None:
                continue
            chain[own_id].append(previous.pk)
            data.history_indicators[previous.pk] = previous
            if previous.previous_id:
                next_frontier[own_id] = previous.previous_id
        frontier = next_frontier
    data.history_chain = chain
    history_ids = list(data.history_indicators)
    if history_ids:
        data.history_values = _load_values(history_ids, region)
        _targets, data.history_weights = _load_weights(history_ids)


def load_plan_data(plan: Plan, *, region: Region | None = None) -> PlanData:
    indicators = list(plan.indicators.all())
    periods: dict[str, list[Period]] = defaultdict(list)
    for period in plan.periods.order_by("end", "frequency"):
        periods[period.frequency].append(period)
    data = PlanData(
        plan=plan,
        indicators=indicators,
        periods=dict(periods),
        regions=list(Region.objects.all()),
    )
    ids = [indicator.pk for indicator in indicators]
    if ids:
        data.targets, data.weights = _load_weights(ids)
        data.values = _load_values(ids, region)
        _load_history(data, region)
    return data
