"""Private reads: officers and leaders see every challenge, an enterprise its own
organisation's, a bureau its own region's; anyone else none (they have the board)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.chains.models import ChallengeDraft
from tuwei.challenges.models import Challenge
from tuwei.core.models import AuditEntry

WIDE_ROLES = (Role.OFFICER, Role.LEADER)


def _with_relations(queryset: QuerySet[Challenge]) -> QuerySet[Challenge]:
    return queryset.select_related("owner", "region", "node__chain__cluster", "program")


def _proposer_scope(user: User) -> Q | None:
    """What a user proposes for: its organisation's (enterprise), its region's (bureau)."""
    scope = None
    if user.has_role(Role.ENTERPRISE) and user.organization_id:
        scope = Q(owner_id=user.organization_id)
    if user.has_role(Role.BUREAU) and user.region_id:
        by_region = Q(region_id=user.region_id)
        scope = by_region if scope is None else scope | by_region
    return scope


def challenge_list(*, user: User) -> QuerySet[Challenge]:
    challenges = _with_relations(Challenge.objects.all())
    if not user.is_authenticated:
        return challenges.none()
    if user.has_role(*WIDE_ROLES):
        return challenges
    scope = _proposer_scope(user)
    return challenges.filter(scope) if scope is not None else challenges.none()


def challenge_get(*, user: User, pk: int) -> Challenge:
    """Raises Challenge.DoesNotExist for a challenge outside the user's scope."""
    return challenge_list(user=user).prefetch_related("indicators", "milestones").get(pk=pk)


def vetting_queue(*, user: User) -> QuerySet[Challenge]:
    """Submitted challenges to vet, then vetted ones to publish; oldest submission first."""
    if not user.is_authenticated or not user.has_role(Role.OFFICER):
        return Challenge.objects.none()
    return _with_relations(
        Challenge.objects.filter(status__in=[Challenge.Status.SUBMITTED, Challenge.Status.VETTED])
    ).order_by("status", "submitted_at", "pk")


def returned_for(*, user: User) -> QuerySet[Challenge]:
    """Returned challenges waiting for their proposer to fix and resubmit."""
    if not user.is_authenticated:
        return Challenge.objects.none()
    scope = _proposer_scope(user)
    if scope is None:
        return Challenge.objects.none()
    return Challenge.objects.filter(scope, status=Challenge.Status.RETURNED)


def drafts_to_take_over(*, user: User) -> QuerySet[ChallengeDraft]:
    """Challenge drafts promoted from breakthrough points, not yet made into challenges."""
    if not user.is_authenticated or not user.has_role(Role.OFFICER):
        return ChallengeDraft.objects.none()
    return ChallengeDraft.objects.filter(consumed_at=None).select_related("node__chain", "region")


def merge_targets(*, user: User, challenge: Challenge) -> QuerySet[Challenge]:
    """Challenges a duplicate may be merged into: any other, not withdrawn."""
    if not user.is_authenticated or not user.has_role(Role.OFFICER):
        return Challenge.objects.none()
    return (
        Challenge.objects.exclude(pk=challenge.pk)
        .exclude(status=Challenge.Status.WITHDRAWN)
        .order_by("-pk")
    )


def history(*, challenge: Challenge) -> QuerySet[AuditEntry]:
    """The challenge's audit entries, oldest first (shown to those who may see the challenge)."""
    return AuditEntry.objects.filter(
        object_type=Challenge._meta.label_lower, object_id=str(challenge.pk)
    ).order_by("seq")
