"""The annual plan (年度计划), its reporting periods and its indicators (指标)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.core.i18n import localise_name
from tuwei.programs.models import Program


class Plan(models.Model):
    """One year's plan. The warning thresholds are the officer's rules for every indicator
    that does not set its own: red below `red_below` % of target, yellow below `yellow_below`."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    document = models.FileField(_("plan document"), upload_to="plans/documents/", blank=True)
    red_below = models.DecimalField(
        _("red below (% of target)"), max_digits=5, decimal_places=1, default=Decimal(90)
    )
    yellow_below = models.DecimalField(
        _("yellow below (% of target)"), max_digits=5, decimal_places=1, default=Decimal(100)
    )
    report_due_days = models.PositiveSmallIntegerField(
        _("reports due (days after period end)"), default=15
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Raised by every write that changes what the progress pages compute (values,
    # indicators, targets, rules): their cached computation is keyed on it.
    data_version = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(fields=["year", "title"], name="plan_unique_year_title"),
            models.CheckConstraint(
                condition=models.Q(red_below__gt=0, yellow_below__gte=models.F("red_below")),
                name="plan_thresholds_ordered",
                violation_error_message=_("Red must start below yellow, and both above zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


PERIODS_PER_YEAR = {Frequency.MONTHLY: 12, Frequency.QUARTERLY: 4}


class Period(models.Model):
    """A reporting period. The officer opens it for reports and closes it afterwards."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    due = models.DateField(_("reports due"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UPCOMING
    )

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["plan", "end", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "frequency", "number"], name="period_unique_number"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.frequency == Frequency.QUARTERLY:
            return f"{self.start.year} Q{self.number}"
        return f"{self.start.year}-{self.number:02d}"

    @property
    def is_reportable(self) -> bool:
        return self.status == self.Status.OPEN

    @staticmethod
    def bounds(year: int, frequency: str, number: int) -> tuple[date, date]:
        months = 3 if frequency == Frequency.QUARTERLY else 1
        first_month = (number - 1) * months + 1
        last_month = first_month + months - 1
        last_day = calendar.monthrange(year, last_month)[1]
        return date(year, first_month, 1), date(year, last_month, last_day)

    @classmethod
    def build(cls, plan: Plan, frequency: str, number: int) -> Period:
        start, end = cls.bounds(plan.year, frequency, number)
        return cls(
            plan=plan,
            frequency=frequency,
            number=number,
            start=start,
            end=end,
            due=end + timedelta(days=plan.report_due_days),
        )


class Indicator(models.Model):
    """One target of the plan. Values are year-to-date totals when `accumulates` (new
    platforms, energy saved), otherwise the level at the period end (a rate, a stock)."""

    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("At least the target (≥)")
        AT_MOST = "at_most", _("At most the target (≤)")

    class Kind(models.TextChoices):
        COUNT = "count", _("Count")
        AMOUNT = "amount", _("Amount")
        RATE = "rate", _("Rate (%)")
        GROWTH = "growth", _("Growth on last year (%)")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Sum of leagues/cities")
        MEAN = "mean", _("Mean of leagues/cities")
        WEIGHTED_MEAN = "weighted_mean", _("Weighted mean of leagues/cities")
        REGION_INDEPENDENT = "region_independent", _("Region-wide figure (not by league/city)")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.AT_LEAST
    )
    aggregation = models.CharField(
        _("aggregation over leagues/cities"),
        max_length=20,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
    )
    accumulates = models.BooleanField(
        _("year-to-date total"),
        default=True,
        help_text=_(
            "Values add up from zero each year (e.g. new platforms). Leave unticked for a "
            "level such as a rate or a count of enterprises held."
        ),
    )
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=4)
    baseline = models.DecimalField(
        _("baseline (last year)"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    department = models.CharField(_("responsible department"), max_length=100, blank=True)
    frequency = models.CharField(
        _("reporting frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    query_code = models.CharField(
        _("computed from"),
        max_length=60,
        blank=True,
        help_text=_("A named query over Tuwei's own data; such an indicator needs no reports."),
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("same indicator last year"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its history lets the forecast learn the seasons."),
    )
    red_below = models.DecimalField(
        _("red below (% of target)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    yellow_below = models.DecimalField(
        _("yellow below (% of target)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicator_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        return localise_name(self.name, self.name_en)

    @property
    def is_computed(self) -> bool:
        return bool(self.query_code)

    @property
    def is_regional(self) -> bool:
        return self.aggregation != self.Aggregation.REGION_INDEPENDENT

    @property
    def is_reported_by_regions(self) -> bool:
        return self.is_regional and not self.is_computed

    @property
    def cumulative(self) -> bool:
        """Year-to-date totals: only counts and amounts can accumulate."""
        return self.accumulates and self.kind in (self.Kind.COUNT, self.Kind.AMOUNT)


class RegionTarget(models.Model):
    """A league/city's share of an indicator's target, and its weight for a weighted mean."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="breakdown")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=4)
    weight = models.DecimalField(
        _("weight"), max_digits=18, decimal_places=4, null=True, blank=True
    )

    class Meta:
        verbose_name = _("target by league/city")
        verbose_name_plural = _("targets by league/city")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region"], name="region_target_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}@{self.region_id}={self.target}"
