"""Promoting a shortlisted point to a challenge draft, once, and the drafts list."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tests.chains.factories_points import PointFactory
from tests.conftest import sign_in
from tuwei.chains.models import ChallengeDraft, Point
from tuwei.chains.services import points as services
from tuwei.chains.services.points import PointsError
from tuwei.core.models import AuditEntry


def test_promotion_carries_title_problem_node_and_region(personas) -> None:
    point = PointFactory(status=Point.Status.SHORTLISTED, region=personas.home_region)
    draft = services.point_promote(actor=personas.officer, point=point)
    assert (draft.title, draft.problem, draft.node, draft.region) == (
        point.title,
        point.problem,
        point.node,
        personas.home_region,
    )
    assert draft.created_by == personas.officer and draft.consumed_at is None
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == "chains.point.promote"
    assert entry.data == {"draft": draft.pk}


def test_a_second_promotion_is_refused(personas) -> None:
    point = PointFactory(status=Point.Status.SHORTLISTED)
    services.point_promote(actor=personas.officer, point=point)
    with pytest.raises(PointsError) as caught:
        services.point_promote(actor=personas.officer, point=point)
    assert caught.value.code == "already_promoted"
    assert ChallengeDraft.objects.count() == 1


@pytest.mark.parametrize("status", [Point.Status.CANDIDATE, Point.Status.DROPPED])
def test_only_shortlisted_or_targeted_points_are_promoted(personas, status) -> None:
    point = PointFactory(status=status)
    with pytest.raises(PointsError) as caught:
        services.point_promote(actor=personas.officer, point=point)
    assert caught.value.code == "not_promotable"
    assert not ChallengeDraft.objects.exists()


def test_a_targeted_point_can_be_promoted(personas) -> None:
    point = PointFactory(status=Point.Status.TARGETED)
    assert services.point_promote(actor=personas.officer, point=point).point == point


def test_a_leader_cannot_promote(personas) -> None:
    point = PointFactory(status=Point.Status.SHORTLISTED)
    with pytest.raises(PointsError):
        services.point_promote(actor=personas.leader, point=point)


def test_the_promote_button_makes_a_draft_and_lists_it(personas) -> None:
    point = PointFactory(status=Point.Status.SHORTLISTED, title="待推榜点位")
    client = sign_in(Client(headers={"accept-language": "en"}), personas.officer)
    response = client.post(f"/points/{point.pk}/promote/", follow=True)
    assert response.redirect_chain[-1][0] == "/promotions/"
    assert "待推榜点位" in response.content.decode()
    again = client.post(f"/points/{point.pk}/promote/", follow=True)
    assert str(PointsError.ALREADY_PROMOTED) in again.content.decode()


def test_the_drafts_list_hides_drafts_taken_over(personas) -> None:
    kept = services.point_promote(
        actor=personas.officer, point=PointFactory(status="shortlisted", title="仍待接手")
    )
    taken = services.point_promote(
        actor=personas.officer, point=PointFactory(status="shortlisted", title="已被接手")
    )
    ChallengeDraft.objects.filter(pk=taken.pk).update(consumed_at=timezone.now())
    page = sign_in(Client(), personas.officer).get("/promotions/")
    assert [draft.pk for draft in page.context["drafts"]] == [kept.pk]
    body = page.content.decode()
    assert "仍待接手" in body and "已被接手" not in body


@pytest.mark.parametrize(
    "name", ["bureau", "leader", "expert", "enterprise", "team_lead", "outsider"]
)
def test_only_officers_see_drafts_or_promote(personas, name) -> None:
    point = PointFactory(status=Point.Status.SHORTLISTED)
    client = sign_in(Client(), getattr(personas, name))
    assert client.get("/promotions/").status_code == 403
    assert client.post(f"/points/{point.pk}/promote/").status_code == 403
    assert not ChallengeDraft.objects.exists()
