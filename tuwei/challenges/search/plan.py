"""The parts of a search both backends share: a plan, and a hit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tuwei.challenges.search.tokens import Term


@dataclass(frozen=True)
class Hit:
    id: int
    score: float


@dataclass(frozen=True)
class Plan:
    terms: tuple[Term, ...]
    # each group is a set of facet tokens of which one must be present
    facets: tuple[tuple[str, ...], ...] = ()
    # SQL and params of `SELECT id …` subqueries the ids must (not) be in
    within: tuple[str, list[Any]] | None = None
    exclude: tuple[str, list[Any]] | None = None
