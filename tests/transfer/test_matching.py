"""Suggestions both ways between needs and listed achievements, best first, with scores."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.transfer.factories import AchievementFactory, ListedAchievementFactory, NeedFactory
from tuwei.transfer.models import Achievement
from tuwei.transfer.selectors.market import achievements_for_need, needs_for_achievement


@pytest.fixture
def market(db):
    return {
        "olefin": ListedAchievementFactory(
            title="费托合成α-烯烃分离提纯工艺", summary="千吨级α-烯烃精馏分离与提纯成套技术"
        ),
        "catalyst": ListedAchievementFactory(
            title="α-烯烃齐聚催化剂", summary="用于高端聚烯烃的催化剂"
        ),
        "battery": ListedAchievementFactory(title="铁铬液流电池电堆", summary="兆瓦级储能示范"),
        "private": ListedAchievementFactory(
            title="α-烯烃分离提纯内部工艺",
            summary="α-烯烃分离提纯",
            visibility=Achievement.Visibility.PRIVATE,
        ),
        "draft": AchievementFactory(title="α-烯烃分离提纯草稿", summary="α-烯烃分离提纯"),
        "need": NeedFactory(
            title="寻求α-烯烃分离提纯技术", description="费托合成产物中α-烯烃的精馏分离提纯"
        ),
        "storage_need": NeedFactory(title="储能电池电堆", description="液流电池储能电站"),
    }


def test_a_need_gets_the_most_similar_listed_achievements_first(market) -> None:
    from django.contrib.auth.models import AnonymousUser

    found = achievements_for_need(user=AnonymousUser(), need=market["need"])
    items = [suggestion.item for suggestion in found]
    assert items[0] == market["olefin"]
    assert items.index(market["catalyst"]) > 0
    assert market["battery"] not in items
    assert market["private"] not in items and market["draft"] not in items
    scores = [suggestion.score for suggestion in found]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


def test_an_achievement_gets_the_needs_it_could_meet(market) -> None:
    from django.contrib.auth.models import AnonymousUser

    found = needs_for_achievement(user=AnonymousUser(), achievement=market["battery"])
    assert [s.item for s in found] == [market["storage_need"]]
    found = needs_for_achievement(user=AnonymousUser(), achievement=market["olefin"])
    assert found[0].item == market["need"]


def test_the_pages_show_suggestions_with_their_scores(market) -> None:
    page = Client().get(f"/market/needs/{market['need'].pk}/")
    suggestions = page.context["suggestions"]
    assert suggestions[0].item == market["olefin"]
    assert f"{suggestions[0].percent}%" in page.content.decode()
    page = Client().get(f"/market/achievements/{market['olefin'].pk}/")
    assert page.context["suggestions"][0].item == market["need"]
