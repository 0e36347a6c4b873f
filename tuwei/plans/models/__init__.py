"""Models of plan monitoring: plans, periods, indicators, reports, values."""

from tuwei.plans.models.plan import (
    PERIODS_PER_YEAR,
    Frequency,
    Indicator,
    Period,
    Plan,
    RegionTarget,
)
from tuwei.plans.models.reports import Evidence, Report, ReportValue
from tuwei.plans.models.values import IndicatorStatus, IndicatorValue, Status

__all__ = [
    "PERIODS_PER_YEAR",
    "Evidence",
    "Frequency",
    "Indicator",
    "IndicatorStatus",
    "IndicatorValue",
    "Period",
    "Plan",
    "RegionTarget",
    "Report",
    "ReportValue",
    "Status",
]
