"""Chinese full-text search over challenges, on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

The interface is small and the same on both databases:

- `index_challenge(challenge)` — the services call it after every change they save;
- `search(query, queryset=None, facets=…, exclude=…)` — ranked hits, lazily paged;
- `reindex()` — rebuild the whole index (the `search_rebuild` command, the benchmark).

Ranking, on both databases: challenges with a query term in the title come first,
best first (bm25 on SQLite, ts_rank on PostgreSQL, over the title only); then the
challenges that match elsewhere, newest first. Ranking scores every title match, so
when more than RANKED_TITLES titles match (a single common character, say) the
title matches too come newest first. Every other part is an index query that stops
after the page asked for, so a search costs about the same with 1,000 or 100,000
challenges. Counting and paging stop at MAX_RESULTS: beyond that a reader is asked to
narrow the query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any, overload

from django.db import connection
from django.db.models import QuerySet

from tuwei.challenges.search import postgres, sqlite
from tuwei.challenges.search.documents import (
    OPEN,
    PUBLIC,
    Document,
    build_document,
    document_for,
    facet,
)
from tuwei.challenges.search.plan import Hit, Plan
from tuwei.challenges.search.tokens import Term, query_terms

__all__ = [
    "MAX_RESULTS",
    "OPEN",
    "PUBLIC",
    "Document",
    "Hit",
    "Results",
    "Term",
    "build_document",
    "facet",
    "index_challenge",
    "query_terms",
    "reindex",
    "search",
]

MAX_RESULTS = 1000
RANKED_TITLES = 2000


def backend() -> ModuleType:
    if connection.vendor == "postgresql":
        return postgres
    if connection.vendor == "sqlite":
        return sqlite
    raise NotImplementedError(f"no challenge search for {connection.vendor}")


def index_challenge(challenge: Any) -> None:
    """(Re)index one challenge; call inside the transaction that saved it."""
    backend().write([document_for(challenge)])


def write_documents(documents: Sequence[Document], *, fresh: bool = False) -> None:
    """Write prepared documents; `fresh` for a bulk load into an emptied index."""
    if fresh:
        backend().write_fresh(documents)
    else:
        backend().write(documents)


def reindex(challenges: QuerySet[Any] | None = None, *, batch_size: int = 500) -> int:
    """Rebuild the index of every challenge (or of those given). Returns how many."""
    from tuwei.challenges.models import Challenge

    fresh = challenges is None
    queryset = (
        (challenges if challenges is not None else Challenge.objects.all())
        .select_related("owner", "region", "node__chain__cluster")
        .prefetch_related("indicators", "milestones")
        .order_by("pk")
    )
    module = backend()
    if fresh:
        module.clear()
    done = 0
    batch: list[Document] = []
    for challenge in queryset.iterator(chunk_size=batch_size):
        batch.append(document_for(challenge))
        if len(batch) == batch_size:
            write_documents(batch, fresh=fresh)
            done, batch = done + len(batch), []
    write_documents(batch, fresh=fresh)
    if fresh:
        module.finish_fresh()
    return done + len(batch)


def repair_if_stale() -> None:
    backend().repair_if_stale()


def _subquery(queryset: QuerySet[Any] | None) -> tuple[str, list[Any]] | None:
    if queryset is None:
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


class Results:
    """Ranked hits of one search; counts and pages on demand (Paginator-compatible)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.terms: list[Term] = list(plan.terms)
        self._count: int | None = None
        self._titles: list[Hit] | None = None  # the title matches, best first
        self._title_count = 0

    def _title_tier(self) -> list[Hit] | None:
        """The title matches ranked, or None when there are too many to rank."""
        if self._titles is None and not self._title_count and self.plan.terms:
            hits = backend().title_scores(self.plan, RANKED_TITLES + 1)
            self._title_count = len(hits)
            if len(hits) <= RANKED_TITLES:
                self._titles = sorted(hits, key=lambda hit: (-hit.score, -hit.id))
        return self._titles

    def count(self) -> int:
        """How many match, up to MAX_RESULTS (see `capped`)."""
        if self._count is None:
            self._title_tier()
            if not self.plan.terms:
                self._count = 0
            elif self._title_count > MAX_RESULTS:  # the title matches alone fill the cap
                self._count = self._title_count
            else:
                self._count = backend().count(self.plan, "all", MAX_RESULTS + 1)
        return min(self._count, MAX_RESULTS)

    @property
    def capped(self) -> bool:
        self.count()
        return bool(self._count and self._count > MAX_RESULTS)

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.count())
        if not self.plan.terms or start >= stop:
            return []
        module, ranked, in_title = backend(), self._title_tier(), self._title_count
        hits: list[Hit] = []
        if start < in_title:
            end = min(stop, in_title)
            if ranked is not None:
                hits += ranked[start:end]
            else:
                hits += module.newest(self.plan, "title", start, end - start)
        if stop > in_title:
            first = max(start, in_title)
            hits += module.newest(self.plan, "body", first - in_title, stop - first)
        return hits

    def ids(self, start: int = 0, stop: int = MAX_RESULTS) -> list[int]:
        return [hit.id for hit in self[start:stop]]


def search(
    query: str,
    queryset: QuerySet[Any] | None = None,
    *,
    facets: Iterable[str | Sequence[str]] = (),
    exclude: QuerySet[Any] | None = None,
) -> Results:
    """Challenges matching every term of `query`, ranked.

    `facets` narrow inside the index (fast): each item is a facet token that must be
    present, or a sequence of tokens of which one must be. `queryset` (ids that must be
    in it) and `exclude` (ids that must not) are exact filters for anything facets
    cannot say, such as a funding range; keep them small or selective, they are
    evaluated as `id IN (subquery)`. A query with no searchable term matches nothing.
    """
    groups = tuple((item,) if isinstance(item, str) else tuple(item) for item in facets)
    plan = Plan(
        terms=tuple(query_terms(query)),
        facets=groups,
        within=_subquery(queryset),
        exclude=_subquery(exclude),
    )
    if any(not group for group in groups):  # "one of nothing": no challenge can match
        plan = Plan(terms=())
    return Results(plan)
