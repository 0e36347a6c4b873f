"""Approved and computed values (the fact table every chart reads) and traffic-light state."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.plans.models.plan import Indicator, Period


class IndicatorValue(models.Model):
    """One value of an indicator for a league/city (or the whole region when `region` is
    empty) at a period end. Only approved report values, computed values and officers'
    region-wide figures land here, so every reader may see them. A newer version sets
    `is_current` off on the one it replaces; the old row stays as history."""

    class Source(models.TextChoices):
        REPORT = "report", _("Report")
        COMPUTED = "computed", _("Computed")
        OFFICER = "officer", _("Program office")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    version = models.PositiveIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current"), default=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    report = models.ForeignKey(
        "plans.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region", "period"],
                condition=models.Q(is_current=True, region__isnull=False),
                name="value_one_current_per_region",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(is_current=True, region__isnull=True),
                name="value_one_current_region_wide",
            ),
        ]
        indexes = [
            # plan overview and indicator page: current values of a set of indicators
            models.Index(
                fields=["indicator", "period", "region"],
                condition=models.Q(is_current=True),
                name="value_current_idx",
            ),
            # region page: current values of one league/city
            models.Index(
                fields=["region", "indicator"],
                condition=models.Q(is_current=True),
                name="value_region_current_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}@{self.region_id}/{self.period_id}={self.value}"


class Status(models.TextChoices):
    GREEN = "green", _("On track")
    YELLOW = "yellow", _("At risk")
    RED = "red", _("Off track")
    NONE = "none", _("No data")


class IndicatorStatus(models.Model):
    """The last traffic light of an indicator (for one league/city, or overall when
    `region` is empty): kept so a turn to red notifies once per transition."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="statuses")
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("indicator status")
        verbose_name_plural = _("indicator statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region"],
                condition=models.Q(region__isnull=False),
                name="status_unique_region",
            ),
            models.UniqueConstraint(
                fields=["indicator"],
                condition=models.Q(region__isnull=True),
                name="status_unique_overall",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}@{self.region_id}:{self.status}"
