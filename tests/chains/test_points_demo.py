"""The demo points loader runs after the map's and is idempotent."""

from __future__ import annotations

from typing import Any

from tuwei.accounts import demo as accounts_demo
from tuwei.chains import demo as chains_demo
from tuwei.chains import demo_points
from tuwei.chains.models import (
    ChallengeDraft,
    PairwiseJudgement,
    Point,
    PointScore,
    ScoringSession,
)
from tuwei.core.models import AuditEntry


def run_loaders() -> dict[str, Any]:
    context: dict[str, Any] = {}
    context.update(accounts_demo.load(context))
    context.update(chains_demo.load(context))
    context.update(demo_points.load(context))
    return context


def snapshot() -> dict[str, Any]:
    return {
        "points": list(Point.objects.order_by("pk").values()),
        "sessions": list(ScoringSession.objects.order_by("pk").values()),
        "judgements": list(PairwiseJudgement.objects.order_by("pk").values()),
        "scores": list(PointScore.objects.order_by("pk").values()),
        "drafts": list(ChallengeDraft.objects.order_by("pk").values()),
        "audit": AuditEntry.objects.count(),
    }


def test_it_loads_points_a_finished_session_and_a_draft(db) -> None:
    run_loaders()
    points = Point.objects.filter(is_demo=True)
    assert 20 <= points.count() <= 30
    statuses = set(points.values_list("status", flat=True))
    assert statuses == {"candidate", "shortlisted", "targeted", "dropped"}
    assert points.filter(status="targeted").count() == 1
    dropped = points.get(status="dropped")
    assert dropped.drop_reason
    assert points.filter(node__code="CC-OLEF-AO", region__code="150600").exists()
    assert points.filter(node__code="NE-STOR-FECR", region__code="150500").exists()

    session = ScoringSession.objects.get(is_demo=True)
    assert session.status == "closed" and session.closed_at is not None
    assert set(session.raters.values_list("username", flat=True)) == {"officer", "expert"}
    assert all(j.consistency_ratio < 0.1 for j in session.judgements.all())
    assert session.points.count() == 8
    result = session.result
    assert result["weights"] and abs(sum(result["weights"]) - 1) < 1e-9
    assert "problem" not in result
    winner_index = result["topsis"]["ranks"].index(1)
    draft = ChallengeDraft.objects.get()
    assert draft.point_id == result["points"][winner_index]["id"]
    assert draft.consumed_at is None


def test_running_it_twice_changes_nothing(db) -> None:
    run_loaders()
    before = snapshot()
    run_loaders()
    assert snapshot() == before
