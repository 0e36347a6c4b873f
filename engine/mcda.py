"""Multi-criteria decision analysis (MCDA) for ranking breakthrough-program candidates.

The web layer collects judgements (pairwise comparisons, 1-9 scale scores, raw indicators) and
hands them here as plain lists or arrays; everything returned is a numpy array or a frozen
dataclass, so results can be stored, charted or compared without any framework in the way.

Every rejection of bad input is an :class:`MCDAError` carrying a stable ``code`` from
:data:`ERROR_CODES`: the web layer translates codes, never English messages. Each method states
which ``ahpy``/``pymcdm`` configuration it reproduces; the tests hold it to that at 1e-9.

Only numpy is imported: scipy is a development dependency of the project, not a run-time one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Saaty's random consistency index RI[n] for an n x n matrix, n = 1..15, as tabulated by
#: Saaty (1980); the dip at n = 12 is kept as published.
# fmt: off
SAATY_RANDOM_INDEX: Mapping[int, float] = MappingProxyType(
    {
        1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41,
        9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
    }
)
# fmt: on
#: Judgements are conventionally called acceptable when CR is below this (Saaty's 10 % rule).
CONSISTENCY_THRESHOLD = 0.1
SAATY_MIN, SAATY_MAX = 1.0 / 9.0, 9.0
DEFAULT_STEPS: tuple[float, ...] = (-0.3, -0.2, -0.1, 0.1, 0.2, 0.3)

#: Every code an :class:`MCDAError` can carry; the web layer maps each to a translated message.
# fmt: off
ERROR_CODES: frozenset[str] = frozenset({
    # any input: nothing there, not numbers, NaN/inf, wrong dimensions or lengths, flags not bool
    "empty", "not_numeric", "not_finite", "shape_mismatch", "not_boolean",
    # pairwise matrices and their upper-triangle form
    "matrix_not_square", "too_large", "non_positive", "out_of_scale", "not_reciprocal",
    "bad_pair", "missing_comparison",
    # decision matrices and weights
    "negative_value", "zero_weights", "zero_column", "zero_variance",
    # scale scores and tuning parameters
    "out_of_range", "bad_parameter",
})
# fmt: on


class MCDAError(ValueError):
    """Bad input for an MCDA computation.

    ``code`` is the stable key callers branch on (one of :data:`ERROR_CODES`); the message is
    for logs and developers. ``index`` locates the offending cell when there is one, so a form
    can highlight it.
    """

    def __init__(self, code: str, message: str, index: tuple[int, ...] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.index = index


def _to_array(values: ArrayLike, what: str) -> FloatArray:
    try:
        array = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        message = f"The {what} is not a rectangular array of numbers."
        raise MCDAError("not_numeric", message) from exc
    if array.size == 0:
        raise MCDAError("empty", f"The {what} is empty.")
    _reject(~np.isfinite(array), "not_finite", f"The {what} holds NaN or infinity at {{index}}.")
    return array


def _first(mask: NDArray[np.bool_]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _reject(mask: NDArray[np.bool_], code: str, message: str) -> None:
    """Raise ``code`` at the first flagged cell, so a form can point at it (``{index}``)."""
    if mask.any():
        index = _first(mask)
        raise MCDAError(code, message.format(index=index), index)


def _as_pairwise(matrix: ArrayLike, rtol: float, check_scale: bool) -> FloatArray:
    """Reject anything that is not a positive reciprocal matrix, before eigen-analysis hides it."""
    a = _to_array(matrix, "pairwise comparison matrix")
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise MCDAError("matrix_not_square", f"A pairwise matrix must be square, got {a.shape}.")
    _reject(a <= 0, "non_positive", "Pairwise entry {index} is not positive.")
    if check_scale:
        outside = (a < SAATY_MIN * (1 - 1e-9)) | (a > SAATY_MAX * (1 + 1e-9))
        _reject(outside, "out_of_scale", "Pairwise entry {index} lies outside Saaty's 1/9..9.")
    broken = np.abs(a * a.T - 1.0) > rtol
    if broken.any():
        i, j = sorted(_first(broken))
        raise MCDAError(
            "not_reciprocal", f"Entries ({i}, {j}) and ({j}, {i}) are not reciprocal.", (i, j)
        )
    return a


def _as_decision_matrix(decision_matrix: ArrayLike) -> FloatArray:
    """Alternatives in rows, criteria in columns; negatives are refused because every method here
    divides by column norms, sums or maxima, which stop meaning anything once signs mix."""
    x = _to_array(decision_matrix, "decision matrix")
    if x.ndim != 2:
        raise MCDAError("shape_mismatch", f"A decision matrix must be 2-D, got {x.ndim}-D.")
    _reject(x < 0, "negative_value", "The decision matrix is negative at {index}.")
    return x


def _as_weights(weights: ArrayLike, n_criteria: int) -> FloatArray:
    """Weights only matter relative to each other, so any non-negative vector is rescaled to 1."""
    w = _to_array(weights, "weight vector")
    if w.shape != (n_criteria,):
        raise MCDAError("shape_mismatch", f"Expected {n_criteria} weights, got shape {w.shape}.")
    _reject(w < 0, "negative_value", "Weight {index[0]} is negative.")
    total = w.sum()
    if total <= 0:
        raise MCDAError("zero_weights", "The weights must sum to a positive number.")
    return w / total


def _as_benefit(benefit: Sequence[bool] | ArrayLike, n_criteria: int) -> BoolArray:
    """Strict booleans only: pymcdm's 1/-1 convention and a 0/1 convention would otherwise be
    indistinguishable and silently flip cost criteria."""
    b = np.asarray(benefit)
    if b.shape != (n_criteria,):
        raise MCDAError("shape_mismatch", f"Expected {n_criteria} benefit flags, got {b.shape}.")
    if b.dtype != np.bool_:
        raise MCDAError("not_boolean", "Benefit flags must be True (benefit) or False (cost).")
    return b.astype(np.bool_)


@dataclass(frozen=True, eq=False)
class AHPResult:
    """Priorities and consistency of one pairwise comparison matrix.

    ``most_inconsistent_pair`` is the judgement a rater should revisit first: the (i, j), i < j,
    whose entry strays furthest, on a log scale, from the ratio w_i / w_j the weights imply.
    It is None when n <= 2 (always consistent) or when the matrix is consistent to 1e-9.
    """

    weights: FloatArray
    lambda_max: float
    ci: float
    cr: float
    is_consistent: bool
    most_inconsistent_pair: tuple[int, int] | None


def ahp(matrix: ArrayLike, *, rtol: float = 1e-6, check_scale: bool = True) -> AHPResult:
    """Saaty's eigenvector method.

    ``rtol`` bounds |a_ij * a_ji - 1|; loosen it for hand-typed matrices with rounded reciprocals
    (0.33 for 1/3). ``check_scale=False`` admits ratios outside 1/9..9, e.g. measured data.
    """
    a = _as_pairwise(matrix, rtol, check_scale)
    n = a.shape[0]
    if n > len(SAATY_RANDOM_INDEX):
        raise MCDAError("too_large", f"Saaty's random index is tabulated up to 15, not {n}.")
    if n == 1:
        return AHPResult(_frozen(np.ones(1)), 1.0, 0.0, 0.0, True, None)
    eigenvalues, eigenvectors = np.linalg.eig(a)
    k = int(np.argmax(eigenvalues.real))
    # Perron-Frobenius: for a positive matrix this vector is real with one sign throughout,
    # so dividing by its sum both normalises it and makes it positive.
    vector = eigenvectors[:, k].real
    weights = vector / vector.sum()
    lambda_max = float(eigenvalues[k].real)
    # lambda_max >= n holds exactly for reciprocal matrices; clip the rounding noise below it.
    ci = max(0.0, (lambda_max - n) / (n - 1))
    cr = ci / SAATY_RANDOM_INDEX[n] if n > 2 else 0.0
    pair: tuple[int, int] | None = None
    if n > 2:
        deviation = np.abs(np.log(a * weights[np.newaxis, :] / weights[:, np.newaxis]))
        rows, cols = np.triu_indices(n, 1)
        worst = int(np.argmax(deviation[rows, cols]))
        if deviation[rows[worst], cols[worst]] > 1e-9:
            pair = (int(rows[worst]), int(cols[worst]))
    return AHPResult(_frozen(weights), lambda_max, ci, cr, cr < CONSISTENCY_THRESHOLD, pair)


def reciprocal_matrix(n: int, upper: Mapping[tuple[int, int], float]) -> FloatArray:
    """Complete a pairwise matrix from its upper triangle, the only part the web grid asks for.

    Keys are (i, j) with 0 <= i < j < n; a_ji is set to 1 / a_ij and the diagonal to 1.
    """
    if n < 1:
        raise MCDAError("empty", "A pairwise matrix needs at least one element.")
    a = np.ones((n, n))
    seen: set[tuple[int, int]] = set()
    for key, value in upper.items():
        i, j = _pair(key, n)
        seen.add((i, j))
        try:
            number = float(value)
        except (TypeError, ValueError) as exc:
            raise MCDAError("not_numeric", f"Comparison {key} is not a number.", (i, j)) from exc
        if not np.isfinite(number):
            raise MCDAError("not_finite", f"Comparison {key} is not finite.", (i, j))
        if number <= 0:
            raise MCDAError("non_positive", f"Comparison {key} must be positive.", (i, j))
        a[i, j], a[j, i] = number, 1.0 / number
    missing = [(i, j) for i in range(n) for j in range(i + 1, n) if (i, j) not in seen]
    if missing:
        raise MCDAError("missing_comparison", f"Comparison {missing[0]} is missing.", missing[0])
    return a


def _pair(key: tuple[int, int], n: int) -> tuple[int, int]:
    """Accept only (i, j) with 0 <= i < j < n: a lower-triangle key would be ambiguous about
    which way round the judgement was meant."""
    try:
        i, j = (int(k) for k in key)
    except (TypeError, ValueError) as exc:
        raise MCDAError("bad_pair", f"Key {key!r} is not a pair of indices.") from exc
    if not 0 <= i < j < n:
        raise MCDAError("bad_pair", f"Key {key!r} is not an upper-triangle pair of {n}.", (i, j))
    return i, j


def ahp_from_upper(
    n: int, upper: Mapping[tuple[int, int], float], *, check_scale: bool = True
) -> AHPResult:
    """:func:`ahp` on the matrix completed by :func:`reciprocal_matrix`."""
    return ahp(reciprocal_matrix(n, upper), check_scale=check_scale)


def geometric_mean_aggregate(
    matrices: Sequence[ArrayLike],
    rater_weights: ArrayLike | None = None,
    *,
    rtol: float = 1e-6,
    check_scale: bool = True,
) -> FloatArray:
    """Aggregate individual judgements (AIJ) of several raters into one matrix.

    The element-wise geometric mean is the only mean that keeps the result reciprocal (Aczél &
    Saaty 1983), so the group matrix can go straight into :func:`ahp`. Optional
    ``rater_weights`` give a weighted geometric mean.
    """
    if len(matrices) == 0:
        raise MCDAError("empty", "No pairwise matrices to aggregate.")
    stack = [_as_pairwise(m, rtol, check_scale) for m in matrices]
    if any(m.shape != stack[0].shape for m in stack):
        raise MCDAError("shape_mismatch", "All raters' matrices must have the same size.")
    if rater_weights is None:
        w = np.full(len(stack), 1.0 / len(stack))
    else:
        w = _as_weights(rater_weights, len(stack))
    logs = np.log(np.stack(stack))
    return np.exp(np.tensordot(w, logs, axes=1))


def entropy_weights(
    decision_matrix: ArrayLike, benefit: Sequence[bool] | ArrayLike | None = None
) -> FloatArray:
    """Shannon-entropy weights: criteria that spread the alternatives apart weigh more.

    Each column becomes proportions p_ij = x_ij / sum_i x_ij, e_j = -sum p ln p / ln m with
    0 ln 0 = 0, d_j = 1 - e_j, w = d / sum d. Entropy measures dispersion, which does not depend
    on whether more is better, so ``benefit`` is only checked for length, never applied: the same
    as ``pymcdm.weights.entropy_weights``, which ignores criterion types. A column whose values are
    all equal tells nothing apart and gets weight exactly 0; if every column is like that there
    is nothing to weigh and ``zero_variance`` is raised.
    """
    x = _as_decision_matrix(decision_matrix)
    m, n = x.shape
    if benefit is not None:
        _as_benefit(benefit, n)
    varies = np.ptp(x, axis=0) > 0
    if not varies.any():
        raise MCDAError("zero_variance", "No criterion varies across alternatives.")
    p = x[:, varies] / x[:, varies].sum(axis=0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    divergence = np.zeros(n)
    divergence[varies] = 1.0 + plogp.sum(axis=0) / np.log(m)
    return divergence / divergence.sum()


def ranks_from_scores(scores: ArrayLike, higher_is_better: bool = True) -> IntArray:
    """Ranks 1..n with exact ties broken by position, so equal candidates keep their list order
    and a ranking never depends on sort instability."""
    s = np.asarray(scores, dtype=np.float64)
    if s.ndim != 1:
        raise MCDAError("shape_mismatch", f"Scores must be 1-D, got shape {s.shape}.")
    _reject(~np.isfinite(s), "not_finite", "Score {index[0]} is NaN or infinite.")
    order = np.argsort(-s if higher_is_better else s, kind="stable")
    ranks = np.empty(s.shape[0], dtype=np.int64)
    ranks[order] = np.arange(1, s.shape[0] + 1)
    return ranks


@dataclass(frozen=True, eq=False)
class TOPSISResult:
    """Closeness C = d- / (d+ + d-) in [0, 1] (1 = at the ideal), ranks 1 = best, and the two
    Euclidean distances in the weighted, vector-normalised space."""

    scores: FloatArray
    ranks: IntArray
    distance_to_ideal: FloatArray
    distance_to_anti_ideal: FloatArray


def _topsis(x: FloatArray, w: FloatArray, b: BoolArray) -> TOPSISResult:
    norms = np.sqrt((x**2).sum(axis=0))
    if (norms == 0).any():
        column = int(np.argmax(norms == 0))
        raise MCDAError("zero_column", f"Criterion {column} is zero for every alternative.")
    v = x / norms * w
    ideal = np.where(b, v.max(axis=0), v.min(axis=0))
    anti = np.where(b, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    total = d_plus + d_minus
    # total == 0 only when ideal == anti-ideal, i.e. every alternative is identical in the weighted
    # space. Each is then as close to the best as to the worst, hence the neutral midpoint 0.5
    # (and a tie resolved by list order), rather than a division by zero.
    scores = np.where(total > 0, d_minus / np.where(total > 0, total, 1.0), 0.5)
    return TOPSISResult(
        _frozen(scores), _frozen(ranks_from_scores(scores)), _frozen(d_plus), _frozen(d_minus)
    )


def topsis(
    decision_matrix: ArrayLike, weights: ArrayLike, benefit: Sequence[bool] | ArrayLike
) -> TOPSISResult:
    """TOPSIS (Hwang & Yoon 1981) with vector normalisation r_ij = x_ij / sqrt(sum_i x_ij^2).

    Ideal = column max for benefit criteria and min for cost criteria. Weights are rescaled to
    sum 1 (closeness does not change; the distances become comparable across calls).
    """
    x = _as_decision_matrix(decision_matrix)
    return _topsis(x, _as_weights(weights, x.shape[1]), _as_benefit(benefit, x.shape[1]))


def _weighted_sum(x: FloatArray, w: FloatArray, b: BoolArray, normalization: str) -> FloatArray:
    if normalization not in ("linear", "sum"):
        raise MCDAError("bad_parameter", f"Unknown normalisation {normalization!r}.")
    if (x.max(axis=0) == 0).any():
        column = int(np.argmax(x.max(axis=0) == 0))
        raise MCDAError("zero_column", f"Criterion {column} is zero for every alternative.")
    _reject((x == 0) & ~b, "non_positive", "Cost criterion value at {index} is zero.")
    safe = np.where(b, 1.0, x)  # only read where the criterion is a cost, never zero there
    if normalization == "linear":
        normalised = np.where(b, x / x.max(axis=0), x.min(axis=0) / safe)
    else:
        inverse = 1.0 / safe
        normalised = np.where(b, x / x.sum(axis=0), inverse / inverse.sum(axis=0))
    return np.asarray((normalised * w).sum(axis=1), dtype=np.float64)


def weighted_sum(
    decision_matrix: ArrayLike,
    weights: ArrayLike,
    benefit: Sequence[bool] | ArrayLike,
    *,
    normalization: Literal["linear", "sum"] = "linear",
) -> FloatArray:
    """Simple additive weighting; higher is better, scores lie in [0, 1] (weights sum to 1).

    ``"linear"`` (default) normalises benefit columns by x / max and cost columns by min / x,
    the textbook SAW scheme where the best value on each criterion scores exactly 1; it equals
    ``pymcdm.methods.WSM(linear_normalization)``. ``"sum"`` (x / sum x, and (1/x) / sum(1/x) for
    costs) equals ``pymcdm.methods.WSM()``'s default. Cost criteria must be strictly positive.
    Rank with :func:`ranks_from_scores`.
    """
    x = _as_decision_matrix(decision_matrix)
    n = x.shape[1]
    return _weighted_sum(x, _as_weights(weights, n), _as_benefit(benefit, n), normalization)


@dataclass(frozen=True, eq=False)
class SensitivityResult:
    """How ranks move when one criterion weight at a time is scaled by (1 + step).

    ``ranks`` and ``weights`` have shapes (n_criteria, n_steps, n_alternatives) and
    (n_criteria, n_steps, n_criteria): cell [j, s] is criterion j perturbed by ``steps[s]``.
    ``min_ranks``/``max_ranks`` span the base case and every perturbation; ``stays_in_top_n`` is
    True iff the alternative is within ``top_n`` in all of them.
    """

    method: str
    steps: FloatArray
    top_n: int
    base_weights: FloatArray
    base_scores: FloatArray
    base_ranks: IntArray
    min_ranks: IntArray
    max_ranks: IntArray
    stays_in_top_n: BoolArray
    ranks: IntArray
    weights: FloatArray


def sensitivity(
    decision_matrix: ArrayLike,
    weights: ArrayLike,
    benefit: Sequence[bool] | ArrayLike,
    steps: Sequence[float] = DEFAULT_STEPS,
    top_n: int = 3,
    method: Literal["topsis", "wsm"] = "topsis",
) -> SensitivityResult:
    """One-at-a-time weight sensitivity: is a shortlist an artefact of the exact weights?

    Each perturbed weight vector is renormalised to sum 1, so raising one criterion implicitly
    lowers the others in proportion. A zero weight stays zero (the perturbation is
    multiplicative). A zero step reuses the base weights bit for bit, so it can never reorder
    near-ties through rounding. ``"wsm"`` uses :func:`weighted_sum`'s default normalisation.
    """
    if method not in ("topsis", "wsm"):
        raise MCDAError("bad_parameter", f"Unknown method {method!r}; use 'topsis' or 'wsm'.")
    if isinstance(top_n, bool) or not isinstance(top_n, int | np.integer) or top_n < 1:
        raise MCDAError("bad_parameter", f"top_n must be a positive integer, got {top_n!r}.")
    step_array = _to_array(steps, "step list")
    if step_array.ndim != 1:
        raise MCDAError("shape_mismatch", "Steps must be a flat list of numbers.")
    if (step_array <= -1).any():
        raise MCDAError("bad_parameter", "A step of -100 % or less would remove a weight.")
    x = _as_decision_matrix(decision_matrix)
    n_alternatives, n_criteria = x.shape
    w = _as_weights(weights, n_criteria)
    b = _as_benefit(benefit, n_criteria)

    def score(weight_vector: FloatArray) -> FloatArray:
        if method == "topsis":
            return _topsis(x, weight_vector, b).scores
        return _weighted_sum(x, weight_vector, b, "linear")

    base_scores = score(w)
    base_ranks = ranks_from_scores(base_scores)
    ranks = np.empty((n_criteria, step_array.size, n_alternatives), dtype=np.int64)
    table = np.empty((n_criteria, step_array.size, n_criteria))
    for j in range(n_criteria):
        for s, step in enumerate(step_array):
            perturbed = w.copy()
            if step != 0:
                perturbed[j] *= 1.0 + step
                perturbed /= perturbed.sum()
            table[j, s] = perturbed
            ranks[j, s] = ranks_from_scores(score(perturbed))
    every = np.concatenate([base_ranks[np.newaxis, :], ranks.reshape(-1, n_alternatives)])
    max_ranks = every.max(axis=0)
    return SensitivityResult(
        method=method,
        steps=_frozen(step_array),
        top_n=int(top_n),
        base_weights=_frozen(w),
        base_scores=_frozen(base_scores),
        base_ranks=_frozen(base_ranks),
        min_ranks=_frozen(every.min(axis=0)),
        max_ranks=_frozen(max_ranks),
        stays_in_top_n=_frozen(max_ranks <= top_n),
        ranks=_frozen(ranks),
        weights=_frozen(table),
    )


def validate_scale_scores(values: ArrayLike, low: float, high: float) -> FloatArray:
    """Check rater scores (e.g. 1-9) before they reach a method, naming the first bad cell.

    Accepts a list (1-D) or a grid (rows = alternatives, columns = criteria); returns it as a
    float array so callers can pass the result straight on.
    """
    if low > high:
        raise MCDAError("bad_parameter", f"Range {low}..{high} is empty.")
    v = _to_array(values, "score table")
    if v.ndim not in (1, 2):
        raise MCDAError("shape_mismatch", f"Scores must be a list or a grid, got {v.ndim}-D.")
    where = "position {index[0]}" if v.ndim == 1 else "row {index[0]}, column {index[1]}"
    _reject(
        (v < low) | (v > high), "out_of_range", f"Score at {where} is outside {low:g}..{high:g}."
    )
    return v


def _frozen[T: np.ndarray](array: T) -> T:
    """Results live in frozen dataclasses; make their arrays read-only too."""
    array.setflags(write=False)
    return array
