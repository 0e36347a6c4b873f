"""A league/city's report for one period (填报), its values and its evidence files."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.plans.models.plan import Indicator, Period


class Report(models.Model):
    """draft → submitted (bureau) → approved | returned (officer); see plans/workflow.py.

    A correction after approval raises `version` and starts again from draft; the values
    approved before stay current until the new version is approved (IndicatorValue keeps
    every approved version)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reports")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    note = models.TextField(_("note"), blank=True)
    return_reason = models.CharField(_("reason for return"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["period__end", "region__order"]
        constraints = [
            models.UniqueConstraint(fields=["period", "region"], name="report_unique_period_region")
        ]
        indexes = [
            # the officer's review queue and the workbench counts: reports by status
            models.Index(fields=["status", "period"], name="report_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period} · {self.region}"

    @property
    def is_late(self) -> bool:
        """Submitted after the due date, or still not submitted once it has passed."""
        from django.utils import timezone

        due = self.period.due
        if self.submitted_at is not None:
            return timezone.localdate(self.submitted_at) > due
        return self.status in (self.Status.DRAFT, self.Status.RETURNED) and (
            self.period.status != Period.Status.UPCOMING and timezone.localdate() > due
        )


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    returned = models.BooleanField(_("returned"), default=False)
    return_reason = models.CharField(_("reason for return"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        ordering = ["indicator__order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="report_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}={self.value}"


def evidence_path(instance: Evidence, filename: str) -> str:
    # A random name: the stored path never carries what the uploader typed.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"plans/evidence/{instance.report_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file backing a report (PDF, image, spreadsheet), served only through a checked view."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
