"""The public marketplace: who sees which listing, script-agnostic search, filters."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.chains.factories import ChainNodeFactory
from tests.conftest import sign_in
from tests.transfer.factories import AchievementFactory, ListedAchievementFactory, NeedFactory
from tuwei.transfer.models import Achievement, TechNeed
from tuwei.transfer.search import document, search, terms

V = Achievement.Visibility
S = Achievement.Status


@pytest.fixture
def listings(personas):
    return {
        "public": ListedAchievementFactory(title="兆瓦级铁铬液流电池储能", visibility=V.PUBLIC),
        "registered": ListedAchievementFactory(
            title="高压固体储热云控系统", visibility=V.REGISTERED
        ),
        "private": ListedAchievementFactory(title="私有成果", visibility=V.PRIVATE),
        "draft": AchievementFactory(title="草稿成果", status=S.DRAFT),
        "pending": AchievementFactory(title="待审成果", status=S.PENDING),
        "archived": AchievementFactory(title="归档成果", status=S.ARCHIVED),
    }


def titles(response) -> set[str]:
    return {achievement.title for achievement in response.context["page"]}


def test_anonymous_visitors_see_public_listings_only(listings) -> None:
    assert titles(Client().get("/market/")) == {"兆瓦级铁铬液流电池储能"}


def test_signed_in_users_also_see_listings_for_registered_users(personas, listings) -> None:
    found = titles(sign_in(Client(), personas.outsider).get("/market/"))
    assert found == {"兆瓦级铁铬液流电池储能", "高压固体储热云控系统"}


@pytest.mark.parametrize("key", ["private", "draft", "pending", "archived", "registered"])
def test_unlisted_or_restricted_achievements_are_not_found_by_url(listings, key) -> None:
    assert Client().get(f"/market/achievements/{listings[key].pk}/").status_code == 404


@pytest.mark.parametrize("query", ["铁铬液流", "鐵鉻液流", "鐵鉻 儲能", "液流電池"])
def test_a_query_in_either_script_finds_the_listing(listings, query) -> None:
    assert titles(Client().get("/market/", {"q": query})) == {"兆瓦级铁铬液流电池储能"}


def test_every_term_of_a_query_must_match(listings) -> None:
    assert titles(Client().get("/market/", {"q": "铁铬 光伏"})) == set()


def test_search_ranks_title_hits_first(db) -> None:
    deep = ListedAchievementFactory(title="电网调峰服务", summary="采用液流电池的调峰方案")
    top = ListedAchievementFactory(title="液流电池电堆", summary="电堆设计")
    for achievement in (deep, top):
        achievement.search_document = document(achievement.title, achievement.summary)
        achievement.save()
    found = list(search(Achievement.objects.all(), "液流電池"))
    assert found == [top, deep]


def test_query_terms_are_folded_and_split() -> None:
    assert terms("  鐵鉻液流，POE 材料 ") == ["铁铬液流", "poe", "材料"]
    assert terms("%_ ，。") == []


def test_filters_by_type_readiness_chain_and_region(personas) -> None:
    node = ChainNodeFactory()
    match = ListedAchievementFactory(
        kind=Achievement.Kind.INVENTION_PATENT, trl=7, chain_node=node, region=personas.home_region
    )
    ListedAchievementFactory(kind=Achievement.Kind.INVENTION_PATENT, trl=4, chain_node=node)
    ListedAchievementFactory(kind=Achievement.Kind.PAPER, trl=8, region=personas.home_region)
    response = Client().get(
        "/market/",
        {
            "kind": "invention_patent",
            "trl": 6,
            "chain": node.chain.pk,
            "region": personas.home_region.pk,
        },
    )
    assert titles(response) == {match.title}


def test_open_needs_are_public_but_contacts_are_for_signed_in_users(personas) -> None:
    need = NeedFactory(title="煤化工废水深度处理", contact_phone="13912345678")
    NeedFactory(title="已关闭的需求", status=TechNeed.Status.CLOSED)
    board = Client().get("/market/needs/").content.decode()
    assert "煤化工废水深度处理" in board and "已关闭的需求" not in board
    anonymous = Client().get(f"/market/needs/{need.pk}/").content.decode()
    assert "13912345678" not in anonymous
    signed_in = sign_in(Client(), personas.outsider).get(f"/market/needs/{need.pk}/")
    assert "13912345678" in signed_in.content.decode()


def test_a_closed_need_is_seen_only_within_scope(personas) -> None:
    need = NeedFactory(organization=personas.company, status=TechNeed.Status.CLOSED)
    assert Client().get(f"/market/needs/{need.pk}/").status_code == 404
    assert (
        sign_in(Client(), personas.other_enterprise).get(f"/market/needs/{need.pk}/").status_code
        == 404
    )
    assert (
        sign_in(Client(), personas.enterprise).get(f"/market/needs/{need.pk}/").status_code == 200
    )
