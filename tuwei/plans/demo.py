"""The demo plan: the 2024 plan's targets (DESIGN.md) with three quarters of reports.

Idempotent: when the demo plan exists nothing is changed. The reported values are
invented around each target: most leagues/cities on pace, some behind (red), the third
quarter still open with some reports late, one waiting for review and one returned.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tuwei.accounts.models import Region
from tuwei.plans import demo_data as facts
from tuwei.plans.models import (
    PERIODS_PER_YEAR,
    Indicator,
    IndicatorValue,
    Period,
    Plan,
    RegionTarget,
    Report,
    ReportValue,
)


def _split(total: Decimal, whole: bool) -> dict[str, Decimal]:
    """The target shared out by SHARES; the largest share takes the rounding rest."""
    weight_sum = sum(facts.SHARES.values())
    places = Decimal(1) if whole else Decimal("0.1")
    parts = {
        code: (total * share / weight_sum).quantize(places) for code, share in facts.SHARES.items()
    }
    largest = max(facts.SHARES, key=lambda code: facts.SHARES[code])
    parts[largest] += total - sum(parts.values())
    return parts


def _aware(day: Any, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _plan(year: int, title: str, program: Any, officer: Any) -> tuple[Plan, dict]:
    plan = Plan.objects.create(
        year=year, title=title, program=program, is_demo=True, created_by=officer
    )
    Period.objects.bulk_create(
        Period.build(plan, frequency, number)
        for frequency, count in PERIODS_PER_YEAR.items()
        for number in range(1, count + 1)
    )
    periods = {(p.frequency, p.number): p for p in plan.periods.all()}
    return plan, periods


def _indicator(plan: Plan, order: int, row: tuple, previous: Indicator | None) -> Indicator:
    (
        code,
        name,
        name_en,
        unit,
        kind,
        aggregation,
        accumulates,
        target,
        baseline,
        department,
        frequency,
        _pace,
        _fixed,
    ) = row
    return Indicator.objects.create(
        plan=plan,
        code=code,
        name=name,
        name_en=name_en,
        unit=unit,
        kind=kind,
        aggregation=aggregation,
        accumulates=accumulates,
        target=target,
        baseline=baseline,
        department=department,
        frequency=frequency,
        previous=previous,
        order=order,
    )


def _region_targets(indicator: Indicator, row: tuple, regions: dict) -> dict[str, Decimal]:
    fixed = row[12]
    if indicator.aggregation == Indicator.Aggregation.WEIGHTED_MEAN:
        RegionTarget.objects.bulk_create(
            RegionTarget(
                indicator=indicator,
                region=region,
                target=indicator.target,
                weight=Decimal(facts.SHARES[code]),
            )
            for code, region in regions.items()
        )
    if indicator.aggregation != Indicator.Aggregation.SUM:
        return {code: indicator.target for code in regions}
    if fixed:
        targets = {code: Decimal(value) for code, value in fixed.items()}
    else:
        targets = _split(indicator.target, whole=indicator.kind == Indicator.Kind.COUNT)
    RegionTarget.objects.bulk_create(
        RegionTarget(indicator=indicator, region=regions[code], target=value)
        for code, value in targets.items()
    )
    return targets


def _value(
    indicator: Indicator, row: tuple, target: Decimal, code: str, share: float, rng: random.Random
) -> Decimal:
    pace = row[11] * facts.PACE[code] * rng.uniform(0.97, 1.03)
    if indicator.cumulative:
        raw = float(target) * pace * share
    else:
        start = float(indicator.baseline or 0)
        if indicator.aggregation == Indicator.Aggregation.SUM and indicator.baseline:
            start = float(indicator.baseline) * float(target) / float(indicator.target)
        raw = start + (float(target) * pace - start) * share
    if indicator.kind == Indicator.Kind.RATE:
        raw = min(raw, 99.0)
    places = Decimal(1) if indicator.kind == Indicator.Kind.COUNT else Decimal("0.01")
    return Decimal(str(max(raw, 0.0))).quantize(places)


def load(context: dict[str, object]) -> dict[str, object]:
    existing = Plan.objects.filter(year=2024, title=facts.TITLE).first()
    if existing is not None:
        return {"plan": existing}
    users: dict[str, Any] = context.get("users", {})  # type: ignore[assignment]
    officer = users.get("officer")
    regions = {region.code: region for region in Region.objects.filter(code__in=facts.SHARES)}
    rng = random.Random(2024)  # the same demo on every machine
    history = _history(context, officer, regions, rng)
    plan, periods = _plan(2024, facts.TITLE, context.get("program"), officer)
    for order, row in enumerate(facts.INDICATORS):
        indicator = _indicator(plan, order, row, history.get(row[0]))
        targets = _region_targets(indicator, row, regions)
        _reports_and_values(plan, indicator, row, targets, periods, regions, officer, rng)
    _open_and_close(plan)
    from tuwei.plans.services.progress import progress_refresh

    progress_refresh(plan=plan)
    return {"plan": plan}


def _history(context: dict, officer: Any, regions: dict, rng: random.Random) -> dict:
    """2022 and 2023: the same energy and water indicators, fully approved."""
    previous: dict[str, Indicator] = {}
    for year in (2022, 2023):
        plan, periods = _plan(year, f"{year}年节能节水指标（历史数据）", None, officer)
        for order, row in enumerate(facts.INDICATORS):
            if row[0] not in facts.WITH_HISTORY:
                continue
            scaled = (
                *row[:7],
                (row[7] * Decimal("0.85" if year == 2022 else "0.92")).quantize(Decimal(1)),
                *row[8:],
            )
            indicator = _indicator(plan, order, scaled, previous.get(row[0]))
            targets = _region_targets(indicator, scaled, regions)
            rows = []
            for number, share in enumerate(facts.QUARTER_SHARE, start=1):
                for code, target in targets.items():
                    value = _value(indicator, scaled, target, code, share, rng)
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            region=regions[code],
                            period=periods[("quarterly", number)],
                            value=value,
                            source=IndicatorValue.Source.REPORT,
                        )
                    )
            IndicatorValue.objects.bulk_create(rows)
            previous[row[0]] = indicator
        plan.periods.update(status=Period.Status.CLOSED)
    return previous


def _reports_and_values(
    plan: Plan,
    indicator: Indicator,
    row: tuple,
    targets: dict,
    periods: dict,
    regions: dict,
    officer: Any,
    rng: random.Random,
) -> None:
    frequency = indicator.frequency
    shares = facts.QUARTER_SHARE if frequency == "quarterly" else facts.MONTH_SHARE
    last = 3 if frequency == "quarterly" else 9
    for number in range(1, last + 1):
        period = periods[(frequency, number)]
        if not indicator.is_regional:
            value = _value(indicator, row, indicator.target, "150600", shares[number - 1], rng)
            IndicatorValue.objects.create(
                indicator=indicator,
                period=period,
                value=value,
                source=IndicatorValue.Source.OFFICER,
                recorded_by=officer,
            )
            continue
        for code, target in targets.items():
            late = facts.LAST_STATUS[frequency]
            status = late.get(code, "approved") if number == last else "approved"
            report, _ = Report.objects.get_or_create(period=period, region=regions[code])
            value = _value(indicator, row, target, code, shares[number - 1], rng)
            returned = status == "returned" and indicator.code in facts.RETURNED_CODES
            ReportValue.objects.create(
                report=report,
                indicator=indicator,
                value=value,
                returned=returned,
                return_reason=facts.RETURN_REASON if returned else "",
            )
            if status == "approved":
                IndicatorValue.objects.create(
                    indicator=indicator,
                    region=regions[code],
                    period=period,
                    value=value,
                    report=report,
                    source=IndicatorValue.Source.REPORT,
                    recorded_by=officer,
                )
            if report.status != status:
                _stamp(report, status, officer, rng)


def _stamp(report: Report, status: str, officer: Any, rng: random.Random) -> None:
    due = report.period.due
    report.status = status
    if status in ("approved", "submitted", "returned"):
        report.submitted_at = _aware(due - timedelta(days=rng.randint(1, 9)))
    if status in ("approved", "returned"):
        report.reviewed_at = _aware(due + timedelta(days=rng.randint(1, 5)), 15)
        report.reviewed_by = officer
    report.save()


def _open_and_close(plan: Plan) -> None:
    periods = plan.periods.all()
    for period in periods:
        last = 3 if period.frequency == "quarterly" else 9
        if period.number < last:
            period.status = Period.Status.CLOSED
        elif period.number == last:
            period.status = Period.Status.OPEN
        period.save(update_fields=["status"])
    for period in periods.filter(status=Period.Status.OPEN):
        present = set(period.reports.values_list("region_id", flat=True))
        Report.objects.bulk_create(
            Report(period=period, region=region)
            for region in Region.objects.exclude(pk__in=present)
        )
