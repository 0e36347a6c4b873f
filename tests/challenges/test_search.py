"""Chinese full-text search: script-agnostic, ranked, highlighted safely, paged, robust."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.challenges.conftest import english
from tuwei.challenges import search
from tuwei.challenges.models import Challenge

S = Challenge.Status


@pytest.fixture
def board(make):
    """Three published challenges about storage, hydrogen and coal chemistry."""
    return {
        "storage": make(
            status=S.PUBLISHED,
            title="兆瓦级铁铬液流电池储能示范",
            problem="通辽风光配储需求迫切，电堆功率密度低。",
        ),
        "heat": make(
            status=S.PUBLISHED,
            title="高压固体储热供暖",
            problem="利用低谷电储能供暖，远端云控多站协同。",
        ),
        "olefin": make(
            status=S.PUBLISHED,
            title="千吨级费托合成α-烯烃分离提纯",
            problem="精馏难以得到聚合级1-己烯产品。",
        ),
    }


def ids(query, **kwargs):
    return search.search(query, facets=[search.PUBLIC], **kwargs).ids()


def test_simplified_and_traditional_queries_find_the_same(board):
    assert set(ids("储能")) == set(ids("儲能")) == {board["storage"].pk, board["heat"].pk}
    assert ids("鐵鉻液流電池") == ids("铁铬液流电池") == [board["storage"].pk]


def test_a_title_hit_ranks_above_a_hit_in_the_text(board):
    # 储能 is in the storage title and only in the heat challenge's problem statement
    assert ids("储能") == [board["storage"].pk, board["heat"].pk]


def test_a_closer_title_match_ranks_first(make):
    short = make(status=S.PUBLISHED, title="储热装置")
    long = make(status=S.PUBLISHED, title="面向高寒牧区的分布式清洁供暖与储热调度综合示范工程")
    assert ids("储热") == [short.pk, long.pk]


def test_all_terms_must_match(board):
    assert ids("储能 供暖") == [board["heat"].pk]
    assert ids("储能 烯烃") == []


def test_a_phrase_is_matched_as_written_not_as_scattered_characters(make):
    together = make(status=S.PUBLISHED, title="液流电池")
    scattered = make(status=S.PUBLISHED, title="电池液面检测", problem="流量计")
    assert ids("液流电池") == [together.pk]
    assert scattered.pk in ids("电池")


def test_one_character_queries_work(board):
    assert set(ids("烯")) == {board["olefin"].pk}
    assert set(ids("儲")) == {board["storage"].pk, board["heat"].pk}


def test_latin_words_and_numbers_are_searchable(board):
    assert ids("α-烯烃") == [board["olefin"].pk]
    assert ids("1") == [board["olefin"].pk]  # "1-己烯"


@pytest.mark.parametrize("query", ["", "   ", "！？。，", "---", "<>&\"'", "%_*"])
def test_a_query_without_a_searchable_term_matches_nothing_and_the_board_still_lists(board, query):
    assert ids(query) == []
    response = english().get("/board/", {"q": query, "status": "all"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3


def test_a_500_character_query_is_no_error(board):
    query = ("储能技术、" * 100)[:500]
    assert len(query) == 500
    assert ids(query) == []  # 技术 appears nowhere
    assert english().get("/board/", {"q": query}).status_code == 200
    assert english().get("/board/", {"q": "储能" * 1000}).status_code == 200


def test_queries_with_quotes_and_operators_are_just_text(board):
    for query in ['储能" OR "烯烃', "储能 NOT 供暖", "储能*", "{title}:储能", "储能 & 烯烃 | 供暖"]:
        response = english().get("/board/", {"q": query, "status": "all"})
        assert response.status_code == 200, query


def test_the_board_highlights_hits_and_escapes_everything_else(make):
    make(status=S.PUBLISHED, title='<script>alert("储能")</script>储能<b>系统</b>')
    body = english().get("/board/", {"q": "储能"}).content.decode()
    assert "<script>alert" not in body and "<b>系统</b>" not in body
    assert (
        "&lt;script&gt;alert(&quot;<mark>储能</mark>&quot;)&lt;/script&gt;<mark>储能</mark>" in body
    )
    assert "&lt;b&gt;系统&lt;/b&gt;" in body


def test_the_highlight_follows_the_reader_script(board):
    client = Client(headers={"accept-language": "zh-hant"})
    body = client.get("/board/", {"q": "储能"}).content.decode()
    assert "<mark>儲能</mark>" in body


def test_results_are_paged(make):
    for number in range(25):
        make(status=S.PUBLISHED, title=f"储能示范{number:02d}")
    client = english()
    first = client.get("/board/", {"q": "储能"})
    assert first.context["page"].paginator.count == 25
    assert len(first.context["rows"]) == 20
    second = client.get("/board/", {"q": "储能", "page": 2})
    assert len(second.context["rows"]) == 5
    seen = [row.challenge.pk for row in first.context["rows"] + second.context["rows"]]
    assert len(set(seen)) == 25
    assert "page=2" in first.content.decode() and "q=" in first.content.decode()


def test_paging_crosses_from_title_hits_to_text_hits(make):
    in_title = [make(status=S.PUBLISHED, title=f"储热示范{n}") for n in range(3)]
    in_text = [make(status=S.PUBLISHED, title=f"供暖工程{n}", problem="储热") for n in range(4)]
    results = search.search("储热", facets=[search.PUBLIC])
    ranked = [hit.id for hit in results[0:7]]
    assert set(ranked[:3]) == {c.pk for c in in_title}
    assert ranked[3:] == [c.pk for c in reversed(in_text)]  # newest first
    assert [hit.id for hit in results[2:5]] == ranked[2:5]
    assert results.count() == 7 and not results.capped


def test_the_count_stops_at_the_cap(make, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    for number in range(5):
        make(status=S.PUBLISHED, title=f"储能{number}")
    results = search.search("储能", facets=[search.PUBLIC])
    assert results.count() == 3 and results.capped
    assert len(results[0:10]) == 3


def test_facets_and_exact_filters_narrow_the_search(personas, make, node):
    here = make(status=S.PUBLISHED, title="储能甲", node=node)
    there = make(
        status=S.PUBLISHED,
        title="储能乙",
        region=personas.other_region,
        owner=personas.other_company,
    )
    draft = make(title="储能丙")
    assert set(ids("储能")) == {here.pk, there.pk}
    assert draft.pk in search.search("储能").ids()  # no facet: every indexed challenge
    region = search.facet("r", personas.other_region.pk)
    assert search.search("储能", facets=[search.PUBLIC, region]).ids() == [there.pk]
    nodes = (search.facet("n", node.pk),)
    assert search.search("储能", facets=[nodes]).ids() == [here.pk]
    assert search.search("储能", facets=[()]).ids() == []  # one of nothing
    only_there = Challenge.objects.filter(pk=there.pk)
    assert ids("储能", queryset=only_there) == [there.pk]
    assert ids("储能", exclude=only_there) == [here.pk]


def test_editing_a_challenge_updates_the_index(make, personas):
    from tuwei.challenges import services

    challenge = make(title="储能示范")
    services.challenge_update(
        actor=personas.enterprise, challenge=challenge, changes={"title": "制氢示范"}
    )
    assert search.search("储能").ids() == []
    assert search.search("制氢").ids() == [challenge.pk]


def test_reindex_rebuilds_the_same_index(board):
    before = {query: ids(query) for query in ("储能", "烯", "α", "供暖 储能")}
    assert search.reindex() == 3
    assert {query: ids(query) for query in before} == before
