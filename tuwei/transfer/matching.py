"""Suggestions both ways between technology needs and listed achievements.

The scoring is engine.affinity_text (TF-IDF over folded character bigrams, cosine);
this module only feeds it the title and description parts of the stored folded
documents (`search_document`, which never holds a confidential detail) of what the
reader may see, and maps the matches back to rows. Organisation names are left out:
every "…有限公司" would otherwise look a little like every other. Both sides form the
IDF background, so a word every need and every achievement uses weighs little.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

from engine.affinity_text import similar, terms
from tuwei.transfer.search import document_parts

MAX_CANDIDATES = 2000  # the newest; older rows are rarely the best suggestion


@dataclass(frozen=True)
class Suggestion[T: Model]:
    item: T
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


MATCHED_PARTS = 2  # title and summary/description: the first two parts of the document


def text_terms(stored: str) -> list[str]:
    return terms(" ".join(document_parts(stored)[:MATCHED_PARTS]), folded=True)


def suggest[T: Model](
    source: Any,
    candidates: QuerySet[T],
    *,
    background: QuerySet[Any],
    limit: int = 5,
) -> list[Suggestion[T]]:
    """The candidates most like `source` (a need or an achievement), best first."""
    rows = list(candidates[:MAX_CANDIDATES])
    if not rows or not source.search_document:
        return []
    others = background.exclude(pk=source.pk).values_list("search_document", flat=True)
    matches = similar(
        text_terms(source.search_document),
        [text_terms(getattr(row, "search_document", "")) for row in rows],
        background=[text_terms(text) for text in others[:MAX_CANDIDATES]],
        limit=limit,
    )
    return [Suggestion(rows[match.index], match.score) for match in matches]
