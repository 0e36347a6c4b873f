"""The public marketplace: listed achievements and open needs, as the reader may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from tuwei.transfer.matching import Suggestion, suggest
from tuwei.transfer.models import Achievement, TechNeed
from tuwei.transfer.selectors.needs import need_list


def visible_levels(user: Any) -> list[str]:
    """Anonymous visitors see public listings; any signed-in user also 'registered' ones."""
    levels = [Achievement.Visibility.PUBLIC.value]
    if user.is_authenticated:
        levels.append(Achievement.Visibility.REGISTERED.value)
    return levels


def market_achievement_list(*, user: Any) -> QuerySet[Achievement]:
    return (
        Achievement.objects.filter(
            status=Achievement.Status.LISTED, visibility__in=visible_levels(user)
        )
        .select_related("chain_node", "chain_node__chain", "region")
        .prefetch_related("owners__organization")
        .order_by("-listed_at", "-pk")
    )


def market_achievement_get(*, user: Any, pk: int) -> Achievement:
    return market_achievement_list(user=user).get(pk=pk)


def market_need_list(*, user: Any) -> QuerySet[TechNeed]:
    today = timezone.localdate()
    return (
        TechNeed.objects.filter(status=TechNeed.Status.OPEN)
        .filter(Q(deadline__isnull=True) | Q(deadline__gte=today))
        .select_related("organization", "chain_node", "chain_node__chain", "region")
        .order_by("-created_at", "-pk")
    )


def market_need_get(*, user: Any, pk: int) -> TechNeed:
    """An open need for anyone; a closed or expired one only within the reader's scope."""
    need = market_need_list(user=user).filter(pk=pk).first()
    if need is None:
        need = need_list(user=user).get(pk=pk)
    return need


def achievements_for_need(
    *, user: Any, need: TechNeed, limit: int = 5
) -> list[Suggestion[Achievement]]:
    return suggest(
        need,
        market_achievement_list(user=user),
        background=market_need_list(user=user),
        limit=limit,
    )


def needs_for_achievement(
    *, user: Any, achievement: Achievement, limit: int = 5
) -> list[Suggestion[TechNeed]]:
    return suggest(
        achievement,
        market_need_list(user=user),
        background=market_achievement_list(user=user),
        limit=limit,
    )
