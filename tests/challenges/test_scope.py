"""Who sees which challenge on which page. The board is public but shows public ones only."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.challenges.conftest import english
from tests.conftest import sign_in
from tuwei.challenges.models import Challenge

S = Challenge.Status
PRIVATE = [S.DRAFT, S.SUBMITTED, S.RETURNED, S.VETTED, S.WITHDRAWN]
EVERYONE = [
    "officer",
    "enterprise",
    "other_enterprise",
    "bureau",
    "other_bureau",
    "team_lead",
    "expert",
    "leader",
    "sysadmin",
    "secadmin",
    "auditor",
    "outsider",
]
# who may open the private pages of a challenge of the enterprise persona's company
SEES_IT = {"officer", "leader", "enterprise", "bureau"}
HAS_THE_LIST = {"officer", "leader", "enterprise", "other_enterprise", "bureau", "other_bureau"}


@pytest.fixture
def challenge(make):
    return make(status=S.SUBMITTED, title="本单位的储能榜单")


PRIVATE_URLS = [
    "/challenges/",
    "/challenges/new/",
    "/challenges/vetting/",
    "/challenges/{pk}/",
    "/challenges/{pk}/edit/",
]


@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_an_anonymous_visitor_is_sent_to_sign_in(challenge, url):
    response = Client().get(url.format(pk=challenge.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", ["submit", "withdraw", "return", "vet", "publish", "merge"])
def test_an_anonymous_visitor_cannot_post_a_move(challenge, url):
    response = Client().post(f"/challenges/{challenge.pk}/{url}/", {"reason": "x", "into": 1})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    challenge.refresh_from_db()
    assert challenge.status == S.SUBMITTED


def test_the_detail_page_is_for_owner_region_officer_and_leader_only(personas, challenge):
    for name in EVERYONE:
        response = sign_in(Client(), getattr(personas, name)).get(f"/challenges/{challenge.pk}/")
        if name in SEES_IT:
            assert response.status_code == 200, name
        else:
            assert response.status_code in (403, 404), (name, response.status_code)


def test_the_list_shows_each_persona_its_own_scope(personas, challenge, make):
    elsewhere = make(owner=personas.other_company, region=personas.other_region, title="别处的榜单")
    for name in EVERYONE:
        response = sign_in(Client(), getattr(personas, name)).get("/challenges/")
        if name not in HAS_THE_LIST:
            assert response.status_code == 403, name
            continue
        shown = {c.pk for c in response.context["page"]}
        expected = {
            "officer": {challenge.pk, elsewhere.pk},
            "leader": {challenge.pk, elsewhere.pk},
            "enterprise": {challenge.pk},
            "bureau": {challenge.pk},
            "other_enterprise": {elsewhere.pk},
            "other_bureau": {elsewhere.pk},
        }[name]
        assert shown == expected, name


def test_the_vetting_queue_is_the_officers(personas, challenge):
    for name in EVERYONE:
        response = sign_in(Client(), getattr(personas, name)).get("/challenges/vetting/")
        assert response.status_code == (200 if name == "officer" else 403), name
    page = sign_in(Client(), personas.officer).get("/challenges/vetting/")
    assert [c.pk for c in page.context["submitted"]] == [challenge.pk]


@pytest.mark.parametrize("name", ["other_enterprise", "other_bureau", "outsider", "team_lead"])
def test_others_cannot_move_the_challenge(personas, challenge, name):
    client = sign_in(Client(), getattr(personas, name))
    for move in ("submit", "withdraw", "return", "vet", "publish", "merge"):
        response = client.post(f"/challenges/{challenge.pk}/{move}/", {"reason": "x", "into": 1})
        assert response.status_code in (403, 404), (name, move)
    assert client.get(f"/challenges/{challenge.pk}/edit/").status_code in (403, 404)
    challenge.refresh_from_db()
    assert challenge.status == S.SUBMITTED


def test_the_leader_reads_but_cannot_move(personas, challenge):
    client = english(personas.leader)
    page = client.get(f"/challenges/{challenge.pk}/")
    assert page.status_code == 200
    assert not any(page.context["actions"].values())
    assert client.post(f"/challenges/{challenge.pk}/vet/").status_code == 403


@pytest.mark.parametrize("status", PRIVATE)
def test_the_board_never_shows_a_challenge_before_publication_or_withdrawn(make, status):
    hidden = make(status=status, title="不公开的储能榜单")
    client = english()
    for params in ({}, {"status": "all"}, {"q": "储能", "status": "all"}, {"q": "不公开"}):
        response = client.get("/board/", params)
        assert response.status_code == 200
        assert "不公开的储能榜单" not in response.content.decode(), params
    assert client.get(f"/board/{hidden.pk}/").status_code == 404
    assert "不公开" not in client.get("/board/feed/").content.decode()
    assert "不公开" not in client.get("/board/open.json").content.decode()


@pytest.mark.parametrize("status", [S.PUBLISHED, S.CLOSED, S.AWARDED])
def test_the_board_shows_public_challenges_to_anyone(make, status):
    shown = make(status=status, title="公开的储能榜单")
    client = english()
    assert client.get(f"/board/{shown.pk}/").status_code == 200
    assert "公开的储能榜单" in client.get("/board/", {"status": "all"}).content.decode()
    rows = client.get("/board/", {"status": "all", "q": "儲能"}).context["rows"]
    assert [row.challenge.pk for row in rows] == [shown.pk]
