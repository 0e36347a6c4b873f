"""Innovation platforms (创新平台)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.resources.models.qualifications import YEAR_VALIDATORS


class Platform(models.Model):
    class Kind(models.TextChoices):
        KEY_LAB = "key_lab", _("Key laboratory")
        INNOVATION_CENTRE = "innovation_centre", _("Technology innovation centre")
        ENGINEERING_CENTRE = "engineering_centre", _("Engineering research centre")
        BEIJING_CO_BUILT = "beijing_co_built", _("Beijing–Inner Mongolia co-built platform")
        PILOT_BASE = "pilot_base", _("Pilot base")
        OTHER = "other", _("Other")

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Autonomous region")
        CITY = "city", _("League/city")

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    host = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="platforms",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year approved"), validators=YEAR_VALIDATORS)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("in the public directory"),
        default=False,
        help_text=_("Listed entries are visible to every signed-in user."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("innovation platform")
        verbose_name_plural = _("innovation platforms")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name
