from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Program(models.Model):
    """One breakthrough program (科技突围工程): a year or a campaign.

    Challenges, reviews, projects and plans hang off a program; the headline
    figures below are the ones the program announces and the cockpit compares against.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    planned_tasks = models.PositiveIntegerField(_("planned tasks"), default=0)
    fiscal_funds = models.DecimalField(
        _("fiscal funds (yuan)"), max_digits=16, decimal_places=2, default=Decimal(0)
    )
    leveraged_funds = models.DecimalField(
        _("leveraged funds (yuan)"), max_digits=16, decimal_places=2, default=Decimal(0)
    )
    is_current = models.BooleanField(_("current"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_program",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def leverage_ratio(self) -> Decimal | None:
        """Money brought in per yuan of fiscal money."""
        if not self.fiscal_funds:
            return None
        return self.leveraged_funds / self.fiscal_funds
