"""Achievements (成果): what a team or an enterprise offers for transfer."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Achievement(models.Model):
    class Kind(models.TextChoices):
        INVENTION_PATENT = "invention_patent", _("Invention patent")
        UTILITY_PATENT = "utility_patent", _("Utility model patent")
        SOFTWARE = "software", _("Software copyright")
        STANDARD = "standard", _("Standard")
        NEW_PRODUCT = "new_product", _("New product")
        NEW_PROCESS = "new_process", _("New process")
        NEW_VARIETY = "new_variety", _("New variety")
        PAPER = "paper", _("Paper")
        OTHER = "other", _("Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        REGISTERED = "registered", _("Registered users")
        PRIVATE = "private", _("Private")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Awaiting listing approval")
        LISTED = "listed", _("Listed")
        REJECTED = "rejected", _("Rejected")
        ARCHIVED = "archived", _("Archived")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 (basic principles observed) to 9 (proven in operation)."),
    )
    chain_node = models.ForeignKey(
        "chains.ChainNode",
        verbose_name=_("chain node"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="achievements",
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    # folded title, summary, owners and node: what the marketplace search and matching read;
    # never the confidential detail
    search_document = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    listed_at = models.DateTimeField(_("listed"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["-listed_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trl__gte=1, trl__lte=9),
                name="achievement_trl_1_to_9",
                violation_error_message=_("The readiness level is between 1 and 9."),
            ),
        ]
        indexes = [
            # the marketplace: listed achievements a reader may see, newest first
            models.Index(
                fields=["status", "visibility", "-listed_at"], name="achievement_market_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ConfidentialDetail(models.Model):
    """The confidential part of an achievement, kept in its own table on purpose.

    It has no reverse accessor (`related_name="+"`), so no template or serializer can
    reach it from an achievement; only `selectors.achievements.confidential_detail`
    and `confidential_details` read it, and they check the reader first.
    """

    achievement = models.OneToOneField(
        Achievement, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    text = models.TextField(_("confidential detail"), blank=True)

    class Meta:
        verbose_name = _("confidential detail")
        verbose_name_plural = _("confidential details")

    def __str__(self) -> str:
        return f"confidential:{self.pk}"


class AchievementOwner(models.Model):
    """An owning organisation and its share; an achievement's shares add up to 100%."""

    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="owners")
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="owned_achievements",
    )
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("owner")
        verbose_name_plural = _("owners")
        ordering = ["-share", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "organization"], name="achievement_owner_once"
            ),
            models.CheckConstraint(
                condition=models.Q(share__gt=0, share__lte=100), name="achievement_owner_share"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}:{self.share}%"


class IpRecord(models.Model):
    """A patent, copyright or standard number behind an achievement."""

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        PUBLISHED = "published", _("Published")
        GRANTED = "granted", _("Granted")
        LAPSED = "lapsed", _("Lapsed")

    achievement = models.ForeignKey(
        Achievement, on_delete=models.CASCADE, related_name="ip_records"
    )
    number = models.CharField(_("number"), max_length=60)
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("IP record")
        verbose_name_plural = _("IP records")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["achievement", "number"], name="ip_record_once"),
        ]

    def __str__(self) -> str:
        return self.number
