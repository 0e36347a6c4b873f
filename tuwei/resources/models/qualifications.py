"""Enterprise qualifications: 高企 certificates, 科小 registrations and yearly R&D facts.

三清零 is not stored anywhere: an enterprise has cleared the three zeros in a year when
that year's facts show R&D spending above zero, an R&D institution and at least one
invention patent (`THREE_ZEROS_CLEARED`, `RdFacts.clears_three_zeros`).
"""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class HighTechCertificate(models.Model):
    """A high-tech enterprise certificate (高新技术企业证书), valid for a period."""

    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="high_tech_certificates",
    )
    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("high-tech enterprise certificate")
        verbose_name_plural = _("high-tech enterprise certificates")
        ordering = ["-valid_to", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gt=models.F("valid_from")),
                name="high_tech_valid_period",
                violation_error_message=_("The certificate must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to


class SmeRegistration(models.Model):
    """A tech-based SME registration (科技型中小企业入库登记), one per enterprise and year."""

    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="sme_registrations",
    )
    number = models.CharField(_("registration number"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("tech-based SME registration")
        verbose_name_plural = _("tech-based SME registrations")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="sme_once_a_year"),
        ]

    def __str__(self) -> str:
        return self.number


THREE_ZEROS_CLEARED = models.Q(rd_spending__gt=0, has_rd_institution=True, invention_patents__gte=1)


class RdFacts(models.Model):
    """The three R&D facts of an enterprise in a year, behind 三清零."""

    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="rd_facts",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    rd_spending = models.DecimalField(
        _("R&D spending (yuan)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    has_rd_institution = models.BooleanField(_("has an R&D institution"), default=False)
    invention_patents = models.PositiveIntegerField(_("invention patents held"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("R&D facts")
        verbose_name_plural = _("R&D facts")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="rd_facts_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(rd_spending__gte=0), name="rd_spending_not_negative"
            ),
        ]
        indexes = [
            # the 三清零 counts read one year's cleared rows and each enterprise's earlier years
            models.Index(fields=["year", "organization"], name="rd_facts_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}@{self.year}"

    @property
    def clears_three_zeros(self) -> bool:
        return self.rd_spending > 0 and self.has_rd_institution and self.invention_patents >= 1
