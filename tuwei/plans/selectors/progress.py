"""Progress of an indicator: aggregate over leagues/cities, completion, forecast, status.

Values are carried forward per league/city inside a year: a league/city that has not
reported the latest period counts with its last approved value (for a year-to-date
total a lower bound), so one late report does not make the sum collapse.

Status (the officer's rules, DESIGN "Progress and warnings"): the year-end forecast as a
share of the target — for a "≤ target" indicator the target as a share of the forecast —
is red below the plan's `red_below` % (default 90), yellow below `yellow_below` (100),
green otherwise; "none" while there is nothing to forecast from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from engine.forecast import Forecast, ForecastError, forecast_year_end
from tuwei.plans.models import PERIODS_PER_YEAR, Indicator, Period, Plan, Status
from tuwei.plans.selectors.data import PlanData

COMPLETION_CAP = 100.0  # a league/city's overall completion counts each indicator up to 100%
INTERVAL_LEVEL = 0.9

ByRegion = dict[int | None, float]


def aggregate(indicator: Indicator, by_region: ByRegion, weights: dict[int, float]) -> float | None:
    if not indicator.is_regional:
        return by_region.get(None)
    values = {region: value for region, value in by_region.items() if region is not None}
    if not values:
        return None
    if indicator.aggregation == Indicator.Aggregation.SUM:
        return sum(values.values())
    if indicator.aggregation == Indicator.Aggregation.WEIGHTED_MEAN:
        total_weight = sum(weights.get(region, 1.0) for region in values)
        if total_weight > 0:
            weighted = sum(weights.get(region, 1.0) * value for region, value in values.items())
            return weighted / total_weight
    return sum(values.values()) / len(values)


def year_series(
    indicator: Indicator,
    year_values: dict[tuple[str, int], ByRegion],
    weights: dict[int, float],
    region_id: int | None = None,
) -> list[float | None]:
    """The aggregated value at each period end of the year, up to the last one with data."""
    count = PERIODS_PER_YEAR[indicator.frequency]  # type: ignore[index]
    carried: ByRegion = {}
    series: list[float | None] = []
    last_observed = 0
    for number in range(1, count + 1):
        reported = year_values.get((indicator.frequency, number), {})
        if region_id is not None:
            reported = {region_id: reported[region_id]} if region_id in reported else {}
        if reported:
            last_observed = number
        carried.update(reported)
        series.append(aggregate(indicator, carried, weights) if carried else None)
    return series[:last_observed]


def attainment(value: float, target: float, direction: str) -> float | None:
    """How much of the target is reached, in % (for "≤ target", 100 while within it)."""
    if direction == Indicator.Direction.AT_MOST:
        if value <= target:
            return 100.0
        return target / value * 100.0 if value else None
    if target == 0:
        return 100.0 if value >= 0 else 0.0
    return value / target * 100.0


def traffic_light(
    forecast: float | None,
    target: float | None,
    direction: str,
    red_below: float,
    yellow_below: float,
) -> tuple[str, float | None]:
    if forecast is None or target is None:
        return Status.NONE, None
    ratio = attainment(forecast, target, direction)
    if ratio is None:
        return Status.NONE, None
    if ratio < red_below:
        return Status.RED, ratio
    if ratio < yellow_below:
        return Status.YELLOW, ratio
    return Status.GREEN, ratio


def elapsed_share(period: Period) -> float:
    year = period.end.year
    days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    return ((period.end - date(year, 1, 1)).days + 1) / days * 100.0


def bounds_for(indicator: Indicator) -> tuple[float | None, float | None]:
    if indicator.kind == Indicator.Kind.RATE:
        return 0.0, 100.0
    if indicator.kind == Indicator.Kind.GROWTH:
        return -100.0, None
    return 0.0, None


def increments(series: list[float]) -> list[float]:
    return [value - (series[i - 1] if i else 0.0) for i, value in enumerate(series)]


@dataclass
class Progress:
    indicator: Indicator
    target: float | None
    labels: list[str]
    series: list[float | None]
    value: float | None = None
    as_of: Period | None = None
    completion: float | None = None
    elapsed: float | None = None
    forecast: Forecast | None = None
    forecast_ratio: float | None = None
    status: str = Status.NONE
    region_id: int | None = None
    history_years: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        if self.completion is None or self.elapsed is None:
            return None
        return self.completion - self.elapsed


def _history(data: PlanData, indicator: Indicator, region_id: int | None) -> list[list[float]]:
    """Complete earlier years of the same indicator, oldest first."""
    years: list[list[float]] = []
    for previous_id in data.history_chain.get(indicator.pk, []):
        previous = data.history_indicators[previous_id]
        if previous.frequency != indicator.frequency:
            break
        series = year_series(
            previous,
            data.history_values.get(previous_id, {}),
            data.history_weights.get(previous_id, {}),
            region_id,
        )
        if len(series) < PERIODS_PER_YEAR[indicator.frequency] or None in series:  # type: ignore[index]
            break
        years.append([float(value) for value in series if value is not None])
    return list(reversed(years))


def thresholds(plan: Plan, indicator: Indicator) -> tuple[float, float]:
    red = indicator.red_below if indicator.red_below is not None else plan.red_below
    yellow = indicator.yellow_below if indicator.yellow_below is not None else plan.yellow_below
    return float(red), float(yellow)


def indicator_progress(
    data: PlanData, indicator: Indicator, *, region_id: int | None = None
) -> Progress:
    periods = data.periods.get(indicator.frequency, [])
    if region_id is None:
        target: float | None = float(indicator.target)
    else:
        target = data.region_target(indicator, region_id)
    series = year_series(
        indicator, data.values.get(indicator.pk, {}), data.weights.get(indicator.pk, {}), region_id
    )
    progress = Progress(
        indicator=indicator,
        target=target,
        labels=[period.label for period in periods],
        series=series,
        region_id=region_id,
    )
    if not series or series[-1] is None or not periods:
        return progress
    observed = len(series)
    progress.value = series[-1]
    progress.as_of = periods[observed - 1] if observed <= len(periods) else periods[-1]
    progress.elapsed = elapsed_share(progress.as_of)
    if target is not None:
        progress.completion = attainment(progress.value, target, indicator.direction)
    history = _history(data, indicator, region_id)
    progress.history_years = len(history)
    progress.forecast = _forecast(indicator, series, history, observed)
    red, yellow = thresholds(data.plan, indicator)
    progress.status, progress.forecast_ratio = traffic_light(
        progress.forecast.mean if progress.forecast else None,
        target,
        indicator.direction,
        red,
        yellow,
    )
    return progress


def _forecast(
    indicator: Indicator, series: list[float | None], history: list[list[float]], observed: int
) -> Forecast | None:
    periods_per_year = PERIODS_PER_YEAR[indicator.frequency]  # type: ignore[index]
    if indicator.cumulative:
        this_year = [0.0 if value is None else value for value in series]
        flows = [step for year in history for step in increments(year)] + increments(this_year)
        year_to_date: float | None = this_year[-1]
    else:
        this_year = [value for value in series if value is not None]
        flows = [step for year in history for step in year] + this_year
        if not history and indicator.baseline is not None:
            flows = [float(indicator.baseline), *flows]
        year_to_date = None
    try:
        return forecast_year_end(
            flows,
            periods_per_year=periods_per_year,
            observed_this_year=observed,
            cumulative=indicator.cumulative,
            year_to_date=year_to_date,
            level=INTERVAL_LEVEL,
            bounds=bounds_for(indicator),
        )
    except ForecastError:
        return None


@dataclass
class RegionSummary:
    region_id: int
    name: str
    name_en: str
    code: str
    completion: float | None
    counted: int
    behind: int  # indicators whose completion trails the share of the year elapsed


def region_summaries(data: PlanData) -> list[RegionSummary]:
    """Each league/city's mean completion over the indicators that give it a target."""
    summaries = []
    regional = [indicator for indicator in data.indicators if indicator.is_regional]
    for region in data.regions:
        ratios, behind = [], 0
        for indicator in regional:
            target = data.region_target(indicator, region.pk)
            if target is None:
                continue
            series = year_series(
                indicator,
                data.values.get(indicator.pk, {}),
                data.weights.get(indicator.pk, {}),
                region.pk,
            )
            if not series or series[-1] is None:
                continue
            ratio = attainment(series[-1], target, indicator.direction)
            if ratio is None:
                continue
            ratios.append(min(ratio, COMPLETION_CAP))
            periods = data.periods.get(indicator.frequency, [])
            if len(series) <= len(periods) and ratio < elapsed_share(periods[len(series) - 1]):
                behind += 1
        summaries.append(
            RegionSummary(
                region_id=region.pk,
                name=region.name,
                name_en=region.name_en,
                code=region.code,
                completion=sum(ratios) / len(ratios) if ratios else None,
                counted=len(ratios),
                behind=behind,
            )
        )
    return summaries


def to_decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 4)))
