"""Tests for engine.mcda: every bad input is refused with its stable error code.

Runs without Django or a database: ``python -m pytest tests/engine -p no:django``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np
import pytest

from engine import mcda
from engine.mcda import MCDAError

# --- Error codes ---------------------------------------------------------------------------------

GOOD_X = [[1.0, 2.0], [3.0, 4.0]]
BAD_INPUTS: list[tuple[str, str, Callable[[], object]]] = [
    ("empty", "ahp", lambda: mcda.ahp([])),
    ("empty", "topsis", lambda: mcda.topsis(np.empty((0, 2)), [1, 1], [True, True])),
    ("empty", "aggregate", lambda: mcda.geometric_mean_aggregate([])),
    ("not_numeric", "ragged", lambda: mcda.topsis([[1, 2], [3]], [1, 1], [True, True])),
    ("not_numeric", "text", lambda: mcda.ahp(cast(Any, [["a", 1], [1, 1]]))),
    ("not_finite", "nan", lambda: mcda.ahp([[1.0, np.nan], [1.0, 1.0]])),
    ("not_finite", "inf", lambda: mcda.entropy_weights([[1.0, np.inf], [2.0, 3.0]])),
    ("not_finite", "scores", lambda: mcda.ranks_from_scores([0.1, np.nan])),
    ("not_finite", "upper", lambda: mcda.ahp_from_upper(2, {(0, 1): np.inf})),
    ("shape_mismatch", "weights", lambda: mcda.topsis(GOOD_X, [1, 1, 1], [True, True])),
    ("shape_mismatch", "benefit", lambda: mcda.weighted_sum(GOOD_X, [1, 1], [True])),
    ("shape_mismatch", "1-D", lambda: mcda.topsis([1, 2], [1, 1], [True, True])),
    (
        "shape_mismatch",
        "raters",
        lambda: mcda.geometric_mean_aggregate([np.ones((1, 1)), np.ones((3, 3))]),
    ),
    ("not_boolean", "1/-1", lambda: mcda.topsis(GOOD_X, [1, 1], [1, -1])),
    ("matrix_not_square", "3x2", lambda: mcda.ahp([[1.0, 2.0], [0.5, 1.0], [1.0, 1.0]])),
    ("too_large", "16", lambda: mcda.ahp(np.ones((16, 16)))),
    ("non_positive", "zero", lambda: mcda.ahp([[1, 0], [0, 1]])),
    ("non_positive", "upper", lambda: mcda.ahp_from_upper(2, {(0, 1): -3})),
    (
        "non_positive",
        "wsm cost",
        lambda: mcda.weighted_sum([[1, 0], [2, 3]], [1, 1], [True, False]),
    ),
    ("out_of_scale", "10", lambda: mcda.ahp([[1.0, 10.0], [0.1, 1.0]])),
    ("not_reciprocal", "3 and 3", lambda: mcda.ahp([[1, 3], [3, 1]])),
    ("not_reciprocal", "diagonal", lambda: mcda.ahp([[2, 1], [1, 1]])),
    ("bad_pair", "lower", lambda: mcda.reciprocal_matrix(3, {(1, 0): 2})),
    ("bad_pair", "outside", lambda: mcda.reciprocal_matrix(3, {(0, 3): 2})),
    ("missing_comparison", "(1, 2)", lambda: mcda.ahp_from_upper(3, {(0, 1): 2, (0, 2): 3})),
    ("negative_value", "matrix", lambda: mcda.topsis([[1, -2], [3, 4]], [1, 1], [True, True])),
    ("negative_value", "weight", lambda: mcda.weighted_sum(GOOD_X, [1, -1], [True, True])),
    ("zero_weights", "all zero", lambda: mcda.topsis(GOOD_X, [0, 0], [True, True])),
    ("zero_column", "topsis", lambda: mcda.topsis([[1, 0], [2, 0]], [1, 1], [True, True])),
    ("zero_column", "wsm", lambda: mcda.weighted_sum([[0, 1], [0, 2]], [1, 1], [True, True])),
    ("zero_variance", "constant", lambda: mcda.entropy_weights([[1, 2], [1, 2], [1, 2]])),
    ("zero_variance", "one row", lambda: mcda.entropy_weights([[1, 2]])),
    ("out_of_range", "scale", lambda: mcda.validate_scale_scores([[1, 12]], 1, 9)),
    (
        "bad_parameter",
        "method",
        lambda: mcda.sensitivity(GOOD_X, [1, 1], [True, True], method=cast(Any, "vikor")),
    ),
    ("bad_parameter", "top_n", lambda: mcda.sensitivity(GOOD_X, [1, 1], [True, True], top_n=0)),
    (
        "bad_parameter",
        "step",
        lambda: mcda.sensitivity(GOOD_X, [1, 1], [True, True], steps=(-1.0,)),
    ),
    ("bad_parameter", "range", lambda: mcda.validate_scale_scores([1], 9, 1)),
    (
        "bad_parameter",
        "normalisation",
        lambda: mcda.weighted_sum(GOOD_X, [1, 1], [True, True], normalization=cast(Any, "max")),
    ),
]


@pytest.mark.parametrize(
    ("code", "call"), [(c, f) for c, _, f in BAD_INPUTS], ids=[f"{c}-{d}" for c, d, _ in BAD_INPUTS]
)
def test_bad_input_raises_mcda_error_with_code(code: str, call: Callable[[], object]) -> None:
    with pytest.raises(MCDAError) as caught:
        call()
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)


def test_every_error_code_is_exercised() -> None:
    assert {code for code, _, _ in BAD_INPUTS} == mcda.ERROR_CODES


def test_error_index_points_at_the_cell() -> None:
    with pytest.raises(MCDAError) as caught:
        mcda.ahp([[1.0, 2.0, 3.0], [1 / 2, 1.0, 4.0], [1 / 3, 1 / 5, 1.0]])
    assert caught.value.code == "not_reciprocal"
    assert caught.value.index == (1, 2)


def test_reciprocity_tolerance_can_be_loosened_for_hand_typed_matrices() -> None:
    typed: list[list[float]] = [[1, 3, 0.2], [0.33, 1, 0.5], [5, 2, 1]]
    with pytest.raises(MCDAError, match="not reciprocal"):
        mcda.ahp(typed)
    assert mcda.ahp(typed, rtol=0.02).weights.shape == (3,)
