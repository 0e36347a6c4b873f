"""The numbers of a scoring session: weights, aggregated scores, ranks, sensitivity.

`compute_result` reads the session's judgements and scores and runs them through
`engine.mcda`. Its dict holds only plain lists, floats and strings, so closing a
session can store it as it is (`ScoringSession.result`) and the pages read a
frozen result exactly like a live one. When something stops the ranking (no
weights yet, a point nobody scored), `problem` says so in the reader's language
and the parts that could be computed are still there.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from engine import mcda
from tuwei.chains.models import PointScore, ScoringSession
from tuwei.chains.services.mcda_messages import mcda_message
from tuwei.chains.services.scoring import session_criteria
from tuwei.chains.services.scoring_ahp import stored_comparisons
from tuwei.core.i18n import localise_name, localise_text

RESULT_VERSION = 1
SENSITIVITY_STEPS = (-0.3, -0.2, -0.1, 0.1, 0.2, 0.3)

NO_JUDGEMENTS = _("No rater has saved pairwise comparisons yet, so there are no weights.")
NO_DIRECT_WEIGHTS = _("The criteria weights have not been entered yet.")
UNSCORED = _("No rater has scored these points yet, so they cannot be ranked: %(points)s.")
ZERO_COLUMN = _("Every point scores 0 on %(criterion)s, so that criterion cannot compare them.")


def _floats(values: Any) -> list[float]:
    return [float(value) for value in np.asarray(values, dtype=np.float64).ravel()]


def _ints(values: Any) -> list[int]:
    return [int(value) for value in np.asarray(values).ravel()]


def compute_result(session: ScoringSession) -> dict[str, Any]:
    rows = session_criteria(session)
    points = list(session.points.order_by("pk"))
    criteria = [row.criterion for row in rows]
    criterion_names = [localise_name(c.name, c.name_en) for c in criteria]
    point_names = [localise_text(point.title) for point in points]
    benefit = np.array([c.is_benefit for c in criteria], dtype=np.bool_)
    raters = list(session.raters.order_by("real_name", "username"))
    result: dict[str, Any] = {
        "version": RESULT_VERSION,
        "weight_method": session.weight_method,
        "scale": session.scale,
        "top_n": session.top_n,
        "criteria": [
            {"id": c.pk, "code": c.code, "name": c.name, "name_en": c.name_en, "benefit": b}
            for c, b in zip(criteria, benefit.tolist(), strict=True)
        ],
        "points": [{"id": point.pk, "title": point.title} for point in points],
        "raters": [{"id": rater.pk, "name": str(rater), "cr": None} for rater in raters],
        "weights": None,
        "consistency_ratio": None,
        "zero_variance": [],
        "unscored": [],
        "scored_by": [],
        "matrix": None,
        "topsis": None,
        "wsm": None,
        "sensitivity": None,
        "problem": None,
    }

    def fail(message: Any) -> dict[str, Any]:
        result["problem"] = result["problem"] or str(message)
        return result

    def engine_failed(exc: mcda.MCDAError, **context: Any) -> dict[str, Any]:
        return fail(mcda_message(exc, criteria=criterion_names, **context))

    # Mean score per point and criterion over the raters who scored that point.
    sums: dict[tuple[int, int], list[float]] = defaultdict(list)
    raters_per_point: dict[int, set[int]] = defaultdict(set)
    for point_id, criterion_id, rater_id, value in PointScore.objects.filter(
        session=session
    ).values_list("point_id", "criterion_id", "rater_id", "value"):
        sums[(point_id, criterion_id)].append(value)
        raters_per_point[point_id].add(rater_id)
    result["scored_by"] = [len(raters_per_point[point.pk]) for point in points]
    unscored = [
        index
        for index, point in enumerate(points)
        if any(not sums[(point.pk, c.pk)] for c in criteria)
    ]
    result["unscored"] = unscored
    matrix: np.ndarray | None = None
    if not unscored:
        matrix = np.array(
            [[float(np.mean(sums[(point.pk, c.pk)])) for c in criteria] for point in points]
        )
        result["matrix"] = [_floats(row) for row in matrix]

    # Weights.
    weights: np.ndarray | None = None
    method = session.weight_method
    if method == ScoringSession.WeightMethod.AHP:
        judgements = {j.rater_id: j for j in session.judgements.all()}
        mine = [judgements[r.pk] for r in raters if r.pk in judgements]
        for entry in result["raters"]:
            judgement = judgements.get(entry["id"])
            entry["cr"] = judgement.consistency_ratio if judgement else None
        if not mine:
            fail(NO_JUDGEMENTS)
        else:
            try:
                matrices = [
                    mcda.reciprocal_matrix(len(criteria), stored_comparisons(j)) for j in mine
                ]
                combined = mcda.ahp(mcda.geometric_mean_aggregate(matrices))
            except mcda.MCDAError as exc:
                return engine_failed(exc, pairwise=True)
            weights = np.asarray(combined.weights)
            result["consistency_ratio"] = float(combined.cr)
    elif method == ScoringSession.WeightMethod.DIRECT:
        entered = [row.direct_weight for row in rows]
        if any(w is None for w in entered):
            fail(NO_DIRECT_WEIGHTS)
        else:
            weights = np.array(entered, dtype=np.float64)
            weights = weights / weights.sum()
    if weights is not None:
        result["weights"] = _floats(weights)
    if unscored:
        names = ", ".join(point_names[index] for index in unscored)
        return fail(str(UNSCORED) % {"points": names})
    assert matrix is not None
    if method == ScoringSession.WeightMethod.ENTROPY:
        try:
            weights = mcda.entropy_weights(matrix, benefit)
        except mcda.MCDAError as exc:
            return engine_failed(exc)
        result["zero_variance"] = [int(j) for j in np.flatnonzero(np.ptp(matrix, axis=0) == 0)]
        result["weights"] = _floats(weights)
    if weights is None:
        return result

    # Ranks.
    zero_columns = np.flatnonzero((matrix == 0).all(axis=0))
    if zero_columns.size:
        return fail(str(ZERO_COLUMN) % {"criterion": criterion_names[int(zero_columns[0])]})
    try:
        topsis = mcda.topsis(matrix, weights, benefit)
        wsm_scores = mcda.weighted_sum(matrix, weights, benefit)
        wsm_ranks = mcda.ranks_from_scores(wsm_scores)
        top_n = min(session.top_n, len(points))
        spread = mcda.sensitivity(
            matrix, weights, benefit, steps=SENSITIVITY_STEPS, top_n=top_n, method="topsis"
        )
    except mcda.MCDAError as exc:
        return engine_failed(exc, points=point_names)
    result["topsis"] = {"scores": _floats(topsis.scores), "ranks": _ints(topsis.ranks)}
    result["wsm"] = {"scores": _floats(wsm_scores), "ranks": _ints(wsm_ranks)}
    result["sensitivity"] = {
        "steps": _floats(spread.steps),
        "top_n": int(spread.top_n),
        "base": _ints(spread.base_ranks),
        "min": _ints(spread.min_ranks),
        "max": _ints(spread.max_ranks),
        "stays": [bool(value) for value in spread.stays_in_top_n],
    }
    return result


def session_result(session: ScoringSession) -> dict[str, Any]:
    """The frozen result of a finished session, else the live one."""
    if session.status == ScoringSession.Status.CLOSED and session.result:
        return {**session.result, "problem": None}
    return compute_result(session)
