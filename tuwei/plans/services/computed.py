"""Recording computed indicators at each period end (`record_computed_indicators`)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from tuwei.core.audit import log_action
from tuwei.plans.models import Indicator, IndicatorValue, Period, Plan
from tuwei.plans.queries import QUERIES, run_query
from tuwei.plans.services.setup import record_value


def record_computed_indicators(*, today: date | None = None, force: bool = False) -> int:
    """Store each computed indicator's value for every period that has ended.

    Idempotent: a period that already has a computed value is skipped unless `force`,
    so running it daily (or again after a failure) records each period end once.
    Returns the number of values written.
    """
    today = today or timezone.localdate()
    written = 0
    indicators = Indicator.objects.exclude(query_code="").select_related("plan")
    touched: set[int] = set()
    for indicator in indicators:
        if indicator.query_code not in QUERIES:
            continue
        periods = Period.objects.filter(
            plan_id=indicator.plan_id, frequency=indicator.frequency, end__lt=today
        ).order_by("end")
        done = set(
            IndicatorValue.objects.filter(
                indicator=indicator, is_current=True, source=IndicatorValue.Source.COMPUTED
            ).values_list("period_id", flat=True)
        )
        for period in periods:
            if period.pk in done and not force:
                continue
            results = run_query(indicator.query_code, period.end)
            with transaction.atomic():
                for region_id, value in results.items():
                    if not indicator.is_regional and region_id is not None:
                        continue
                    record_value(
                        indicator=indicator,
                        region_id=region_id,
                        period=period,
                        value=value,
                        source=IndicatorValue.Source.COMPUTED,
                    )
                    written += 1
                log_action(
                    indicator,
                    "plans.value.computed",
                    data={
                        "period": period.label,
                        "query": indicator.query_code,
                        "rows": len(results),
                    },
                )
            touched.add(indicator.plan_id)
    if touched:
        from tuwei.plans.services.progress import progress_refresh

        for plan in Plan.objects.filter(pk__in=touched):
            progress_refresh(plan=plan)
    return written
