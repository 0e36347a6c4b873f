"""What a session computes: it matches the engine, and says why it cannot rank."""

from __future__ import annotations

import numpy as np
import pytest
from django.utils import translation

from engine import mcda
from tests.chains.factories_points import (
    PointFactory,
    consistent_upper,
    default_criteria,
    make_session,
    score_all,
)
from tuwei.chains.models import ScoringSession
from tuwei.chains.services import scoring, scoring_ahp
from tuwei.chains.services.mcda_messages import MCDA_MESSAGES, mcda_message
from tuwei.chains.services.scoring_results import SENSITIVITY_STEPS, compute_result


@pytest.fixture
def points(db):
    return [PointFactory(title=f"点位{i}") for i in range(4)]


def test_every_engine_error_code_has_a_translated_message() -> None:
    assert set(MCDA_MESSAGES) == set(mcda.ERROR_CODES)
    for code in mcda.ERROR_CODES:
        english_engine_text = "Developer message for " + code
        with translation.override("en"):
            shown = mcda_message(mcda.MCDAError(code, english_engine_text))
        assert shown and shown != english_engine_text


def test_the_result_matches_the_engine(personas, points) -> None:
    criteria = default_criteria()  # six benefit criteria and one cost criterion
    session = make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.officer, personas.expert],
        criteria=criteria,
        top_n=2,
    )
    first = consistent_upper([7, 6, 5, 4, 3, 2, 1])
    second = consistent_upper([3, 3, 2, 2, 1, 1, 1])
    scoring_ahp.judgement_save(actor=personas.officer, session=session, comparisons=first)
    scoring_ahp.judgement_save(actor=personas.expert, session=session, comparisons=second)
    a = np.array(
        [[9, 7, 5, 6, 4, 8, 3], [5, 8, 7, 7, 6, 4, 6], [6, 5, 9, 4, 7, 6, 2], [3, 4, 4, 8, 8, 3, 8]]
    )
    b = np.array(
        [[8, 7, 6, 6, 5, 8, 4], [6, 7, 7, 8, 6, 5, 6], [6, 6, 8, 5, 7, 5, 3], [3, 3, 4, 7, 9, 3, 7]]
    )
    score_all(session, personas.officer, a.tolist())
    score_all(session, personas.expert, b.tolist())

    result = compute_result(session)

    assert result["problem"] is None
    n = len(criteria)
    weights = mcda.ahp(
        mcda.geometric_mean_aggregate(
            [mcda.reciprocal_matrix(n, first), mcda.reciprocal_matrix(n, second)]
        )
    ).weights
    x = (a + b) / 2
    benefit = np.array([c.is_benefit for c in criteria])
    assert benefit.tolist() == [True] * 6 + [False]
    topsis = mcda.topsis(x, weights, benefit)
    wsm = mcda.weighted_sum(x, weights, benefit)
    spread = mcda.sensitivity(x, weights, benefit, steps=SENSITIVITY_STEPS, top_n=2)
    assert np.allclose(result["matrix"], x)
    assert result["weights"] == pytest.approx(weights.tolist(), abs=1e-12)
    assert result["topsis"]["scores"] == pytest.approx(topsis.scores.tolist(), abs=1e-12)
    assert result["topsis"]["ranks"] == topsis.ranks.tolist()
    assert result["wsm"]["scores"] == pytest.approx(wsm.tolist(), abs=1e-12)
    assert result["wsm"]["ranks"] == mcda.ranks_from_scores(wsm).tolist()
    assert result["sensitivity"]["min"] == spread.min_ranks.tolist()
    assert result["sensitivity"]["max"] == spread.max_ranks.tolist()
    assert result["sensitivity"]["stays"] == spread.stays_in_top_n.tolist()
    assert result["sensitivity"]["steps"] == pytest.approx([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3])


def test_a_point_nobody_scored_is_named_instead_of_ranked(personas, points) -> None:
    session = make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.officer, personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
    )
    ids = [row.criterion_id for row in scoring.session_criteria(session)]
    scoring.session_set_direct_weights(
        actor=personas.officer, session=session, weights=dict.fromkeys(ids, 1)
    )
    score_all(session, personas.officer, [[5, 5, 5], ["", "", ""], [6, 6, 6], ["", "", ""]])
    score_all(session, personas.expert, [[5, 6, 5], ["", "", ""], ["", "", ""], ["", "", ""]])
    with translation.override("en"):
        result = compute_result(session)
    assert result["unscored"] == [1, 3]
    assert result["problem"] == (
        "No rater has scored these points yet, so they cannot be ranked: 点位1, 点位3."
    )
    assert result["topsis"] is None
    assert result["weights"] == pytest.approx([1 / 3] * 3)  # the weights still show
    assert result["scored_by"] == [2, 0, 1, 0]


def entropy_session(personas, points) -> ScoringSession:
    return make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.ENTROPY,
    )


def test_entropy_gives_a_criterion_that_does_not_vary_weight_zero(personas, points) -> None:
    session = entropy_session(personas, points)
    table = [[9, 5, 3], [5, 5, 6], [3, 5, 8], [7, 5, 2]]
    score_all(session, personas.expert, table)
    result = compute_result(session)
    assert result["problem"] is None
    assert result["zero_variance"] == [1]
    assert result["weights"][1] == 0.0
    benefit = [c.is_benefit for c in default_criteria()[:3]]
    expected = mcda.entropy_weights(np.array(table, dtype=float), benefit)
    assert result["weights"] == pytest.approx(expected.tolist(), abs=1e-12)
    assert result["topsis"] is not None


def test_entropy_with_no_variation_at_all_says_so(personas, points) -> None:
    session = entropy_session(personas, points)
    score_all(session, personas.expert, [[5, 5, 5]] * 4)
    with translation.override("en"):
        result = compute_result(session)
    assert result["problem"].startswith("No criterion tells the points apart")
    assert result["weights"] is None and result["topsis"] is None


def test_a_criterion_everyone_scores_zero_is_named(personas, points) -> None:
    session = make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
        scale=ScoringSession.Scale.NUMBER,
    )
    rows = scoring.session_criteria(session)
    scoring.session_set_direct_weights(
        actor=personas.officer, session=session, weights={r.criterion_id: 1 for r in rows}
    )
    score_all(session, personas.expert, [[0, 5, 1], [0, 6, 2], [0, 7, 3], [0, 8, 4]])
    with translation.override("en"):
        result = compute_result(session)
    assert result["problem"] == (
        f"Every point scores 0 on {rows[0].criterion.name_en}, so that criterion cannot "
        "compare them."
    )


def test_a_zero_on_a_cost_criterion_names_the_point(personas, points) -> None:
    cost = [c for c in default_criteria() if not c.is_benefit]
    criteria = [default_criteria()[0], *cost]
    session = make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.expert],
        criteria=criteria,
        weight_method=ScoringSession.WeightMethod.DIRECT,
        scale=ScoringSession.Scale.NUMBER,
    )
    rows = scoring.session_criteria(session)
    scoring.session_set_direct_weights(
        actor=personas.officer, session=session, weights={r.criterion_id: 1 for r in rows}
    )
    score_all(session, personas.expert, [[5, 3], [6, 0], [7, 2], [8, 4]])
    with translation.override("en"):
        result = compute_result(session)
    assert result["problem"].startswith(f"点位1 scores 0 on {cost[0].name_en}")
