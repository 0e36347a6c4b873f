from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Point(models.Model):
    """A breakthrough point (突破点位) on a chain node.

    Status moves candidate → shortlisted → targeted, or to dropped with a reason;
    only `tuwei.chains.services.points` changes it (see `workflow.POINT_MOVES`).
    """

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        TARGETED = "targeted", _("Targeted")
        DROPPED = "dropped", _("Dropped")

    node = models.ForeignKey(
        "chains.ChainNode",
        verbose_name=_("chain node"),
        on_delete=models.PROTECT,
        related_name="points",
    )
    title = models.CharField(_("title"), max_length=120)
    problem = models.TextField(_("the problem"))
    advantage = models.TextField(
        _("why the region can win"),
        help_text=_("Resources, industrial base, existing teams."),
    )
    expected_output = models.TextField(_("expected output"), blank=True)
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="points",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.CANDIDATE,
        db_index=True,
    )
    drop_reason = models.CharField(_("reason for dropping"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="points",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("breakthrough point")
        verbose_name_plural = _("breakthrough points")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ChallengeDraft(models.Model):
    """A challenge draft promoted from a shortlisted point.

    The challenges app takes these over (`consumed_at` is set when it does); until
    then officers open them from the promotions list.
    """

    point = models.OneToOneField(
        Point,
        verbose_name=_("breakthrough point"),
        on_delete=models.PROTECT,
        related_name="challenge_draft",
    )
    title = models.CharField(_("title"), max_length=120)
    problem = models.TextField(_("the problem"))
    node = models.ForeignKey(
        "chains.ChainNode",
        verbose_name=_("chain node"),
        on_delete=models.PROTECT,
        related_name="challenge_drafts",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("promoted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("promoted"), auto_now_add=True)
    consumed_at = models.DateTimeField(_("taken over"), null=True, blank=True)

    class Meta:
        verbose_name = _("challenge draft")
        verbose_name_plural = _("challenge drafts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
