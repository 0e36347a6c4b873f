"""Region-wide figures: entered by the program office, not reported by a league/city."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.http import HttpRequest

from tuwei.accounts.models import User
from tuwei.core.audit import log_action
from tuwei.plans.errors import PlansError
from tuwei.plans.models import Indicator, IndicatorValue, Period
from tuwei.plans.services.setup import record_value, require
from tuwei.plans.validation import check_value


def region_wide_value_set(
    *,
    actor: User,
    indicator: Indicator,
    period: Period,
    value: Decimal,
    request: HttpRequest | None = None,
) -> IndicatorValue:
    """The program office enters a region-wide figure (e.g. a provincial statistic)."""
    require(actor, "plans.manage_plans")
    if indicator.is_regional or indicator.is_computed:
        raise PlansError(PlansError.NOT_REGION_WIDE, code="not_region_wide")
    if period.status == Period.Status.CLOSED:
        raise PlansError(PlansError.PERIOD_CLOSED, code="period_closed")
    check_value(indicator, value)
    from tuwei.plans.services.progress import progress_refresh

    with transaction.atomic():
        row = record_value(
            indicator=indicator,
            region_id=None,
            period=period,
            value=value,
            source=IndicatorValue.Source.OFFICER,
            actor=actor,
        )
        log_action(
            indicator,
            "plans.value.region_wide",
            actor=actor,
            data={"period": period.label, "value": str(value), "version": row.version},
            request=request,
        )
        progress_refresh(plan=indicator.plan)
    return row
