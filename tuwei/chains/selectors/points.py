"""Reads of breakthrough points and challenge drafts, scoped by permission.

Officers, bureaus and leaders read every point (the industry map is one shared
plan for the region); everyone else reads none, so a point reached by URL is 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from engine.text import fold
from tuwei.chains.models import ChallengeDraft, Point


def point_list(*, user: Any) -> QuerySet[Point]:
    points = Point.objects.select_related(
        "node", "node__chain", "node__chain__cluster", "region", "owner"
    )
    if not user.is_authenticated or not user.has_perm("chains.view_points"):
        return points.none()
    return points


def point_get(*, user: Any, pk: int) -> Point:
    """Raises Point.DoesNotExist for a point the user may not read."""
    return point_list(user=user).get(pk=pk)


def point_search(points: QuerySet[Point], text: str) -> QuerySet[Point]:
    """Title, problem or advantage containing `text`, in either Chinese script."""
    query = Q()
    for variant in {text.strip(), fold(text)}:
        if variant:
            query |= (
                Q(title__icontains=variant)
                | Q(problem__icontains=variant)
                | Q(advantage__icontains=variant)
            )
    return points.filter(query) if query else points


def challenge_draft_list(*, user: Any) -> QuerySet[ChallengeDraft]:
    """Drafts the challenges app has not taken over yet, for officers."""
    if not user.is_authenticated or not user.has_perm("chains.edit_points"):
        return ChallengeDraft.objects.none()
    return ChallengeDraft.objects.filter(consumed_at__isnull=True).select_related(
        "point", "node", "node__chain", "region", "created_by"
    )
