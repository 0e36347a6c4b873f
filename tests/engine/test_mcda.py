"""Tests for engine.mcda: published worked examples, reference libraries, error codes.

Runs without Django or a database: ``python -m pytest tests/engine -p no:django``.
"""

from __future__ import annotations

import itertools
import warnings
from typing import Literal

import ahpy
import numpy as np
import pytest
from pymcdm import normalizations
from pymcdm.methods import TOPSIS, WSM
from pymcdm.weights import entropy_weights as pymcdm_entropy_weights

from engine import mcda
from engine.mcda import MCDAError

SAATY_SCALE = np.array(
    [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]
)
N_RANDOM_CASES = 50

# ahpy's random_index="saaty" table (Saaty 2005, ANP book) differs from Saaty 1980's, which the
# engine uses; CR is compared through CI = CR * RI so the table choice cannot mask a difference.
AHPY_SAATY_RI = {3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45}


def random_pairwise(
    rng: np.random.Generator, n: int
) -> tuple[np.ndarray, dict[tuple[int, int], float]]:
    """A reciprocal matrix of Saaty-scale judgements (as inconsistent as chance makes it)."""
    upper = {(i, j): float(rng.choice(SAATY_SCALE)) for i in range(n) for j in range(i + 1, n)}
    return mcda.reciprocal_matrix(n, upper), upper


def random_problem(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    m, n = int(rng.integers(3, 10)), int(rng.integers(3, 10))
    x = rng.uniform(1.0, 100.0, size=(m, n))
    weights = rng.dirichlet(np.ones(n))
    benefit = rng.random(n) < 0.6
    return x, weights, benefit


def pymcdm_types(benefit: np.ndarray) -> np.ndarray:
    return np.where(benefit, 1, -1)


def consistent_matrix(w: np.ndarray) -> np.ndarray:
    return w[:, np.newaxis] / w[np.newaxis, :]


# --- AHP: published examples --------------------------------------------------------------------

# Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European Journal of
# Operational Research 48(1), 9-26, "buying a house" example. Criteria: size, transportation,
# neighbourhood, age, yard, modern facilities, general condition, financing. Published: priorities
# .173 .054 .188 .018 .031 .036 .167 .333; lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169.
HOUSE_CRITERIA: list[list[float]] = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]
# Same paper, houses A, B, C compared on size of house. Published: .754 .181 .065;
# lambda_max = 3.136, C.I. = 0.068, C.R. = 0.117.
HOUSE_SIZE: list[list[float]] = [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]]


def test_saaty_house_criteria_matches_published_priorities_and_consistency() -> None:
    result = mcda.ahp(HOUSE_CRITERIA)
    published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    np.testing.assert_allclose(result.weights, published, atol=5e-4)
    assert result.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert result.ci == pytest.approx(0.238, abs=5e-4)
    assert result.cr == pytest.approx(0.169, abs=5e-4)
    assert not result.is_consistent
    # Neighbourhood (2) is judged 6x more important than general condition (6), although the
    # weights rank condition close to neighbourhood: the judgement most at odds with the rest.
    assert result.most_inconsistent_pair == (2, 6)


def test_saaty_house_size_matches_published_priorities_and_consistency() -> None:
    result = mcda.ahp(HOUSE_SIZE)
    np.testing.assert_allclose(result.weights, [0.754, 0.181, 0.065], atol=5e-4)
    assert result.lambda_max == pytest.approx(3.136, abs=5e-4)
    assert result.ci == pytest.approx(0.068, abs=5e-4)
    assert result.cr == pytest.approx(0.117, abs=5e-4)
    assert not result.is_consistent


@pytest.mark.parametrize(
    "w", [[8, 4, 2, 1], [9, 6, 3, 2, 1], [1, 1, 1], [3, 1, 2, 5, 4, 6, 7, 9, 8]]
)
def test_consistent_matrix_has_zero_cr_and_exact_weights(w: list[float]) -> None:
    weights = np.array(w, dtype=float)
    result = mcda.ahp(consistent_matrix(weights), check_scale=False)
    assert result.cr == pytest.approx(0.0, abs=1e-12)
    assert result.ci == pytest.approx(0.0, abs=1e-12)
    assert result.lambda_max == pytest.approx(len(w), abs=1e-12)
    np.testing.assert_allclose(result.weights, weights / weights.sum(), atol=1e-12)
    assert result.is_consistent
    assert result.most_inconsistent_pair is None


def test_saaty_random_index_table() -> None:
    assert list(mcda.SAATY_RANDOM_INDEX) == list(range(1, 16))
    assert [mcda.SAATY_RANDOM_INDEX[n] for n in (3, 4, 5, 9, 12, 15)] == [
        0.58,
        0.90,
        1.12,
        1.45,
        1.48,
        1.59,
    ]


def test_small_matrices_are_consistent_by_definition() -> None:
    one = mcda.ahp([[1]])
    two = mcda.ahp([[1.0, 7.0], [1 / 7, 1.0]])
    np.testing.assert_allclose(one.weights, [1.0])
    np.testing.assert_allclose(two.weights, [7 / 8, 1 / 8], atol=1e-12)
    for result in (one, two):
        assert (result.ci, result.cr, result.is_consistent) == (0.0, 0.0, True)
        assert result.most_inconsistent_pair is None


# --- AHP: against ahpy -------------------------------------------------------------------------


def test_ahp_matches_ahpy_on_random_matrices() -> None:
    # precision=10, not 15: ahpy finds the eigenvector by repeatedly squaring the raw matrix and
    # stops when successive vectors agree to `precision` decimals; asking for 15 needs more
    # squarings and overflows float64 on ~7 % of random 3..9 matrices. Rounding to 10 decimals
    # leaves an error of at most 5e-11, well inside the 1e-9 tolerance.
    rng = np.random.default_rng(20_240_601)
    for case in range(N_RANDOM_CASES):
        n = int(rng.integers(3, 10))
        matrix, upper = random_pairwise(rng, n)
        ours = mcda.ahp(matrix)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an ahpy overflow must fail loudly, not compare NaN
            reference = ahpy.Compare(
                "criteria",
                {(f"c{i}", f"c{j}"): v for (i, j), v in upper.items()},
                precision=10,
                random_index="saaty",
            )
        expected = [reference.target_weights[f"c{i}"] for i in range(n)]
        np.testing.assert_allclose(
            ours.weights, expected, rtol=0, atol=1e-9, err_msg=f"case {case}"
        )
        ahpy_ci = reference.consistency_ratio * AHPY_SAATY_RI[n]
        assert ours.ci == pytest.approx(ahpy_ci, abs=1e-9), f"case {case}"
        assert ours.cr == pytest.approx(ours.ci / mcda.SAATY_RANDOM_INDEX[n], rel=1e-12)


def test_ahp_from_upper_equals_ahp_on_the_full_matrix() -> None:
    upper = {(0, 1): 3.0, (0, 2): 5.0, (1, 2): 1 / 2}
    full = np.array([[1, 3, 5], [1 / 3, 1, 1 / 2], [1 / 5, 2, 1]])
    np.testing.assert_array_equal(mcda.reciprocal_matrix(3, upper), full)
    np.testing.assert_allclose(mcda.ahp_from_upper(3, upper).weights, mcda.ahp(full).weights)


# --- Most inconsistent pair --------------------------------------------------------------------


@pytest.mark.parametrize("pair", list(itertools.combinations(range(5), 2)))
def test_corrupted_judgement_is_named_and_breaks_consistency(pair: tuple[int, int]) -> None:
    matrix = consistent_matrix(np.array([9.0, 6.0, 3.0, 2.0, 1.0]))
    i, j = pair
    matrix[i, j] /= 9  # a rater misjudges this one pair by the whole width of the scale
    matrix[j, i] = 1 / matrix[i, j]
    result = mcda.ahp(matrix)
    assert result.most_inconsistent_pair == pair
    assert result.cr >= 0.1
    assert not result.is_consistent


# --- Geometric-mean aggregation ----------------------------------------------------------------


def test_geometric_mean_of_one_matrix_is_that_matrix() -> None:
    np.testing.assert_allclose(mcda.geometric_mean_aggregate([HOUSE_SIZE]), HOUSE_SIZE, rtol=1e-15)


def test_geometric_mean_keeps_reciprocity_and_is_elementwise() -> None:
    rng = np.random.default_rng(7)
    matrices = [random_pairwise(rng, 6)[0] for _ in range(5)]
    group = mcda.geometric_mean_aggregate(matrices)
    np.testing.assert_allclose(group * group.T, np.ones((6, 6)), rtol=1e-12)
    np.testing.assert_allclose(np.diag(group), np.ones(6), rtol=0, atol=0)
    np.testing.assert_allclose(group, np.prod(matrices, axis=0) ** (1 / 5), rtol=1e-12)
    assert mcda.ahp(group).weights.sum() == pytest.approx(1.0)


def test_geometric_mean_opposite_raters_cancel_and_rater_weights_apply() -> None:
    a: list[list[float]] = [[1, 9], [1 / 9, 1]]
    b: list[list[float]] = [[1, 1 / 9], [9, 1]]
    np.testing.assert_allclose(mcda.geometric_mean_aggregate([a, b]), np.ones((2, 2)))
    np.testing.assert_allclose(mcda.geometric_mean_aggregate([a, b], [1, 0]), a, rtol=1e-15)
    weighted = mcda.geometric_mean_aggregate([a, b], [3, 1])
    assert weighted[0, 1] == pytest.approx(9**0.5)


# --- Entropy weights ---------------------------------------------------------------------------


def test_entropy_weights_match_pymcdm_on_random_matrices() -> None:
    rng = np.random.default_rng(11)
    for case in range(N_RANDOM_CASES):
        x, _, benefit = random_problem(rng)
        ours = mcda.entropy_weights(x, benefit)
        np.testing.assert_allclose(
            ours, pymcdm_entropy_weights(x), rtol=0, atol=1e-9, err_msg=f"case {case}"
        )
        # Direction never enters the entropy, exactly as in pymcdm.
        np.testing.assert_array_equal(ours, mcda.entropy_weights(x, ~benefit))
        np.testing.assert_array_equal(ours, mcda.entropy_weights(x))


def test_constant_column_gets_exactly_zero_weight() -> None:
    x = np.array([[1.0, 5.0, 2.0], [3.0, 5.0, 2.0], [6.0, 5.0, 9.0]])
    weights = mcda.entropy_weights(x)
    assert weights[1] == 0.0
    assert weights.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(weights[[0, 2]], pymcdm_entropy_weights(x[:, [0, 2]]), atol=1e-12)


def test_entropy_treats_zero_entries_as_zero_contribution() -> None:
    x = np.array([[0.0, 1.0], [2.0, 2.0], [2.0, 4.0]])
    # Column 0: p = (0, 1/2, 1/2), e = ln 2 / ln 3. Column 1: p = (1, 2, 4) / 7.
    p1 = np.array([1.0, 2.0, 4.0]) / 7
    d = np.array([1 - np.log(2) / np.log(3), 1 + np.sum(p1 * np.log(p1)) / np.log(3)])
    np.testing.assert_allclose(mcda.entropy_weights(x), d / d.sum(), rtol=1e-12)


# --- TOPSIS ------------------------------------------------------------------------------------

# Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications,
# Springer, fighter-aircraft example. Criteria: max speed (Mach), ferry range (NM), max payload
# (lb), acquisition cost ($M, cost criterion), reliability, manoeuvrability (interval scale: low 3,
# average 5, high 7, very high 9); weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3).
# Published relative closeness C*: A1 0.643, A2 0.268, A3 0.613, A4 0.312; A1 > A3 > A4 > A2.
FIGHTERS: list[list[float]] = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
FIGHTER_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
FIGHTER_BENEFIT = [True, True, True, False, True, True]


def test_topsis_fighter_aircraft_matches_hwang_and_yoon() -> None:
    result = mcda.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT)
    published = [0.643, 0.268, 0.613, 0.312]
    # The book rounds the distances to 4 decimals before dividing (A3: 0.0920 / (0.0580 + 0.0920)
    # = 0.613, exact 0.6135), so exact scores agree to 1e-3 and the book's arithmetic exactly.
    np.testing.assert_allclose(result.scores, published, atol=1e-3)
    d_plus = result.distance_to_ideal.round(4)
    d_minus = result.distance_to_anti_ideal.round(4)
    np.testing.assert_array_equal((d_minus / (d_plus + d_minus)).round(3), published)
    np.testing.assert_array_equal(result.ranks, [1, 4, 2, 3])
    np.testing.assert_allclose(
        result.scores,
        result.distance_to_anti_ideal / (result.distance_to_ideal + result.distance_to_anti_ideal),
    )


def test_topsis_matches_pymcdm_vector_normalisation_on_random_matrices() -> None:
    # pymcdm's TOPSIS defaults to min-max normalisation, so vector normalisation is passed
    # explicitly. pymcdm turns cost columns into 1 - r and always takes the max as ideal; the
    # distances are identical to taking the min of r as ideal, as the engine does.
    reference = TOPSIS(normalization_function=normalizations.vector_normalization)
    rng = np.random.default_rng(23)
    for case in range(N_RANDOM_CASES):
        x, weights, benefit = random_problem(rng)
        ours = mcda.topsis(x, weights, benefit)
        expected = reference(x, weights, pymcdm_types(benefit), validation=False)
        np.testing.assert_allclose(ours.scores, expected, rtol=0, atol=1e-9, err_msg=f"case {case}")
        np.testing.assert_array_equal(ours.ranks, mcda.ranks_from_scores(expected))


def test_topsis_identical_alternatives_score_one_half_in_list_order() -> None:
    result = mcda.topsis([[3, 4], [3, 4], [3, 4]], [0.5, 0.5], [True, False])
    np.testing.assert_array_equal(result.scores, [0.5, 0.5, 0.5])
    np.testing.assert_array_equal(result.ranks, [1, 2, 3])
    np.testing.assert_array_equal(result.distance_to_ideal, [0, 0, 0])


def test_topsis_single_alternative_and_zero_weight_criterion() -> None:
    assert mcda.topsis([[1, 2]], [1, 1], [True, True]).scores.tolist() == [0.5]
    # The only criterion that differs has weight 0, so the alternatives are tied.
    result = mcda.topsis([[1, 5], [1, 9]], [1, 0], [True, True])
    np.testing.assert_array_equal(result.scores, [0.5, 0.5])


def test_topsis_is_invariant_to_weight_scale() -> None:
    a = mcda.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT)
    b = mcda.topsis(FIGHTERS, np.array(FIGHTER_WEIGHTS) * 10, FIGHTER_BENEFIT)
    np.testing.assert_allclose(a.scores, b.scores, rtol=1e-14)
    np.testing.assert_allclose(a.distance_to_ideal, b.distance_to_ideal, rtol=1e-14)


# --- Weighted sum ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("normalization", "reference"),
    [
        ("linear", WSM(normalization_function=normalizations.linear_normalization)),
        ("sum", WSM()),  # pymcdm's default WSM normalisation is sum_normalization
    ],
)
def test_weighted_sum_matches_pymcdm_on_random_matrices(
    normalization: Literal["linear", "sum"], reference: WSM
) -> None:
    rng = np.random.default_rng(31)
    for case in range(N_RANDOM_CASES):
        x, weights, benefit = random_problem(rng)
        ours = mcda.weighted_sum(x, weights, benefit, normalization=normalization)
        expected = reference(x, weights, pymcdm_types(benefit), validation=False)
        np.testing.assert_allclose(ours, expected, rtol=0, atol=1e-9, err_msg=f"case {case}")


def test_weighted_sum_linear_by_hand() -> None:
    # Benefit column / max, cost column min / x: row 0 -> 0.5 * 2/4 + 0.5 * 1/1 = 0.75.
    scores = mcda.weighted_sum([[2, 1], [4, 2]], [1, 1], [True, False])
    np.testing.assert_allclose(scores, [0.75, 0.75])
    np.testing.assert_array_equal(mcda.ranks_from_scores(scores), [1, 2])
    np.testing.assert_allclose(
        mcda.weighted_sum([[2, 0], [4, 3]], [1, 3], [True, True]), [0.125, 1.0]
    )


# --- Ranks -------------------------------------------------------------------------------------


def test_ranks_from_scores_breaks_ties_by_position() -> None:
    np.testing.assert_array_equal(mcda.ranks_from_scores([0.2, 0.9, 0.2, 0.5]), [3, 1, 4, 2])
    np.testing.assert_array_equal(
        mcda.ranks_from_scores([3, 1, 3, 2], higher_is_better=False), [3, 1, 4, 2]
    )
    assert mcda.ranks_from_scores([0.0, -0.0]).tolist() == [1, 2]
    assert mcda.ranks_from_scores([]).tolist() == []


# --- Sensitivity -------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_zero_steps_never_change_ranks(method: Literal["topsis", "wsm"]) -> None:
    rng = np.random.default_rng(5)
    x, weights, benefit = random_problem(rng)
    result = mcda.sensitivity(x, weights, benefit, steps=(0.0, 0.0), method=method)
    assert (result.ranks == result.base_ranks).all()
    np.testing.assert_array_equal(result.min_ranks, result.base_ranks)
    np.testing.assert_array_equal(result.max_ranks, result.base_ranks)
    np.testing.assert_array_equal(result.stays_in_top_n, result.base_ranks <= 3)


@pytest.mark.parametrize("method", ["topsis", "wsm"])
def test_dominant_alternative_stays_first_under_every_perturbation(
    method: Literal["topsis", "wsm"],
) -> None:
    x = np.array([[5.0, 8.0, 3.0, 10.0], [9.0, 9.0, 1.0, 20.0], [6.0, 2.0, 2.0, 12.0]])
    benefit = [True, True, False, True]  # row 1 is best on all four (lowest cost in column 2)
    result = mcda.sensitivity(x, [0.1, 0.2, 0.3, 0.4], benefit, top_n=1, method=method)
    assert (result.ranks[:, :, 1] == 1).all()
    assert result.stays_in_top_n.tolist() == [False, True, False]
    assert (result.min_ranks[1], result.max_ranks[1]) == (1, 1)


def test_sensitivity_table_shape_and_renormalised_weights() -> None:
    weights = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
    result = mcda.sensitivity(FIGHTERS, weights, FIGHTER_BENEFIT)
    assert result.ranks.shape == (6, 6, 4)
    assert result.weights.shape == (6, 6, 6)
    np.testing.assert_allclose(result.weights.sum(axis=2), 1.0, rtol=1e-12)
    for j, (s, step) in itertools.product(range(6), enumerate(mcda.DEFAULT_STEPS)):
        perturbed = result.weights[j, s]
        others = np.delete(np.arange(6), j)
        # The perturbed criterion moved by (1 + step) relative to every other criterion.
        ratio = (perturbed[j] / perturbed[others]) / (weights[j] / weights[others])
        np.testing.assert_allclose(ratio, 1 + step, rtol=1e-12)
    assert (result.min_ranks <= result.base_ranks).all()
    assert (result.base_ranks <= result.max_ranks).all()
    np.testing.assert_array_equal(result.base_ranks, [1, 4, 2, 3])
    for a in range(4):
        assert result.min_ranks[a] == min(result.base_ranks[a], result.ranks[:, :, a].min())
        assert result.max_ranks[a] == max(result.base_ranks[a], result.ranks[:, :, a].max())
    np.testing.assert_array_equal(result.stays_in_top_n, result.max_ranks <= 3)


def test_sensitivity_flags_a_fragile_winner() -> None:
    # Two near-equal front runners: tilting the weights swaps them.
    x = [[10.0, 1.0], [1.0, 10.0], [1.0, 1.0]]
    result = mcda.sensitivity(x, [0.51, 0.49], [True, True], top_n=1, method="wsm")
    assert result.base_ranks.tolist() == [1, 2, 3]
    assert result.stays_in_top_n.tolist() == [False, False, False]
    assert result.min_ranks.tolist() == [1, 1, 3]
    assert result.max_ranks.tolist() == [2, 2, 3]


def test_results_are_read_only() -> None:
    result = mcda.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT)
    with pytest.raises(ValueError, match="read-only"):
        result.scores[0] = 1.0
    with pytest.raises(AttributeError):
        result.scores = np.zeros(4)  # type: ignore[misc]


# --- Scale scores -------------------------------------------------------------------------------


def test_validate_scale_scores_names_the_offending_cell() -> None:
    grid = [[1, 5, 9], [3, 10, 2]]
    with pytest.raises(MCDAError) as caught:
        mcda.validate_scale_scores(grid, 1, 9)
    assert caught.value.code == "out_of_range"
    assert caught.value.index == (1, 1)
    assert "row 1, column 1" in str(caught.value)
    with pytest.raises(MCDAError, match="position 2") as caught:
        mcda.validate_scale_scores([1, 9, 0.5], 1, 9)
    assert caught.value.code == "out_of_range"
    np.testing.assert_array_equal(mcda.validate_scale_scores([[1, 9]], 1, 9), [[1.0, 9.0]])
