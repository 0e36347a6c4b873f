"""The one error type of plan monitoring, with every message users may see."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tuwei.core.errors import DomainError


class PlansError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    NOT_A_NUMBER = _("“%(value)s” is not a number.")
    RATE_ABOVE_100 = _("A rate cannot be above 100%.")
    NEGATIVE = _("This value cannot be negative.")
    NOT_WHOLE = _("A count must be a whole number.")
    GROWTH_TOO_LOW = _("A fall of more than 100% is impossible.")
    PERIOD_CLOSED = _("This period is closed; its reports can no longer be changed.")
    PERIOD_NOT_OPEN = _("This period is not open for reports yet.")
    PERIOD_NOT_UPCOMING = _("Only a period that has not been opened can be opened.")
    PERIOD_NOT_OPENED = _("Only an open period can be closed.")
    OTHER_REGION = _("You can only report for your own league/city.")
    WRONG_STATUS = _("This report cannot do that in its current state (%(status)s).")
    VALUES_MISSING = _("Please fill in every value before submitting; missing: %(codes)s.")
    NOTHING_RETURNED = _("Choose at least one value to return, with a reason.")
    REASON_REQUIRED = _("Please give a reason.")
    NOT_IN_REPORT = _("Indicator %(indicator)s is not part of this report.")
    BREAKDOWN_SUM = _(
        "The targets by league/city add up to %(total)s, but the indicator's target is "
        "%(target)s. A summed indicator's breakdown must add up to its target."
    )
    DUPLICATE_CODE = _("This plan already has an indicator with the code %(indicator)s.")
    DUPLICATE_PLAN = _("There is already a plan called %(title)s for %(year)s.")
    UNKNOWN_QUERY = _("There is no computed query named %(query)s.")
    BAD_THRESHOLDS = _("Red must start below yellow, and both above zero.")
    NOT_REGION_WIDE = _("Only a region-wide indicator that is not computed is entered here.")
    FILE_TOO_LARGE = _("The file is larger than %(limit)s MB.")
    FILE_TYPE = _("Only PDF, PNG, JPEG and xlsx files are accepted.")
    FILE_EMPTY = _("The file is empty.")
    NOT_A_TEMPLATE = _(
        "This is not a Tuwei report template; download the template from the report page."
    )
    TEMPLATE_MISMATCH = _(
        "This is the template of another period or league/city (%(found)s); this report is "
        "%(expected)s. Download the template of this report."
    )
    ROW_ERRORS = _("The file has problems in %(count)s row(s); nothing was saved.")


class ValuesError(PlansError):
    """Several values were wrong at once: `problems` lists (where, message) for each."""

    def __init__(
        self, message: str | Promise, *, problems: list[tuple[str, str]], **params: Any
    ) -> None:
        self.problems = problems
        super().__init__(message, code="values_invalid", **params)
