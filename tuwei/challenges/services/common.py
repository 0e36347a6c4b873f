"""What the challenge services share: the error type, who may act, locking, notifying."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.challenges import search, workflow
from tuwei.challenges.models import Challenge
from tuwei.core.errors import DomainError
from tuwei.core.notifications import notify


class ChallengesError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    WRONG_STATUS = _("This challenge is %(status)s; that cannot be done now.")
    REASON_REQUIRED = _("Please give a reason.")
    INCOMPLETE = _("Before submitting, complete: %(missing)s.")
    DEADLINE_PAST = _("The application deadline must lie in the future.")
    MILESTONE_BEYOND_DURATION = _(
        "Milestone “%(title)s” falls in month %(month)s, after the challenge's %(duration)s months."
    )
    NO_PROGRAM = _("No program is marked current; ask the program office.")
    OWNER_OUT_OF_REGION = _("A bureau proposes challenges for organisations of its own region.")
    DRAFT_TAKEN = _("This challenge draft has already been taken over.")
    MERGE_INTO_ITSELF = _("A challenge cannot be merged into itself.")
    MERGE_TARGET_WITHDRAWN = _("Merge into a challenge that is not withdrawn.")


def is_officer(user: User) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.OFFICER))


def may_propose(user: User, challenge: Challenge) -> bool:
    """The proposer's side: the owner's enterprise users, or the bureau of its region."""
    if not user.is_authenticated:
        return False
    if user.has_role(Role.ENTERPRISE) and user.organization_id == challenge.owner_id:
        return True
    return bool(
        user.has_role(Role.BUREAU) and user.region_id and user.region_id == challenge.region_id
    )


def require(condition: bool) -> None:
    if not condition:
        raise ChallengesError(ChallengesError.NOT_ALLOWED, code="not_allowed")


def require_move(move: str, challenge: Challenge) -> None:
    if not workflow.allowed(move, challenge.status):
        raise ChallengesError(
            ChallengesError.WRONG_STATUS,
            code="wrong_status",
            status=Challenge.Status(challenge.status).label,
        )


def require_reason(reason: str) -> str:
    if not (reason or "").strip():
        raise ChallengesError(ChallengesError.REASON_REQUIRED, code="reason_required")
    return reason.strip()


def locked(challenge: Challenge) -> Challenge:
    return Challenge.objects.select_for_update().get(pk=challenge.pk)


def reindex(challenge: Challenge) -> None:
    search.index_challenge(challenge)


def proposer_users(challenge: Challenge) -> list[User]:
    """Who hears about returns and publication: the owner's enterprise users, the creator."""
    users = User.objects.filter(is_active=True).filter(
        Q(organization_id=challenge.owner_id, roles__role=Role.ENTERPRISE)
        | Q(pk=challenge.created_by_id)
    )
    return list(users.distinct())


def officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct())


def notify_proposers(challenge: Challenge, verb: str, **params: Any) -> None:
    notify(
        proposer_users(challenge),
        verb,
        params={"title": challenge.title, "id": challenge.pk, **params},
        url=f"/challenges/{challenge.pk}/",
    )


def audit_value(value: Any) -> Any:
    """A field value as the audit trail stores it (JSON-friendly, comparable)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return sorted(str(item) for item in value)
    return value
