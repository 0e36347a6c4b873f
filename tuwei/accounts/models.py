from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuwei.accounts import credit_code
from tuwei.accounts.roles import DEFAULT_MFA_ROLES, Role
from tuwei.core.i18n import localise_name


class Region(models.Model):
    """A league or city (盟市) of the region; bureau users are bound to one."""

    code = models.CharField(_("division code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("league/city")
        verbose_name_plural = _("leagues/cities")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return localise_name(self.name, self.name_en)


def validate_credit_code(value: str) -> None:
    messages = {
        "length": _("A unified social credit code has 18 characters."),
        "alphabet": _(
            "A unified social credit code uses digits and capital letters except I, O, S, V and Z."
        ),
        "checksum": _(
            "The check character of this unified social credit code is wrong; "
            "please check the code for a typing error."
        ),
    }
    reason = credit_code.problem(credit_code.normalise(value))
    if reason is not None:
        raise ValidationError(messages[reason], code=f"credit_code_{reason}")


class Organization(models.Model):
    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        UNIVERSITY = "university", _("University")
        INSTITUTE = "institute", _("Research institute")
        GOVERNMENT = "government", _("Government body")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        help_text=_("Leave empty for an organisation outside the region."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    class Registration(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    real_name = models.CharField(_("real name"), max_length=50)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("league/city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("For bureau users: the league/city whose data they may see."),
    )
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.APPROVED,
        db_index=True,
    )
    requested_role = models.CharField(
        _("requested role"), max_length=20, choices=Role.choices, blank=True
    )
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.real_name or self.username

    @property
    def role_codes(self) -> frozenset[str]:
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = (
                frozenset(self.roles.values_list("role", flat=True)) if self.pk else frozenset()
            )
            self._role_codes = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_codes.intersection(roles))

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"


class PasswordHistory(models.Model):
    """Hashes of a user's recent passwords, so none of the last N is reused."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.created_at:%Y-%m-%d}"


class SecurityPolicy(models.Model):
    """The security policy the secadmin sets. One row; read through `current()`."""

    CACHE_KEY = "tuwei.security_policy"

    password_min_length = models.PositiveSmallIntegerField(_("minimum password length"), default=8)
    password_history = models.PositiveSmallIntegerField(
        _("passwords remembered (no reuse)"), default=5
    )
    lockout_failures = models.PositiveSmallIntegerField(
        _("failed logins before lockout"), default=5
    )
    lockout_minutes = models.PositiveSmallIntegerField(_("lockout minutes"), default=30)
    idle_minutes = models.PositiveSmallIntegerField(_("idle session timeout (minutes)"), default=30)
    mfa_roles = models.JSONField(_("roles that must use two-factor sign-in"), default=list)

    class Meta:
        verbose_name = _("security policy")
        verbose_name_plural = _("security policy")
        constraints = [
            # 等保 level 3 floors: the secadmin may tighten the policy, never loosen it below these.
            models.CheckConstraint(
                condition=models.Q(password_min_length__gte=8),
                name="policy_min_length_floor",
                violation_error_message=_("The minimum password length cannot be below 8."),
            ),
            models.CheckConstraint(
                condition=models.Q(password_history__gte=5),
                name="policy_history_floor",
                violation_error_message=_("At least the last 5 passwords must be remembered."),
            ),
            models.CheckConstraint(
                condition=models.Q(lockout_failures__gte=1, lockout_failures__lte=5),
                name="policy_lockout_failures_range",
                violation_error_message=_("Lock an account after 1 to 5 failed sign-ins."),
            ),
            models.CheckConstraint(
                condition=models.Q(lockout_minutes__gte=30),
                name="policy_lockout_minutes_floor",
                violation_error_message=_("A lockout lasts at least 30 minutes."),
            ),
            models.CheckConstraint(
                condition=models.Q(idle_minutes__gte=1, idle_minutes__lte=30),
                name="policy_idle_range",
                violation_error_message=_("The idle timeout is between 1 and 30 minutes."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("security policy"))

    @classmethod
    def current(cls) -> SecurityPolicy:
        policy = cache.get(cls.CACHE_KEY)
        if policy is None:
            policy, _created = cls.objects.get_or_create(
                pk=1, defaults={"mfa_roles": list(DEFAULT_MFA_ROLES)}
            )
            cache.set(cls.CACHE_KEY, policy, 30)
        return policy

    @classmethod
    def forget_cached(cls) -> None:
        cache.delete(cls.CACHE_KEY)
