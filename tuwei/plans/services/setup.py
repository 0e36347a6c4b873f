"""The officer's writes: plans, indicators, breakdowns, periods and region-wide figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone

from tuwei.accounts.models import Region, User
from tuwei.core.audit import log_action
from tuwei.plans.errors import PlansError
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
from tuwei.plans.queries import QUERIES
from tuwei.plans.validation import check_value


def bump_data_version(*plan_ids: int) -> None:
    """Invalidate the cached progress of these plans (and of plans that learn from them)."""
    later = Indicator.objects.filter(previous__plan_id__in=plan_ids).values("plan_id")
    Plan.objects.filter(Q(pk__in=plan_ids) | Q(pk__in=later)).update(
        data_version=F("data_version") + 1
    )


def require(actor: User, perm: str) -> None:
    if not actor.is_authenticated or not actor.has_perm(perm):
        raise PlansError(PlansError.NOT_ALLOWED, code="not_allowed")


def _check_thresholds(red: Any, yellow: Any) -> None:
    if red is None and yellow is None:
        return
    if red is None or yellow is None or Decimal(red) <= 0 or Decimal(yellow) < Decimal(red):
        raise PlansError(PlansError.BAD_THRESHOLDS, code="bad_thresholds")


PLAN_FIELDS = ("year", "title", "program", "red_below", "yellow_below", "report_due_days")


def plan_create(
    *,
    actor: User,
    year: int,
    title: str,
    program: Any = None,
    document: UploadedFile | None = None,
    red_below: Decimal = Decimal(90),
    yellow_below: Decimal = Decimal(100),
    report_due_days: int = 15,
    is_demo: bool = False,
    request: HttpRequest | None = None,
) -> Plan:
    """A plan and its 16 reporting periods (12 months, 4 quarters), all not yet open."""
    require(actor, "plans.manage_plans")
    _check_thresholds(red_below, yellow_below)
    with transaction.atomic():
        if Plan.objects.filter(year=year, title=title.strip()).exists():
            raise PlansError(
                PlansError.DUPLICATE_PLAN, code="duplicate_plan", title=title, year=year
            )
        plan = Plan.objects.create(
            year=year,
            title=title.strip(),
            program=program,
            red_below=red_below,
            yellow_below=yellow_below,
            report_due_days=report_due_days,
            is_demo=is_demo,
            created_by=actor,
        )
        if document is not None:
            plan.document.save(document.name or "plan.pdf", document, save=True)
        Period.objects.bulk_create(
            Period.build(plan, frequency, number)
            for frequency, count in PERIODS_PER_YEAR.items()
            for number in range(1, count + 1)
        )
        log_action(plan, "plans.plan.create", actor=actor, data={"year": year}, request=request)
    return plan


def plan_update(
    *,
    actor: User,
    plan: Plan,
    changes: dict[str, Any],
    document: UploadedFile | None = None,
    request: HttpRequest | None = None,
) -> Plan:
    require(actor, "plans.manage_plans")
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    from tuwei.plans.services.progress import progress_refresh

    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        _check_thresholds(
            changes.get("red_below", plan.red_below), changes.get("yellow_below", plan.yellow_below)
        )
        before = {name: str(getattr(plan, name)) for name in changes}
        for name, value in changes.items():
            setattr(plan, name, value)
        try:
            plan.save(update_fields=list(changes) or None)
        except IntegrityError as exc:
            raise PlansError(
                PlansError.DUPLICATE_PLAN, code="duplicate_plan", title=plan.title, year=plan.year
            ) from exc
        if document is not None:
            plan.document.save(document.name or "plan.pdf", document, save=True)
        if "report_due_days" in changes:
            for period in plan.periods.all():
                period.due = Period.build(plan, period.frequency, period.number).due
                period.save(update_fields=["due"])
        diff = {
            n: [before[n], str(getattr(plan, n))]
            for n in changes
            if before[n] != str(getattr(plan, n))
        }
        log_action(plan, "plans.plan.update", actor=actor, data=diff, request=request)
        bump_data_version(plan.pk)
        if {"red_below", "yellow_below"} & set(diff):
            progress_refresh(plan=plan)
    return plan


INDICATOR_FIELDS = (
    "code",
    "name",
    "name_en",
    "unit",
    "kind",
    "direction",
    "aggregation",
    "accumulates",
    "target",
    "baseline",
    "department",
    "frequency",
    "query_code",
    "previous",
    "red_below",
    "yellow_below",
    "order",
)


def _check_indicator(indicator: Indicator) -> None:
    if indicator.query_code and indicator.query_code not in QUERIES:
        raise PlansError(PlansError.UNKNOWN_QUERY, code="unknown_query", query=indicator.query_code)
    _check_thresholds(indicator.red_below, indicator.yellow_below)
    check_value(indicator, indicator.target)


def indicator_create(
    *, actor: User, plan: Plan, fields: dict[str, Any], request: HttpRequest | None = None
) -> Indicator:
    require(actor, "plans.manage_plans")
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise ValueError(f"not indicator fields: {sorted(unknown)}")
    indicator = Indicator(plan=plan, **fields)
    _check_indicator(indicator)
    with transaction.atomic():
        if plan.indicators.filter(code=indicator.code).exists():
            raise PlansError(
                PlansError.DUPLICATE_CODE, code="duplicate_code", indicator=indicator.code
            )
        indicator.save()
        bump_data_version(plan.pk)
        log_action(
            indicator,
            "plans.indicator.create",
            actor=actor,
            data={"plan": plan.pk, "code": indicator.code, "target": str(indicator.target)},
            request=request,
        )
    return indicator


def indicator_update(
    *,
    actor: User,
    indicator: Indicator,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Indicator:
    require(actor, "plans.manage_plans")
    unknown = set(changes) - set(INDICATOR_FIELDS)
    if unknown:
        raise ValueError(f"not indicator fields: {sorted(unknown)}")
    from tuwei.plans.services.progress import progress_refresh

    with transaction.atomic():
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        before = {name: str(getattr(indicator, name)) for name in changes}
        for name, value in changes.items():
            setattr(indicator, name, value)
        _check_indicator(indicator)
        if (
            "code" in changes
            and indicator.plan.indicators.filter(code=indicator.code)
            .exclude(pk=indicator.pk)
            .exists()
        ):
            raise PlansError(
                PlansError.DUPLICATE_CODE, code="duplicate_code", indicator=indicator.code
            )
        indicator.save(update_fields=list(changes) or None)
        diff = {
            n: [before[n], str(getattr(indicator, n))]
            for n in changes
            if before[n] != str(getattr(indicator, n))
        }
        log_action(indicator, "plans.indicator.update", actor=actor, data=diff, request=request)
        bump_data_version(indicator.plan_id)
        progress_refresh(plan=indicator.plan)
    return indicator


def indicator_set_breakdown(
    *,
    actor: User,
    indicator: Indicator,
    targets: dict[Region, Decimal | None],
    weights: dict[Region, Decimal | None] | None = None,
    request: HttpRequest | None = None,
) -> list[RegionTarget]:
    """Replace the targets by league/city. For a summed indicator they must add up to its
    target; otherwise nothing is saved."""
    require(actor, "plans.manage_plans")
    weights = weights or {}
    given = {region: value for region, value in targets.items() if value is not None}
    for value in given.values():
        check_value(indicator, value)
    if indicator.aggregation == Indicator.Aggregation.SUM and given:
        total = sum(given.values(), Decimal(0))
        if total != indicator.target:
            raise PlansError(
                PlansError.BREAKDOWN_SUM,
                code="breakdown_sum",
                total=f"{total.normalize():f}",
                target=f"{indicator.target.normalize():f}",
            )
    with transaction.atomic():
        Indicator.objects.select_for_update().get(pk=indicator.pk)
        RegionTarget.objects.filter(indicator=indicator).delete()
        rows = RegionTarget.objects.bulk_create(
            RegionTarget(
                indicator=indicator, region=region, target=value, weight=weights.get(region)
            )
            for region, value in given.items()
        )
        bump_data_version(indicator.plan_id)
        log_action(
            indicator,
            "plans.indicator.breakdown",
            actor=actor,
            data={region.code: str(value) for region, value in given.items()},
            request=request,
        )
    return rows


def period_open(*, actor: User, period: Period, request: HttpRequest | None = None) -> Period:
    """Open a period for reports: every league/city gets a draft report."""
    require(actor, "plans.manage_plans")
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        if period.status != Period.Status.UPCOMING:
            raise PlansError(PlansError.PERIOD_NOT_UPCOMING, code="period_not_upcoming")
        period.status = Period.Status.OPEN
        period.save(update_fields=["status"])
        existing = set(period.reports.values_list("region_id", flat=True))
        Report.objects.bulk_create(
            Report(period=period, region=region)
            for region in Region.objects.exclude(pk__in=existing)
        )
        log_action(period, "plans.period.open", actor=actor, request=request)
    return period


def period_close(*, actor: User, period: Period, request: HttpRequest | None = None) -> Period:
    require(actor, "plans.manage_plans")
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        if period.status != Period.Status.OPEN:
            raise PlansError(PlansError.PERIOD_NOT_OPENED, code="period_not_opened")
        period.status = Period.Status.CLOSED
        period.save(update_fields=["status"])
        log_action(period, "plans.period.close", actor=actor, request=request)
    return period


def reportable_indicators(period: Period) -> list[Indicator]:
    """The indicators a league/city reports in this period (not computed, not region-wide)."""
    return [
        indicator
        for indicator in period.plan.indicators.filter(frequency=period.frequency)
        if indicator.is_reported_by_regions
    ]


def ensure_report_values(report: Report) -> list[ReportValue]:
    """The report's rows, one per reportable indicator (indicators added later included)."""
    present = {row.indicator_id: row for row in report.values.select_related("indicator")}
    missing = [
        ReportValue(report=report, indicator=indicator)
        for indicator in reportable_indicators(report.period)
        if indicator.pk not in present
    ]
    if missing:
        ReportValue.objects.bulk_create(missing)
        present = {row.indicator_id: row for row in report.values.select_related("indicator")}
    return sorted(present.values(), key=lambda row: (row.indicator.order, row.indicator.code))


def record_value(
    *,
    indicator: Indicator,
    region_id: int | None,
    period: Period,
    value: Decimal,
    source: str,
    actor: User | None = None,
    report: Report | None = None,
    version: int | None = None,
) -> IndicatorValue:
    """Make `value` the current one; the one it replaces stays as history."""
    current = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=indicator, period=period, is_current=True)
        .filter(region__isnull=region_id is None)
        .filter(**({} if region_id is None else {"region_id": region_id}))
        .first()
    )
    if current is not None:
        current.is_current = False
        current.save(update_fields=["is_current"])
    bump_data_version(indicator.plan_id)
    return IndicatorValue.objects.create(
        indicator=indicator,
        region_id=region_id,
        period=period,
        value=value,
        version=version or ((current.version + 1) if current else 1),
        source=source,
        report=report,
        recorded_by=actor if actor is not None and actor.pk else None,
        recorded_at=timezone.now(),
    )
