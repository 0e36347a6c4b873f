from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.core.i18n import localise_name


class Cluster(models.Model):
    """An industrial cluster (产业集群): the top level of the industry map."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    is_leading = models.BooleanField(_("leading industry"), default=False)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("industrial cluster")
        verbose_name_plural = _("industrial clusters")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)


class Chain(models.Model):
    """A key industrial chain (重点产业链) within a cluster."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="chains"
    )
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("industrial chain")
        verbose_name_plural = _("industrial chains")
        ordering = ["cluster__order", "order", "code"]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)


class ChainNode(models.Model):
    """A link of a chain (链条环节): a tree of any depth under upstream/midstream/downstream.

    `parent` is another node of the same chain or empty for a top-level node; the
    services refuse a parent from another chain and any cycle.
    """

    class Stage(models.TextChoices):
        UPSTREAM = "upstream", _("Upstream")
        MIDSTREAM = "midstream", _("Midstream")
        DOWNSTREAM = "downstream", _("Downstream")

    class GapKind(models.TextChoices):
        STRENGTHEN = "strengthen", _("Strengthen the chain")
        FILL = "fill", _("Fill a gap")
        EXTEND = "extend", _("Extend the chain")

    chain = models.ForeignKey(
        Chain, verbose_name=_("chain"), on_delete=models.CASCADE, related_name="nodes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent node"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    gap_kind = models.CharField(_("gap kind"), max_length=12, choices=GapKind.choices)
    is_chokepoint = models.BooleanField(_("choke-point technology"), default=False)
    description = models.TextField(_("description"), blank=True)
    organizations = models.ManyToManyField(
        "accounts.Organization",
        verbose_name=_("enterprises and institutions"),
        blank=True,
        related_name="chain_nodes",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("chain node")
        verbose_name_plural = _("chain nodes")
        ordering = ["chain", "order", "code"]
        indexes = [
            # the chain page loads a whole chain's tree at once
            models.Index(fields=["chain", "parent"], name="chainnode_tree_idx"),
        ]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)
