"""Factories and helpers for breakthrough points and scoring sessions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import factory
import numpy as np

from tests.accounts.factories import UserFactory
from tests.chains.factories import ChainNodeFactory
from tuwei.chains.models import Criterion, Point, ScoringSession
from tuwei.chains.services import scoring

SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]


class PointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Point

    node = factory.SubFactory(ChainNodeFactory)
    title = factory.Sequence(lambda n: f"测试点位{n}")
    problem = "示例问题描述"
    advantage = "示例优势说明"
    expected_output = "示例预期成果"
    owner = factory.SubFactory(UserFactory)
    status = Point.Status.CANDIDATE


def default_criteria() -> list[Criterion]:
    """The seeded defaults; restored first when a transactional test flushed them."""
    from tuwei.chains.demo_points import ensure_default_criteria

    return ensure_default_criteria()


def make_session(
    *,
    officer: Any,
    points: Sequence[Point],
    raters: Sequence[Any],
    criteria: Sequence[Criterion] | None = None,
    weight_method: str = ScoringSession.WeightMethod.AHP,
    scale: str = ScoringSession.Scale.SAATY,
    top_n: int = 2,
    title: str = "测试评分会",
) -> ScoringSession:
    return scoring.session_create(
        actor=officer,
        title=title,
        points=points,
        criteria=criteria if criteria is not None else default_criteria()[:3],
        raters=raters,
        weight_method=weight_method,
        scale=scale,
        top_n=top_n,
    )


def nearest_saaty(ratio: float) -> float:
    return min(SAATY, key=lambda value: abs(np.log(value) - np.log(ratio)))


def consistent_upper(weights: Sequence[float]) -> dict[tuple[int, int], float]:
    """Upper-triangle judgements implied by `weights`, rounded onto Saaty's scale."""
    n = len(weights)
    return {
        (i, j): nearest_saaty(weights[i] / weights[j]) for i in range(n) for j in range(i + 1, n)
    }


def inconsistent_upper(n: int) -> dict[tuple[int, int], float]:
    """A > B, B > C strongly, but C much more important than A: far from consistent."""
    upper = {(i, j): 1.0 for i in range(n) for j in range(i + 1, n)}
    upper[(0, 1)] = 9.0
    upper[(1, 2)] = 9.0
    upper[(0, 2)] = 1 / 9
    return upper


def score_all(session: ScoringSession, rater: Any, table: Sequence[Sequence[float]]) -> None:
    """Enter `table` (points by pk order × criteria by position) as `rater`'s scores."""
    points = list(session.points.order_by("pk"))
    criteria = [row.criterion for row in scoring.session_criteria(session)]
    values = {
        (point.pk, criterion.pk): table[r][c]
        for r, point in enumerate(points)
        for c, criterion in enumerate(criteria)
    }
    scoring.scores_save(actor=rater, session=session, values=values)
