"""The point pages: who sees and changes what, filters, forms and move buttons."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.chains.factories import ChainFactory, ChainNodeFactory
from tests.chains.factories_points import PointFactory
from tests.conftest import sign_in
from tuwei.chains.models import Point
from tuwei.chains.services.points import PointsError

READERS = {"officer", "bureau", "other_bureau", "leader"}


def english(user) -> Client:
    client = sign_in(Client(), user)
    client.cookies["tuwei_language"] = "en"
    return client


@pytest.fixture
def point(db, personas):
    return PointFactory(owner=personas.officer, title="示例点位")


def urls(point: Point) -> dict[str, set[str]]:
    return {
        "/points/": READERS,
        f"/points/{point.pk}/": READERS,
        "/points/new/": {"officer"},
        f"/points/{point.pk}/edit/": {"officer"},
    }


def test_each_persona_gets_exactly_its_point_pages(personas, point) -> None:
    for url, allowed in urls(point).items():
        for name, user in personas.all().items():
            status = sign_in(Client(), user).get(url).status_code
            assert status == (200 if name in allowed else 403), (name, url, status)


def test_a_visitor_is_sent_to_sign_in(point) -> None:
    for url in [*urls(point), f"/points/{point.pk}/shortlist/", f"/points/{point.pk}/promote/"]:
        response = Client().post(url) if url.endswith(("shortlist/", "promote/")) else None
        response = response or Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", ["bureau", "leader", "expert", "enterprise", "outsider"])
def test_only_officers_move_points_through_the_page(personas, point, name) -> None:
    response = sign_in(Client(), getattr(personas, name)).post(f"/points/{point.pk}/shortlist/")
    assert response.status_code == 403
    point.refresh_from_db()
    assert point.status == "candidate"


def test_readers_see_no_edit_or_move_buttons(personas, point) -> None:
    body = english(personas.leader).get(f"/points/{point.pk}/").content.decode()
    assert "示例点位" in body
    assert 'data-testid="move-shortlist"' not in body and "/edit/" not in body


def test_the_officer_walks_a_point_through_its_statuses(personas, point) -> None:
    client = english(personas.officer)
    body = client.get(f"/points/{point.pk}/").content.decode()
    assert 'data-testid="move-shortlist"' in body and 'data-testid="move-target"' not in body
    response = client.post(f"/points/{point.pk}/shortlist/", follow=True)
    assert "The point is shortlisted." in response.content.decode()
    response = client.post(f"/points/{point.pk}/target/", follow=True)
    assert "The point is targeted." in response.content.decode()
    point.refresh_from_db()
    assert point.status == "targeted"


def test_a_refused_move_is_explained(personas, point) -> None:
    response = english(personas.officer).post(f"/points/{point.pk}/target/", follow=True)
    assert "A point that is Candidate cannot be targeted." in response.content.decode()


def test_dropping_without_a_reason_is_refused_on_the_page(personas, point) -> None:
    client = english(personas.officer)
    response = client.post(f"/points/{point.pk}/drop/", {"reason": " "}, follow=True)
    assert str(PointsError.REASON_REQUIRED) in response.content.decode()
    response = client.post(f"/points/{point.pk}/drop/", {"reason": "另有渠道解决"}, follow=True)
    assert 'data-testid="drop-reason">另有渠道解决' in response.content.decode()


def test_an_unknown_move_is_404(personas, point) -> None:
    assert english(personas.officer).post(f"/points/{point.pk}/fly/").status_code == 404


def test_the_officer_creates_and_edits_a_point(personas) -> None:
    node = ChainNodeFactory()
    client = english(personas.officer)
    response = client.post(
        "/points/new/",
        {"node": node.pk, "title": "新点位", "problem": "问题", "advantage": "优势"},
    )
    point = Point.objects.get(title="新点位")
    assert response.status_code == 302 and response["Location"] == f"/points/{point.pk}/"
    assert point.owner == personas.officer
    response = client.post(
        f"/points/{point.pk}/edit/",
        {"node": node.pk, "title": "新点位（改）", "problem": "问题", "advantage": "优势"},
    )
    point.refresh_from_db()
    assert point.title == "新点位（改）"


def test_the_form_keeps_what_was_typed_on_error(personas) -> None:
    response = english(personas.officer).post("/points/new/", {"title": "只有标题"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "只有标题" in body and "This field is required." in body
    assert not Point.objects.exists()


def test_the_list_filters_by_cluster_chain_status_region_and_text(personas) -> None:
    chain = ChainFactory()
    other_chain = ChainFactory()
    a = PointFactory(
        node=ChainNodeFactory(chain=chain), title="储能示范", region=personas.home_region
    )
    b = PointFactory(
        node=ChainNodeFactory(chain=other_chain), title="稀土永磁", status="shortlisted"
    )
    client = english(personas.bureau)

    def listed(query: str) -> set[int]:
        return {p.pk for p in client.get(f"/points/?{query}").context["page"]}

    assert listed("") == {a.pk, b.pk}
    assert listed(f"cluster={chain.cluster_id}") == {a.pk}
    assert listed(f"chain={other_chain.pk}") == {b.pk}
    assert listed("status=shortlisted") == {b.pk}
    assert listed(f"region={personas.home_region.pk}") == {a.pk}
    assert listed("q=储能") == {a.pk}
    assert listed("q=儲能") == {a.pk}  # traditional script finds simplified text
