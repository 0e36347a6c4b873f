"""Marketplace search: script-agnostic matching over a stored folded document.

Two functions are the whole interface, so the marketplace can move to the shared
full-text index (tuwei/challenges/search, folded bigrams in SQLite FTS5 / PostgreSQL
tsvector) once that offers the same two calls:

    document(title, *parts) -> str   the text a service stores in `search_document`
    search(queryset, query) -> queryset   the matching rows, most relevant first

(`document_parts` gives the stored parts back, for the matcher, which compares only
the title and the description and leaves out organisation names.)

Both sides are folded (engine.text.fold: traditional = simplified, full-width =
half-width, lower case), so 鐵鉻液流 finds 铁铬液流. A query splits into runs of Han
characters and words; every run must occur in the document (AND), as a contiguous
substring — the same semantics as a phrase of bigrams. The SQL is a portable
LIKE '%…%' (Django escapes % and _), fine for a marketplace of thousands of rows.
Rows rank by where their terms first occur, and the title comes first in the
document, so a title hit ranks above a mention deep in the summary.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import IntegerField, Model, QuerySet, Value
from django.db.models.functions import StrIndex

from engine.text import fold

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
RUN = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")
MAX_QUERY_CHARS = 80  # of the folded query; longer input is cut, never an error
MAX_TERMS = 8
FIELD = "search_document"


def document(title: str, *parts: str) -> str:
    """The stored document: one folded part per line, the title first."""
    return "\n".join(fold(" ".join((part or "").split())) for part in (title, *parts))


def document_parts(stored: str) -> list[str]:
    return stored.split("\n")


def terms(query: str) -> list[str]:
    """The AND-ed terms of a query, folded; empty when nothing in it is searchable."""
    found: list[str] = []
    for match in RUN.finditer(fold(query or "")[:MAX_QUERY_CHARS]):
        if match.group() not in found:
            found.append(match.group())
        if len(found) == MAX_TERMS:
            break
    return found


def search[M: Model](queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """Rows whose document holds every term, earliest mentions first.

    An empty or unsearchable query returns the queryset unchanged.
    """
    wanted = terms(query)
    if not wanted:
        return queryset
    rank: Any = Value(0, output_field=IntegerField())
    for term in wanted:
        queryset = queryset.filter(**{f"{FIELD}__contains": term})
        rank = rank + StrIndex(FIELD, Value(term))
    return queryset.order_by(rank.asc(), "-pk")
