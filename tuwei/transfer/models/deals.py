"""Transfer deals (转化): transfer, licence, equity contribution, joint development."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def contract_path(instance: Any, filename: str) -> str:
    """A random name: the stored path tells nothing about the deal or its parties."""
    return f"transfer/contracts/{uuid.uuid4().hex}.pdf"


class Deal(models.Model):
    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("Transfer")
        LICENCE = "licence", _("Licence")
        EQUITY = "equity", _("Equity contribution")
        JOINT_DEVELOPMENT = "joint_development", _("Joint development")

    class LicenceScope(models.TextChoices):
        EXCLUSIVE = "exclusive", _("Exclusive")
        NON_EXCLUSIVE = "non_exclusive", _("Non-exclusive")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    licence_scope = models.CharField(
        _("licence scope"), max_length=15, choices=LicenceScope.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=200)
    achievement = models.ForeignKey(
        "transfer.Achievement",
        verbose_name=_("achievement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deals",
    )
    sellers = models.ManyToManyField(
        "accounts.Organization", verbose_name=_("sellers"), related_name="deals_sold"
    )
    buyer = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("buyer"),
        on_delete=models.PROTECT,
        related_name="deals_bought",
    )
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2)
    signed_on = models.DateField(_("date signed"))
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    chain_node = models.ForeignKey(
        "chains.ChainNode",
        verbose_name=_("chain node"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deals",
    )
    registration_number = models.CharField(
        _("registered contract number"), max_length=40, blank=True
    )
    contract = models.FileField(_("contract (PDF)"), upload_to=contract_path, blank=True)
    contract_name = models.CharField(max_length=200, blank=True)  # the uploaded file's name
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="deal_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="licence") & ~models.Q(licence_scope="")
                    | ~models.Q(kind="licence") & models.Q(licence_scope="")
                ),
                name="deal_licence_scope_iff_licence",
            ),
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number=""),
                name="deal_registration_number_once",
            ),
        ]
        indexes = [
            # the totals page groups a year's deals by region, chain and kind
            models.Index(fields=["signed_on", "region"], name="deal_totals_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def amount_wan(self) -> Decimal:
        """The amount in 万元 (10,000 yuan), as officers read it."""
        return (self.amount / 10_000).quantize(Decimal("0.01"))


class InventorShare(models.Model):
    """Part of the deal's revenue promised to an inventor; together at most 100%."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="inventor_shares")
    name = models.CharField(_("inventor"), max_length=50)
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("inventor share")
        verbose_name_plural = _("inventor shares")
        ordering = ["-share", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(share__gt=0, share__lte=100), name="inventor_share_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}:{self.share}%"
