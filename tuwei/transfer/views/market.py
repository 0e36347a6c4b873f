"""The public marketplace: anyone may search listed achievements and open needs.

Anonymous visitors see public listings; signed-in users also those for registered
users. Nothing here ever shows a confidential detail, and a need's contact is shown
to signed-in users only.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tuwei.transfer.filters import MarketFilter, NeedFilter
from tuwei.transfer.models import Achievement, TechNeed
from tuwei.transfer.selectors import market as selectors
from tuwei.transfer.selectors.needs import can_edit_need

PER_PAGE = 20


def _page(request: HttpRequest, queryset: Any) -> Page:
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def market(request: HttpRequest) -> HttpResponse:
    filterset = MarketFilter(
        request.GET, queryset=selectors.market_achievement_list(user=request.user)
    )
    return render(
        request,
        "transfer/market.html",
        {"filter": filterset, "page": _page(request, filterset.qs), "tab": "achievements"},
    )


def market_achievement(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        achievement = selectors.market_achievement_get(user=request.user, pk=pk)
    except Achievement.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "transfer/market_achievement.html",
        {
            "achievement": achievement,
            "suggestions": selectors.needs_for_achievement(
                user=request.user, achievement=achievement
            ),
        },
    )


def market_needs(request: HttpRequest) -> HttpResponse:
    filterset = NeedFilter(request.GET, queryset=selectors.market_need_list(user=request.user))
    return render(
        request,
        "transfer/market_needs.html",
        {"filter": filterset, "page": _page(request, filterset.qs), "tab": "needs"},
    )


def market_need(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        need = selectors.market_need_get(user=request.user, pk=pk)
    except TechNeed.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "transfer/need_detail.html",
        {
            "need": need,
            "can_edit": request.user.is_authenticated and can_edit_need(request.user, need),
            "suggestions": selectors.achievements_for_need(user=request.user, need=need),
        },
    )
