"""The engine's error codes as messages people read, in their language.

`engine.mcda` raises `MCDAError` with a stable `code` and an English developer
message; users never see that message. Where the error points at a cell
(`index`), the message names the criterion, pair or point by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from engine.mcda import MCDAError

# Every code of engine.mcda.ERROR_CODES; a test keeps the two in step.
MCDA_MESSAGES: dict[str, Promise] = {
    "empty": _("There is nothing to compute yet."),
    "not_numeric": _("A value is not a number."),
    "not_finite": _("A value is not a finite number."),
    "shape_mismatch": _("The numbers do not match the session's points and criteria."),
    "not_boolean": _("Each criterion must be either a benefit or a cost criterion."),
    "matrix_not_square": _("The pairwise comparisons do not form a square table."),
    "too_large": _("Pairwise comparison handles at most 15 criteria."),
    "non_positive": _("A value that must be positive is zero or negative."),
    "out_of_scale": _("A comparison lies outside Saaty's scale of 1/9 to 9."),
    "not_reciprocal": _("The pairwise comparisons are not reciprocal."),
    "bad_pair": _("A comparison refers to a pair of criteria that does not exist."),
    "missing_comparison": _("Compare every pair of criteria."),
    "negative_value": _("Scores cannot be negative."),
    "zero_weights": _("The weights must add up to more than zero."),
    "zero_column": _("Every point scores zero on one criterion, so it cannot be compared."),
    "zero_variance": _(
        "No criterion tells the points apart (every criterion has the same score for all "
        "points), so entropy cannot give weights. Use AHP or direct weights, or revise the "
        "scores."
    ),
    "out_of_range": _("A score lies outside the scale."),
    "bad_parameter": _("A calculation setting is not valid."),
}

PAIR_MESSAGES: dict[str, Promise] = {
    "not_numeric": _("The comparison of %(a)s with %(b)s is not a number."),
    "not_finite": _("The comparison of %(a)s with %(b)s is not a finite number."),
    "non_positive": _("The comparison of %(a)s with %(b)s must be positive."),
    "out_of_scale": _("The comparison of %(a)s with %(b)s lies outside 1/9 to 9."),
    "not_reciprocal": _("The comparisons of %(a)s with %(b)s are not reciprocal."),
    "missing_comparison": _("Compare %(a)s with %(b)s."),
    "bad_pair": _("The comparison of %(a)s with %(b)s is not an upper-triangle pair."),
}

CELL_MESSAGES: dict[str, Promise] = {
    "not_numeric": _("The score of %(point)s on %(criterion)s is not a number."),
    "not_finite": _("The score of %(point)s on %(criterion)s is not a finite number."),
    "negative_value": _("The score of %(point)s on %(criterion)s cannot be negative."),
    "out_of_range": _("The score of %(point)s on %(criterion)s must be between 1 and 9."),
    "non_positive": _(
        "%(point)s scores 0 on %(criterion)s, a cost criterion (less is better); the weighted "
        "sum cannot divide by 0. Use a positive number."
    ),
}


def _name(names: Sequence[str], position: int) -> str | None:
    return names[position] if 0 <= position < len(names) else None


def mcda_message(
    exc: MCDAError,
    *,
    criteria: Sequence[str] = (),
    points: Sequence[str] = (),
    pairwise: bool = False,
) -> str:
    """A translated message for `exc`, naming what its index points at when known.

    `pairwise=True` reads a 2-element index as a pair of criteria (AHP); otherwise
    as (point, criterion) of a decision matrix.
    """
    index = exc.index or ()
    if len(index) == 2:
        first, second = index
        if pairwise and exc.code in PAIR_MESSAGES:
            a, b = _name(criteria, first), _name(criteria, second)
            if a and b:
                return str(PAIR_MESSAGES[exc.code]) % {"a": a, "b": b}
        if not pairwise and exc.code in CELL_MESSAGES:
            point, criterion = _name(points, first), _name(criteria, second)
            if point and criterion:
                return str(CELL_MESSAGES[exc.code]) % {"point": point, "criterion": criterion}
    return str(MCDA_MESSAGES.get(exc.code, MCDA_MESSAGES["bad_parameter"]))
