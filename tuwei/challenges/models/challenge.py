from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ZERO = Decimal(0)


class Challenge(models.Model):
    """A challenge (榜单) an enterprise posts for teams to take on (揭榜).

    Status moves only through `tuwei.challenges.services` along `workflow.MOVES`.
    A published challenge is closed from its deadline on: the `close_due_challenges`
    job stores that, and every read treats a published challenge past its deadline
    as closed already (`is_open`, `public_status`), so a late job changes nothing
    anyone sees. Applications (another app) point here with a foreign key.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        VETTED = "vetted", _("Vetted")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        AWARDED = "awarded", _("Awarded")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    title = models.CharField(_("title"), max_length=120)
    problem = models.TextField(_("problem statement"), blank=True)
    deliverables = models.TextField(_("deliverables"), blank=True)
    acceptance = models.TextField(
        _("end-user acceptance criteria"),
        blank=True,
        help_text=_("How the enterprise that will use the result accepts it."),
    )
    owner = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("challenge owner"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    node = models.ForeignKey(
        "chains.ChainNode",
        verbose_name=_("chain node"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    gov_funding = models.DecimalField(
        _("government funding (yuan)"),
        max_digits=14,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    enterprise_funding = models.DecimalField(
        _("enterprise co-funding (yuan)"),
        max_digits=14,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    deadline = models.DateTimeField(_("application deadline"), null=True, blank=True)
    conditions = models.TextField(_("applicant conditions"), blank=True)
    allowed_kinds = models.JSONField(
        _("organisation types that may apply"),
        default=list,
        blank=True,
        help_text=_("Leave empty to admit every type."),
    )
    applicant_region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("applicants must be in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for no regional limit."),
    )
    consortium_allowed = models.BooleanField(_("consortium may apply"), default=True)
    ip_terms = models.TextField(_("intellectual property terms"), blank=True)
    max_winners = models.PositiveSmallIntegerField(
        _("teams that may win (race mode)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("More than one runs the challenge as a race (赛马) between teams."),
    )
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    source_draft = models.ForeignKey(
        "chains.ChallengeDraft",
        verbose_name=_("from the point's draft"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    withdraw_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_duplicates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_winners__gte=1), name="challenge_max_winners_min_1"
            ),
            models.CheckConstraint(
                condition=models.Q(gov_funding__gte=0, enterprise_funding__gte=0),
                name="challenge_funding_not_negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")),
                name="challenge_not_merged_into_itself",
            ),
        ]
        indexes = [
            # the board's open list (status=published, deadline ahead, soonest first)
            # and the closing job (status=published, deadline passed)
            models.Index(fields=["status", "deadline"], name="challenge_status_deadline"),
            # an enterprise's own challenges; a bureau's region
            models.Index(fields=["owner", "status"], name="challenge_owner_status"),
            models.Index(fields=["region", "status"], name="challenge_region_status"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def total_funding(self) -> Decimal:
        return (self.gov_funding or ZERO) + (self.enterprise_funding or ZERO)

    def is_open(self, now: datetime | None = None) -> bool:
        """Published and before its deadline: teams may apply."""
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.deadline is not None
            and self.deadline > now
        )

    def public_status(self, now: datetime | None = None) -> str:
        """The status as readers see it: a published challenge past its deadline is closed."""
        if self.status == self.Status.PUBLISHED and not self.is_open(now):
            return self.Status.CLOSED
        return self.status

    def public_status_label(self) -> str:
        return str(self.Status(self.public_status()).label)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def allowed_kind_labels(self) -> list[str]:
        from tuwei.accounts.models import Organization

        kinds = Organization.Kind
        return [str(kinds(kind).label) for kind in self.allowed_kinds if kind in kinds.values]


PUBLIC_STATUSES = (
    Challenge.Status.PUBLISHED,
    Challenge.Status.CLOSED,
    Challenge.Status.AWARDED,
)


class Indicator(models.Model):
    """A technical indicator (技术指标) the result must reach."""

    class Comparator(models.TextChoices):
        AT_LEAST = "gte", "≥"
        AT_MOST = "lte", "≤"
        EQUAL = "eq", "="

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=120)
    comparator = models.CharField(
        _("comparison"), max_length=3, choices=Comparator.choices, default=Comparator.AT_LEAST
    )
    target = models.DecimalField(_("target value"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    verification = models.CharField(_("how it is verified"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("technical indicator")
        verbose_name_plural = _("technical indicators")
        ordering = ["challenge", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name} {self.get_comparator_display()} {self.target_display}{self.unit}"

    @property
    def target_display(self) -> str:
        text = format(self.target.normalize(), "f") if self.target is not None else ""
        return text


class Milestone(models.Model):
    """A milestone of the challenge's skeleton plan: what is due how many months in."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=120)
    month_offset = models.PositiveSmallIntegerField(
        _("month"),
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Months after the contract starts."),
    )
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["challenge", "month_offset", "order", "id"]

    def __str__(self) -> str:
        return f"M{self.month_offset} {self.title}"
