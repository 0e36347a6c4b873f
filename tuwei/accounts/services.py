"""Every change to accounts, organisations, roles and policy: one function each.

Each checks the actor's right and the current state, saves, writes the audit
entry in the same transaction and queues notifications on commit.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuwei.accounts import credit_code
from tuwei.accounts.models import (
    Organization,
    Region,
    SecurityPolicy,
    User,
    UserRole,
    validate_credit_code,
)
from tuwei.accounts.roles import DEFAULT_MFA_ROLES, SELF_REGISTER_ROLES, Role
from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError
from tuwei.core.notifications import notify


class AccountsError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    USERNAME_TAKEN = _("The user name %(username)s is already taken.")
    ROLE_NOT_SELF_SERVICE = _("This role cannot be requested at registration.")
    ORG_NAME_MISMATCH = _(
        "An organisation with this credit code is already registered as %(name)s; "
        "check the code or the name."
    )
    ORG_REJECTED = _("This organisation's registration was rejected; contact the program office.")
    NOT_PENDING = _("This registration has already been handled.")
    REASON_REQUIRED = _("Please give a reason.")
    SELF_GRANT = _("Security administrators cannot change their own roles.")
    ROLE_CONFLICT = _(
        "The three administrator roles are kept apart: one person cannot hold more than one of "
        "system administrator, security administrator and security auditor."
    )
    SELF_DEACTIVATE = _("You cannot deactivate your own account.")
    MFA_ROLES_REQUIRED = _(
        "Officers and the three administrator roles must always use two-factor sign-in."
    )


ADMIN_ROLE_CODES = {Role.SYSADMIN.value, Role.SECADMIN.value, Role.AUDITOR.value}


def _require(actor: User, *roles: str) -> None:
    if not actor.is_authenticated or not actor.has_role(*roles):
        raise AccountsError(AccountsError.NOT_ALLOWED, code="not_allowed")


def _officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct())


def registration_submit(
    *,
    username: str,
    password: str,
    real_name: str,
    phone: str,
    email: str,
    role: str,
    org_credit_code: str,
    org_name: str,
    org_kind: str,
    org_region: Region | None,
    request: HttpRequest | None = None,
) -> User:
    """A person registers with an organisation; an officer approves before any role is given."""
    if role not in {choice.value for choice in SELF_REGISTER_ROLES}:
        raise AccountsError(AccountsError.ROLE_NOT_SELF_SERVICE, code="role_not_self_service")
    code = credit_code.normalise(org_credit_code)
    validate_credit_code(code)
    candidate = User(username=username, real_name=real_name, email=email)
    validate_password(password, candidate)
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise AccountsError(
                AccountsError.USERNAME_TAKEN, code="username_taken", username=username
            )
        organization = Organization.objects.select_for_update().filter(credit_code=code).first()
        if organization is None:
            organization = Organization.objects.create(
                name=org_name.strip(), kind=org_kind, credit_code=code, region=org_region
            )
            log_action(organization, "accounts.organization.register", request=request)
        elif organization.status == Organization.Status.REJECTED:
            raise AccountsError(AccountsError.ORG_REJECTED, code="org_rejected")
        elif organization.name.strip() != org_name.strip():
            raise AccountsError(
                AccountsError.ORG_NAME_MISMATCH, code="org_name_mismatch", name=organization.name
            )
        user = User(
            username=username,
            real_name=real_name,
            phone=phone,
            email=email,
            organization=organization,
            region=organization.region,
            registration=User.Registration.PENDING,
            requested_role=role,
        )
        user.set_password(password)
        try:
            user.save()
        except IntegrityError as exc:  # two people racing for one name
            raise AccountsError(
                AccountsError.USERNAME_TAKEN, code="username_taken", username=username
            ) from exc
        log_action(
            user,
            "accounts.registration.submit",
            actor=user,
            data={"role": role, "organization": organization.pk},
            request=request,
        )
        notify(
            _officers(),
            "accounts.registration.submitted",
            params={"name": real_name, "organization": organization.name},
            url="/accounts/registrations/",
        )
    return user


def registration_approve(*, actor: User, user: User, request: HttpRequest | None = None) -> User:
    _require(actor, Role.OFFICER)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.registration != User.Registration.PENDING:
            raise AccountsError(AccountsError.NOT_PENDING, code="not_pending")
        assert user.organization_id is not None  # a registration always names one
        organization = Organization.objects.select_for_update().get(pk=user.organization_id)
        if organization.status == Organization.Status.PENDING:
            organization.status = Organization.Status.APPROVED
            organization.save(update_fields=["status"])
            log_action(organization, "accounts.organization.approve", actor=actor, request=request)
        user.registration = User.Registration.APPROVED
        user.save(update_fields=["registration"])
        UserRole.objects.get_or_create(
            user=user, role=user.requested_role, defaults={"granted_by": actor}
        )
        log_action(
            user,
            "accounts.registration.approve",
            actor=actor,
            data={"role": user.requested_role},
            request=request,
        )
        notify([user], "accounts.registration.approved", params={"name": user.real_name}, url="/")
    return user


def registration_reject(
    *, actor: User, user: User, reason: str, request: HttpRequest | None = None
) -> User:
    _require(actor, Role.OFFICER)
    if not reason.strip():
        raise AccountsError(AccountsError.REASON_REQUIRED, code="reason_required")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.registration != User.Registration.PENDING:
            raise AccountsError(AccountsError.NOT_PENDING, code="not_pending")
        assert user.organization_id is not None  # a registration always names one
        organization = Organization.objects.select_for_update().get(pk=user.organization_id)
        others = organization.members.exclude(pk=user.pk).exclude(
            registration=User.Registration.REJECTED
        )
        if organization.status == Organization.Status.PENDING and not others.exists():
            organization.status = Organization.Status.REJECTED
            organization.review_note = reason.strip()[:300]
            organization.save(update_fields=["status", "review_note"])
            log_action(
                organization,
                "accounts.organization.reject",
                actor=actor,
                data={"reason": reason},
                request=request,
            )
        user.registration = User.Registration.REJECTED
        user.review_note = reason.strip()[:300]
        user.is_active = False
        user.save(update_fields=["registration", "review_note", "is_active"])
        log_action(
            user,
            "accounts.registration.reject",
            actor=actor,
            data={"reason": reason},
            request=request,
        )
    return user


def user_create(
    *,
    actor: User,
    username: str,
    real_name: str,
    password: str,
    phone: str = "",
    email: str = "",
    organization: Organization | None = None,
    region: Region | None = None,
    request: HttpRequest | None = None,
) -> User:
    """The sysadmin opens an account. Roles are the secadmin's to grant."""
    _require(actor, Role.SYSADMIN)
    candidate = User(username=username, real_name=real_name, email=email)
    validate_password(password, candidate)
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise AccountsError(
                AccountsError.USERNAME_TAKEN, code="username_taken", username=username
            )
        user = User(
            username=username,
            real_name=real_name,
            phone=phone,
            email=email,
            organization=organization,
            region=region or (organization.region if organization else None),
        )
        user.set_password(password)
        user.save()
        log_action(user, "accounts.user.create", actor=actor, request=request)
    return user


PROFILE_FIELDS = ("real_name", "phone", "email", "organization", "region")


def user_update(
    *, actor: User, user: User, changes: dict[str, Any], request: HttpRequest | None = None
) -> User:
    _require(actor, Role.SYSADMIN)
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        before = {field: str(getattr(user, field) or "") for field in changes}
        for field, value in changes.items():
            setattr(user, field, value)
        user.full_clean(exclude=["password", "username"])
        user.save(update_fields=list(changes))
        after = {field: str(getattr(user, field) or "") for field in changes}
        diff = {f: [before[f], after[f]] for f in changes if before[f] != after[f]}
        if "phone" in diff:
            diff["phone"] = [User(phone=v).masked_phone for v in diff["phone"]]
        log_action(user, "accounts.user.update", actor=actor, data=diff, request=request)
    return user


def user_set_active(
    *, actor: User, user: User, active: bool, reason: str = "", request: HttpRequest | None = None
) -> User:
    _require(actor, Role.SYSADMIN)
    if user.pk == actor.pk and not active:
        raise AccountsError(AccountsError.SELF_DEACTIVATE, code="self_deactivate")
    if not active and not reason.strip():
        raise AccountsError(AccountsError.REASON_REQUIRED, code="reason_required")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.is_active = active
        user.save(update_fields=["is_active"])
        log_action(
            user,
            "accounts.user.activate" if active else "accounts.user.deactivate",
            actor=actor,
            data={"reason": reason} if reason else {},
            request=request,
        )
    return user


def role_grant(
    *, actor: User, user: User, role: str, request: HttpRequest | None = None
) -> UserRole:
    _require(actor, Role.SECADMIN)
    if user.pk == actor.pk:
        raise AccountsError(AccountsError.SELF_GRANT, code="self_grant")
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        held = set(UserRole.objects.filter(user=user).values_list("role", flat=True))
        if role in ADMIN_ROLE_CODES and (held & ADMIN_ROLE_CODES) - {role}:
            raise AccountsError(AccountsError.ROLE_CONFLICT, code="role_conflict")
        grant, created = UserRole.objects.get_or_create(
            user=user, role=role, defaults={"granted_by": actor}
        )
        if created:
            log_action(
                user, "accounts.role.grant", actor=actor, data={"role": role}, request=request
            )
    return grant


def role_revoke(*, actor: User, user: User, role: str, request: HttpRequest | None = None) -> None:
    _require(actor, Role.SECADMIN)
    if user.pk == actor.pk:
        raise AccountsError(AccountsError.SELF_GRANT, code="self_grant")
    with transaction.atomic():
        deleted, _counts = UserRole.objects.filter(user=user, role=role).delete()
        if deleted:
            log_action(
                user, "accounts.role.revoke", actor=actor, data={"role": role}, request=request
            )


POLICY_FIELDS = (
    "password_min_length",
    "password_history",
    "lockout_failures",
    "lockout_minutes",
    "idle_minutes",
    "mfa_roles",
)


def policy_update(
    *, actor: User, changes: dict[str, Any], request: HttpRequest | None = None
) -> SecurityPolicy:
    _require(actor, Role.SECADMIN)
    unknown = set(changes) - set(POLICY_FIELDS)
    if unknown:
        raise ValueError(f"not policy fields: {sorted(unknown)}")
    if "mfa_roles" in changes and not set(DEFAULT_MFA_ROLES) <= set(changes["mfa_roles"]):
        raise AccountsError(AccountsError.MFA_ROLES_REQUIRED, code="mfa_roles_required")
    with transaction.atomic():
        SecurityPolicy.current()  # make sure the row exists
        policy = SecurityPolicy.objects.select_for_update().get(pk=1)
        before = {field: getattr(policy, field) for field in changes}
        for field, value in changes.items():
            setattr(policy, field, value)
        policy.full_clean()
        policy.save()
        log_action(
            policy,
            "accounts.policy.update",
            actor=actor,
            data={f: [before[f], changes[f]] for f in changes if before[f] != changes[f]},
            request=request,
        )
        transaction.on_commit(SecurityPolicy.forget_cached)
    SecurityPolicy.forget_cached()
    return policy
