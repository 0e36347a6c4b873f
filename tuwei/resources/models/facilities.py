"""Large research facilities and instruments, and their yearly sharing records."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.resources.models.qualifications import YEAR_VALIDATORS

# The national evaluation of shared research instruments expects at least this many
# hours a year: effective machine hours, and of them hours of service to outside users.
BENCHMARK_EFFECTIVE_HOURS = Decimal(1440)
BENCHMARK_EXTERNAL_HOURS = Decimal(240)
HOURS_IN_A_YEAR = Decimal(366 * 24)


class Facility(models.Model):
    code = models.CharField(
        _("asset code"),
        max_length=40,
        unique=True,
        help_text=_("The host's inventory number; imports update a facility by it."),
    )
    name = models.CharField(_("name"), max_length=150)
    host = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="facilities",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    original_value = models.DecimalField(
        _("original value (yuan)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("in the public directory"),
        default=False,
        help_text=_("Listed entries are visible to every signed-in user."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("facility or instrument")
        verbose_name_plural = _("facilities and instruments")
        ordering = ["name", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(original_value__gte=0), name="facility_value_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def original_value_wan(self) -> Decimal:
        return (self.original_value / 10_000).quantize(Decimal("0.1"))


class FacilityUsage(models.Model):
    """One year of a facility's use. The sharing rate is computed, never stored."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="usages")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    effective_hours = models.DecimalField(
        _("effective machine hours"), max_digits=6, decimal_places=1
    )
    external_hours = models.DecimalField(
        _("external service hours"), max_digits=6, decimal_places=1
    )

    class Meta:
        verbose_name = _("sharing record")
        verbose_name_plural = _("sharing records")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["facility", "year"], name="facility_usage_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(
                    external_hours__gte=0,
                    effective_hours__lte=HOURS_IN_A_YEAR,
                    external_hours__lte=models.F("effective_hours"),
                ),
                name="facility_usage_hours",
                violation_error_message=_(
                    "External service hours are part of the effective hours, which a year "
                    "cannot exceed."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.facility_id}@{self.year}"

    @property
    def sharing_rate(self) -> Decimal | None:
        """External service hours as a share of effective hours (0..1)."""
        if not self.effective_hours:
            return None
        return (self.external_hours / self.effective_hours).quantize(Decimal("0.001"))

    @property
    def below_effective_benchmark(self) -> bool:
        return self.effective_hours < BENCHMARK_EFFECTIVE_HOURS

    @property
    def below_external_benchmark(self) -> bool:
        return self.external_hours < BENCHMARK_EXTERNAL_HOURS
