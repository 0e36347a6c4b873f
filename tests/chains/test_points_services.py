"""Each status move of a breakthrough point: allowed, refused, audited."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.chains.factories import ChainNodeFactory
from tests.chains.factories_points import PointFactory
from tuwei.chains.models import Point
from tuwei.chains.services import points as services
from tuwei.chains.services.points import PointsError
from tuwei.core.models import AuditEntry

S = Point.Status

# (service, status before, status after)
ALLOWED = [
    (services.point_shortlist, S.CANDIDATE, S.SHORTLISTED),
    (services.point_target, S.SHORTLISTED, S.TARGETED),
    (services.point_return_to_candidate, S.SHORTLISTED, S.CANDIDATE),
    (services.point_reopen, S.DROPPED, S.CANDIDATE),
]
REFUSED = [
    (services.point_shortlist, S.SHORTLISTED),
    (services.point_shortlist, S.TARGETED),
    (services.point_shortlist, S.DROPPED),
    (services.point_target, S.CANDIDATE),
    (services.point_target, S.DROPPED),
    (services.point_return_to_candidate, S.CANDIDATE),
    (services.point_return_to_candidate, S.TARGETED),
    (services.point_reopen, S.CANDIDATE),
    (services.point_reopen, S.SHORTLISTED),
]


def last_audit() -> AuditEntry:
    return AuditEntry.objects.order_by("-seq").first()


@pytest.mark.parametrize(("move", "before", "after"), ALLOWED)
def test_it_moves_a_point_and_audits_the_move(personas, move, before, after) -> None:
    point = PointFactory(status=before, owner=personas.officer)
    moved = move(actor=personas.officer, point=point)
    assert moved.status == after
    point.refresh_from_db()
    assert point.status == after
    entry = last_audit()
    verb = move.__name__.removeprefix("point_")
    assert entry.action == f"chains.point.{verb}"
    assert entry.object_id == str(point.pk)
    assert entry.actor == personas.officer
    assert entry.data == {"from": before, "to": after}


@pytest.mark.parametrize(("move", "before"), REFUSED)
def test_it_refuses_a_move_the_workflow_does_not_allow(personas, move, before) -> None:
    point = PointFactory(status=before)
    audit_count = AuditEntry.objects.count()
    with pytest.raises(PointsError) as caught:
        move(actor=personas.officer, point=point)
    assert caught.value.code == "move_not_allowed"
    point.refresh_from_db()
    assert point.status == before
    assert AuditEntry.objects.count() == audit_count


def test_the_refusal_names_the_status_and_the_move(personas) -> None:
    point = PointFactory(status=S.DROPPED)
    with translation.override("en"), pytest.raises(PointsError) as caught:
        services.point_target(actor=personas.officer, point=point)
    with translation.override("en"):
        assert str(caught.value) == "A point that is Dropped cannot be targeted."


@pytest.mark.parametrize("before", [S.CANDIDATE, S.SHORTLISTED, S.TARGETED])
def test_it_drops_a_point_with_its_reason(personas, before) -> None:
    point = PointFactory(status=before)
    services.point_drop(actor=personas.officer, point=point, reason="  已有成熟方案  ")
    point.refresh_from_db()
    assert point.status == S.DROPPED
    assert point.drop_reason == "已有成熟方案"
    entry = last_audit()
    assert entry.action == "chains.point.drop"
    assert entry.data == {"from": before, "to": "dropped", "reason": "已有成熟方案"}


def test_dropping_needs_a_reason(personas) -> None:
    point = PointFactory()
    with pytest.raises(PointsError) as caught:
        services.point_drop(actor=personas.officer, point=point, reason="   ")
    assert caught.value.code == "reason_required"
    assert str(caught.value) == str(PointsError.REASON_REQUIRED)
    point.refresh_from_db()
    assert point.status == S.CANDIDATE


def test_a_dropped_point_cannot_be_dropped_again(personas) -> None:
    point = PointFactory(status=S.DROPPED, drop_reason="旧理由")
    with pytest.raises(PointsError):
        services.point_drop(actor=personas.officer, point=point, reason="新理由")
    point.refresh_from_db()
    assert point.drop_reason == "旧理由"


def test_reopening_clears_the_drop_reason(personas) -> None:
    point = PointFactory(status=S.DROPPED, drop_reason="旧理由")
    services.point_reopen(actor=personas.officer, point=point)
    point.refresh_from_db()
    assert point.drop_reason == ""


@pytest.mark.parametrize("name", ["bureau", "leader", "expert", "enterprise", "outsider"])
def test_only_officers_move_points(personas, name) -> None:
    point = PointFactory()
    with pytest.raises(PointsError) as caught:
        services.point_shortlist(actor=getattr(personas, name), point=point)
    assert caught.value.code == "not_allowed"


def test_it_creates_and_edits_a_point_with_audit(personas) -> None:
    node = ChainNodeFactory()
    point = services.point_create(
        actor=personas.officer,
        node=node,
        title=" 新点位 ",
        problem="问题",
        advantage="优势",
        region=personas.home_region,
    )
    assert point.title == "新点位" and point.owner == personas.officer
    assert point.status == S.CANDIDATE
    assert last_audit().action == "chains.point.create"
    other = ChainNodeFactory()
    services.point_update(
        actor=personas.officer, point=point, changes={"title": "改名", "node": other}
    )
    point.refresh_from_db()
    assert point.title == "改名" and point.node == other
    entry = last_audit()
    assert entry.action == "chains.point.update"
    assert entry.data == {"title": ["新点位", "改名"], "node": [node.code, other.code]}


def test_editing_cannot_touch_the_status(personas) -> None:
    point = PointFactory()
    with pytest.raises(ValueError):
        services.point_update(actor=personas.officer, point=point, changes={"status": "targeted"})


def test_a_bureau_user_cannot_create_points(personas) -> None:
    with pytest.raises(PointsError):
        services.point_create(
            actor=personas.bureau, node=ChainNodeFactory(), title="x", problem="p", advantage="a"
        )
