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
    order = models.PositiveSmallIntegerField(default=0)
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
    order = models.PositiveSmallIntegerField(default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("industrial chain")
        verbose_name_plural = _("industrial chains")
        ordering = ["cluster__order", "order", "code"]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)
