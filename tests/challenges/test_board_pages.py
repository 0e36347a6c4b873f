"""The public board's pages: detail for applicants, filters, RSS/Atom, JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.chains.factories import ChainFactory, ChainNodeFactory
from tests.challenges.conftest import english
from tuwei.accounts.models import Organization
from tuwei.challenges.models import Challenge

S = Challenge.Status
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_detail_page_has_what_an_applicant_needs(make, node, personas):
    challenge = make(
        status=S.PUBLISHED,
        node=node,
        deadline=datetime(2031, 6, 30, 17, 0, tzinfo=SHANGHAI),
        max_winners=2,
        allowed_kinds=[Organization.Kind.UNIVERSITY, Organization.Kind.ENTERPRISE],
        applicant_region=personas.home_region,
        consortium_allowed=False,
        conditions="须具备中试放大经验。",
        gov_funding=Decimal("15000000"),
        enterprise_funding=Decimal("60000000"),
    )
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=SHANGHAI)):
        body = english().get(f"/board/{challenge.pk}/").content.decode()
    for text in (
        challenge.title,
        challenge.problem,
        challenge.deliverables,
        challenge.acceptance,
        challenge.ip_terms,
        "产品纯度",  # indicator
        "≥ 99.5 %",
        "完成小试",  # milestone
        "Month 6",
        "1,500 ten thousand yuan (15,000,000 yuan)",
        "7,500 ten thousand yuan",
        "2031-06-30 17:00",
        "Beijing time",
        "Race mode: up to 2 teams",
        "University",
        "Applicants must be in Ordos",
        "Single organisations only",
        "须具备中试放大经验。",
        "No thresholds",
        "age, professional title",
        "张工",
        "0477-1234567",
        "contact@example.invalid",
        "Flow batteries",
    ):
        assert text in body, text


def test_the_board_lists_open_challenges_soonest_deadline_first(make):
    later = make(status=S.PUBLISHED, deadline=datetime(2031, 9, 1, tzinfo=SHANGHAI))
    sooner = make(status=S.PUBLISHED, deadline=datetime(2031, 8, 1, tzinfo=SHANGHAI))
    closed = make(status=S.CLOSED, deadline=datetime(2031, 1, 1, tzinfo=SHANGHAI))
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=SHANGHAI)):
        client = english()
        rows = client.get("/board/").context["rows"]
        assert [row.challenge.pk for row in rows] == [sooner.pk, later.pk]
        rows = client.get("/board/", {"status": "all"}).context["rows"]
        assert [row.challenge.pk for row in rows] == [sooner.pk, later.pk, closed.pk]
        rows = client.get("/board/", {"status": "closed"}).context["rows"]
        assert [row.challenge.pk for row in rows] == [closed.pk]


def test_the_list_shows_funding_in_ten_thousand_yuan(make):
    make(status=S.PUBLISHED, gov_funding=Decimal("12345000"), enterprise_funding=Decimal("0"))
    body = english().get("/board/").content.decode()
    assert "<td>1,234.5</td>" in body
    assert "Funding (10k yuan)" in body


@pytest.fixture
def spread(make, personas):
    chain = ChainFactory(name="新型储能")
    storage = ChainNodeFactory(chain=chain)
    other = ChainNodeFactory()
    return {
        "storage": make(
            status=S.PUBLISHED,
            title="储能甲",
            node=storage,
            gov_funding=Decimal("1000000"),
            enterprise_funding=Decimal("0"),
            deadline=datetime(2031, 7, 10, 12, tzinfo=SHANGHAI),
        ),
        "other": make(
            status=S.PUBLISHED,
            title="储能乙",
            node=other,
            region=personas.other_region,
            owner=personas.other_company,
            gov_funding=Decimal("50000000"),
            deadline=datetime(2031, 8, 10, 12, tzinfo=SHANGHAI),
        ),
        "chain": chain,
    }


@pytest.mark.parametrize("query", ["", "储能"])
def test_the_filters_narrow_the_list_and_the_search(spread, personas, query):
    storage, other = spread["storage"].pk, spread["other"].pk
    chain = spread["chain"]
    cases = [
        ({"chain": chain.pk}, [storage]),
        ({"cluster": chain.cluster_id}, [storage]),
        ({"region": personas.other_region.pk}, [other]),
        ({"funding_min": "200"}, [other]),
        ({"funding_max": "200"}, [storage]),
        ({"deadline_from": "2031-08-01"}, [other]),
        ({"deadline_to": "2031-07-10"}, [storage]),
        ({"deadline_from": "2031-07-11", "deadline_to": "2031-08-09"}, []),
    ]
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=SHANGHAI)):
        client = english()
        for params, expected in cases:
            rows = client.get("/board/", {"q": query, **params}).context["rows"]
            assert sorted(row.challenge.pk for row in rows) == sorted(expected), params


def test_a_bad_filter_is_reported_and_ignored(spread):
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=SHANGHAI)):
        response = english().get("/board/", {"funding_min": "lots", "region": "999999"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 2
    assert "Enter a number." in response.content.decode()


def test_the_json_lists_open_challenges_with_shanghai_deadlines(make, node):
    opened = make(
        status=S.PUBLISHED,
        node=node,
        deadline=datetime(2031, 7, 1, 9, 30, tzinfo=SHANGHAI),
        gov_funding=Decimal("3000000"),
        enterprise_funding=Decimal("6000000.50"),
    )
    make(status=S.CLOSED, deadline=datetime(2031, 1, 1, tzinfo=SHANGHAI))
    make(status=S.VETTED)
    with time_machine.travel(datetime(2031, 6, 1, tzinfo=SHANGHAI)):
        response = english().get("/board/open.json")
    assert response["Content-Type"] == "application/json"
    (item,) = response.json()["challenges"]
    assert item == {
        "id": opened.pk,
        "title": opened.title,
        "owner": opened.owner.name,
        "region": "鄂尔多斯市",
        "chain": node.chain.name,
        "chain_node": node.name,
        "funding": {
            "currency": "CNY",
            "government": 3000000,
            "enterprise": 6000000.5,
            "total": 9000000.5,
        },
        "max_winners": 1,
        "deadline": "2031-07-01T09:30:00+08:00",
        "url": f"http://testserver/board/{opened.pk}/",
    }


def test_the_rss_and_atom_feeds_carry_open_challenges(make):
    opened = make(status=S.PUBLISHED, title="兆瓦级液流电池储能示范")
    make(status=S.CLOSED, title="已截止的榜单", deadline=datetime(2020, 1, 1, tzinfo=SHANGHAI))
    make(status=S.SUBMITTED, title="待审的榜单")
    rss = english().get("/board/feed/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(rss.content)  # noqa: S314  (our own feed)
    channel = root.find("channel")
    assert channel.findtext("title") == "Open challenges"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["兆瓦级液流电池储能示范"]
    assert items[0].findtext("link").endswith(f"/board/{opened.pk}/")
    assert "deadline" in items[0].findtext("description")
    atom = english().get("/board/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(atom.content)  # noqa: S314  (our own feed)
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1


def test_a_published_challenge_past_its_deadline_leaves_the_feed(make):
    challenge = make(status=S.PUBLISHED, title="即将截止")
    with time_machine.travel(challenge.deadline + timedelta(seconds=1)):
        assert "即将截止" not in english().get("/board/feed/").content.decode()


def test_board_pages_carry_no_inline_script(make):
    challenge = make(status=S.PUBLISHED)
    for url in ("/board/", f"/board/{challenge.pk}/", "/board/?q=储能"):
        body = english().get(url).content.decode()
        assert "<script>" not in body and " style=" not in body
