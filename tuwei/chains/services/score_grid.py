"""Checking a rater's score grid cell by cell before anything is saved.

Every bad cell gets its own message naming the point and the criterion, so the
form can mark all of them at once rather than one per submit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from engine import mcda
from tuwei.chains.models import Criterion, Point, ScoringSession
from tuwei.chains.services.mcda_messages import CELL_MESSAGES
from tuwei.core.i18n import localise_name, localise_text

SAATY_LOW, SAATY_HIGH = 1.0, 9.0
ROW_INCOMPLETE = _("Score %(point)s on %(criterion)s too, or leave its whole row empty.")

Cell = tuple[int, int]  # (point id, criterion id)


def scale_bounds(scale: str) -> tuple[float, float]:
    if scale == ScoringSession.Scale.SAATY:
        return SAATY_LOW, SAATY_HIGH
    return 0.0, math.inf


def _parse(raw: Any) -> float | str | None:
    """A float, None for an empty cell, or the engine code of what is wrong with it."""
    if raw is None:
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = float(raw)
    else:
        text = str(raw).strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return "not_numeric"
    return number if math.isfinite(number) else "not_finite"


def _out_of_range_cells(grid: np.ndarray, low: float, high: float) -> list[tuple[int, int]]:
    """Every cell `validate_scale_scores` refuses, asking it again after each refusal."""
    found: list[tuple[int, int]] = []
    grid = grid.copy()
    while True:
        try:
            mcda.validate_scale_scores(grid, low, high)
        except mcda.MCDAError as exc:
            if exc.code != "out_of_range" or exc.index is None:
                raise
            row, column = exc.index
            found.append((row, column))
            grid[row, column] = low
        else:
            return found


def validate_score_grid(
    *,
    scale: str,
    points: Sequence[Point],
    criteria: Sequence[Criterion],
    values: Mapping[Cell, Any],
) -> tuple[dict[Cell, float], dict[Cell, str]]:
    """Parsed scores of the rows that were filled in, and a message per bad cell."""
    low, high = scale_bounds(scale)
    point_names = [localise_text(point.title) for point in points]
    criterion_names = [localise_name(c.name, c.name_en) for c in criteria]
    parsed: dict[Cell, float] = {}
    errors: dict[Cell, str] = {}
    grid = np.full((len(points), len(criteria)), low)

    def message(code: str, r: int, c: int) -> str:
        params = {"point": point_names[r], "criterion": criterion_names[c]}
        if code == "out_of_range" and scale != ScoringSession.Scale.SAATY:
            code = "negative_value"
        return str(CELL_MESSAGES[code]) % params

    for r, point in enumerate(points):
        row = [_parse(values.get((point.pk, criterion.pk))) for criterion in criteria]
        if all(cell is None for cell in row):
            continue
        for c, (criterion, cell) in enumerate(zip(criteria, row, strict=True)):
            key = (point.pk, criterion.pk)
            if cell is None:
                params = {"point": point_names[r], "criterion": criterion_names[c]}
                errors[key] = str(ROW_INCOMPLETE) % params
            elif isinstance(cell, str):
                errors[key] = message(cell, r, c)
            else:
                grid[r, c] = cell
                parsed[key] = cell
    for r, c in _out_of_range_cells(grid, low, high):
        key = (points[r].pk, criteria[c].pk)
        errors[key] = message("out_of_range", r, c)
        parsed.pop(key, None)
    return ({} if errors else parsed), errors
