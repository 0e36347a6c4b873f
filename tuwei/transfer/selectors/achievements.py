"""Achievements as the reader may see them, and the confidential detail's one way out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from tuwei.resources.selectors.scope import (
    bureau_region,
    is_officer,
    member_organization,
    sees_everything,
)
from tuwei.transfer.models import Achievement, AchievementOwner, ConfidentialDetail


def _base() -> QuerySet[Achievement]:
    return Achievement.objects.select_related(
        "chain_node", "chain_node__chain", "region"
    ).prefetch_related("owners__organization")


def owned_by(organization_id: int) -> Q:
    return Q(
        pk__in=AchievementOwner.objects.filter(organization_id=organization_id).values(
            "achievement_id"
        )
    )


def achievement_list(*, user: Any) -> QuerySet[Achievement]:
    """The registry: every status, within the reader's scope (the marketplace is apart)."""
    achievements = _base()
    if sees_everything(user):
        return achievements
    scope = Q(pk__in=[])
    region = bureau_region(user)
    if region is not None:
        scope |= Q(region_id=region)
    organization = member_organization(user)
    if organization is not None:
        scope |= owned_by(organization)
    return achievements.filter(scope)


def achievement_get(*, user: Any, pk: int) -> Achievement:
    """Raises Achievement.DoesNotExist for one outside the reader's scope."""
    return achievement_list(user=user).get(pk=pk)


def owns(user: Any, achievement: Achievement) -> bool:
    organization = member_organization(user)
    return organization is not None and any(
        owner.organization_id == organization for owner in achievement.owners.all()
    )


def can_see_confidential(user: Any, achievement: Achievement) -> bool:
    """Only officers and members of an owning organisation; never leaders or bureaus."""
    return is_officer(user) or owns(user, achievement)


def confidential_detail(*, user: Any, achievement: Achievement) -> str | None:
    """The confidential detail for a reader allowed to see it, else None."""
    if not can_see_confidential(user, achievement):
        return None
    row = ConfidentialDetail.objects.filter(achievement_id=achievement.pk).first()
    return row.text if row is not None else ""


def confidential_details(*, user: Any, achievements: Iterable[Achievement]) -> dict[int, str]:
    """Confidential details of the given achievements that the reader may see (for exports)."""
    allowed = [a.pk for a in achievements if can_see_confidential(user, a)]
    if not allowed:
        return {}
    rows = ConfidentialDetail.objects.filter(achievement_id__in=allowed)
    return {row.achievement_id: row.text for row in rows}


def achievements_to_review(*, user: Any) -> QuerySet[Achievement]:
    if not is_officer(user):
        return Achievement.objects.none()
    return _base().filter(status=Achievement.Status.PENDING).order_by("submitted_at", "pk")
