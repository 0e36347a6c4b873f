"""Innovation consortia (创新联合体) led by an enterprise."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.resources.models.qualifications import YEAR_VALIDATORS


class Consortium(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    lead = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("lead enterprise"),
        on_delete=models.PROTECT,
        related_name="led_consortia",
    )
    members = models.ManyToManyField(
        "accounts.Organization",
        verbose_name=_("member organisations"),
        blank=True,
        related_name="consortia",
    )
    chain = models.ForeignKey(
        "chains.Chain",
        verbose_name=_("industrial chain"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consortia",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    challenges = models.ManyToManyField(
        "challenges.Challenge",
        verbose_name=_("challenges taken on"),
        blank=True,
        related_name="consortia",
        help_text=_("Published challenges (榜单) the consortium took on."),
    )
    year = models.PositiveSmallIntegerField(_("year founded"), validators=YEAR_VALIDATORS)
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("innovation consortium")
        verbose_name_plural = _("innovation consortia")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name
