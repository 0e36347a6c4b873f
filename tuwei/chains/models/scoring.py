from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.core.i18n import localise_name


class Criterion(models.Model):
    """An evaluation criterion (评价指标) from the library sessions draw on."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_benefit = models.BooleanField(
        _("more is better"),
        default=True,
        help_text=_("Unticked for a cost criterion, where less is better."),
    )
    is_default = models.BooleanField(_("offered by default"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)


class ScoringSession(models.Model):
    """One scoring of a set of points against a set of criteria by a set of raters.

    While open, raters enter pairwise comparisons (AHP) and scores; closing freezes
    the computed weights, ranks and sensitivity into `result`, so sessions stay
    comparable after the points or criteria change.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Finished")

    class WeightMethod(models.TextChoices):
        AHP = "ahp", _("AHP pairwise comparison")
        DIRECT = "direct", _("Direct entry")
        ENTROPY = "entropy", _("Entropy (from the data)")

    class Scale(models.TextChoices):
        SAATY = "saaty", _("1–9 scale")
        NUMBER = "number", _("Numbers")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weight_method = models.CharField(
        _("weights"), max_length=10, choices=WeightMethod.choices, default=WeightMethod.AHP
    )
    scale = models.CharField(
        _("score scale"), max_length=10, choices=Scale.choices, default=Scale.SAATY
    )
    top_n = models.PositiveSmallIntegerField(_("top N for sensitivity"), default=5)
    points = models.ManyToManyField(
        "chains.Point", verbose_name=_("points"), related_name="scoring_sessions"
    )
    raters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("raters"), related_name="scoring_sessions"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    result = models.JSONField(_("frozen result"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("finished"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("scoring session")
        verbose_name_plural = _("scoring sessions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class SessionCriterion(models.Model):
    """A criterion as used in one session: its position and, for direct entry, its weight."""

    session = models.ForeignKey(
        ScoringSession, on_delete=models.CASCADE, related_name="session_criteria"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    direct_weight = models.FloatField(_("weight"), null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "criterion"], name="unique_session_criterion"
            ),
            models.UniqueConstraint(fields=["session", "position"], name="unique_session_position"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.position}"


class PairwiseJudgement(models.Model):
    """One rater's pairwise comparisons of the session's criteria (Saaty 1–9).

    `comparisons` holds the upper triangle as {"i,j": a_ij} by criterion position;
    the lower triangle is its reciprocal. `consistency_ratio` is stored when saved.
    """

    session = models.ForeignKey(ScoringSession, on_delete=models.CASCADE, related_name="judgements")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comparisons = models.JSONField(default=dict)
    consistency_ratio = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "rater"], name="unique_judgement_per_rater")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.rater_id}"


class PointScore(models.Model):
    """One rater's score of one point on one criterion."""

    session = models.ForeignKey(ScoringSession, on_delete=models.CASCADE, related_name="scores")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    point = models.ForeignKey("chains.Point", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.FloatField(_("score"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "rater", "point", "criterion"], name="unique_point_score"
            )
        ]
        indexes = [
            # the results page reads a whole session's scores at once
            models.Index(fields=["session", "point"], name="pointscore_session_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.point_id}:{self.criterion_id}={self.value}"
