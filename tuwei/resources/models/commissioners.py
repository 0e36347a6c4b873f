"""Tech commissioners (科技特派员) and the services they log for their enterprises."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Commissioner(models.Model):
    name = models.CharField(_("name"), max_length=50)
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="commissioners",
    )
    expertise = models.TextField(_("expertise"))
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city served"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    enterprises = models.ManyToManyField(
        "accounts.Organization",
        verbose_name=_("assigned enterprises"),
        blank=True,
        related_name="assigned_commissioners",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("tech commissioner")
        verbose_name_plural = _("tech commissioners")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "organization"], name="commissioner_once_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceLog(models.Model):
    commissioner = models.ForeignKey(
        Commissioner, on_delete=models.CASCADE, related_name="service_logs"
    )
    enterprise = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="commissioner_services",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    outcome = models.TextField(_("outcome"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("service log")
        verbose_name_plural = _("service logs")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=24), name="service_log_hours"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commissioner_id}@{self.date}"
