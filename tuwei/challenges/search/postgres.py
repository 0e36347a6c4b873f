"""PostgreSQL: tsvector columns on SearchEntry (migration 0002) with GIN indexes, ts_rank.

`vector` holds every token of the challenge (title, body, facets) without positions
and is stored out of line (STORAGE EXTERNAL): queries are AND/OR of plain lexemes,
which a GIN index answers exactly, so no query reads a row's vector back — reading
one means a TOAST fetch, some 10-30 µs a row. `title_vector` holds the title's tokens
and the facets; it is small, stays inline, is what ts_rank reads, and has its own GIN
index, which alone answers "which challenges have the (single) term in the title".
Vectors are built from our own tokens with a literal cast, never with a text search
parser, so PostgreSQL's notion of a word plays no part.

Statements marked S608 splice in the WHERE clause this module builds, with Django-built
subqueries; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from tuwei.challenges.search.documents import Document
from tuwei.challenges.search.plan import Hit, Plan

UPSERT = (
    "INSERT INTO challenges_searchentry (challenge_id, title, body, facets, vector, title_vector) "
    "VALUES (%s, '', '', '', CAST(%s AS tsvector), CAST(%s AS tsvector)) "
    "ON CONFLICT (challenge_id) DO UPDATE "
    "SET vector = EXCLUDED.vector, title_vector = EXCLUDED.title_vector"
)
COPY = (
    "COPY challenges_searchentry (challenge_id, title, body, facets, vector, title_vector) "
    "FROM STDIN"
)


def _vector(tokens: frozenset[str]) -> str:
    """A tsvector literal: tokens hold word characters and "_" only, nothing to escape."""
    return " ".join(f"'{token}'" for token in sorted(tokens))


def _row(document: Document) -> tuple[int, str, str]:
    return (
        document.challenge_id,
        _vector(document.all_tokens),
        _vector(document.title | document.facets),
    )


def write(documents: Sequence[Document]) -> None:
    if documents:
        with connection.cursor() as cursor:
            cursor.executemany(UPSERT, [_row(document) for document in documents])


def write_fresh(documents: Sequence[Document]) -> None:
    """Bulk load after `clear()`, with COPY (the tsvector text form is parsed in C)."""
    with connection.cursor() as cursor:
        raw: Any = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(COPY) as copy:
            for challenge_id, vector, title_vector in map(_row, documents):
                copy.write_row((challenge_id, "", "", "", vector, title_vector))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM challenges_searchentry")


def finish_fresh() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE challenges_searchentry")


def repair_if_stale() -> None:
    """Nothing to repair: the vectors live in a model table, which a flush empties."""


# --- queries ---------------------------------------------------------------------------


@contextmanager
def _index_scans() -> Iterator[Any]:
    """A cursor whose statements may not walk the table.

    Matching a row's `vector` means reading it back from TOAST, a cost the planner does
    not see: with a LIMIT it would scan the table testing row after row (about 10 µs
    each) where the GIN index answers at once. Sequential scans are switched off for
    these statements only, and the previous setting is put back, so nothing leaks into
    the caller's transaction.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        (previous, _off) = cursor.fetchone()
        try:
            yield cursor
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


def _all_of(tokens: Sequence[str]) -> str:
    return "(" + " & ".join(f"'{token}'" for token in tokens) + ")"


def _any_of(tokens: Sequence[str]) -> str:
    return "(" + " | ".join(f"'{token}'" for token in tokens) + ")"


def _where(plan: Plan, tier: str) -> tuple[str, list[Any]]:
    """Every term and facet group; `tier` splits the title hits off the others."""
    terms = [_all_of(term.tokens) for term in plan.terms]
    facets = [_any_of(group) for group in plan.facets]
    full, in_title = " & ".join(terms + facets), " | ".join(terms)
    if tier == "title" and len(terms) == 1:
        # one term in the title means the whole query matches: the small title index
        # (which holds the facets too) answers alone, and no row's vector is read
        sql, params = "title_vector @@ CAST(%s AS tsquery)", [" & ".join(terms + facets)]
    elif tier == "title":
        # "IS TRUE" keeps the planner off the title index: the full match comes from the
        # vector's index, then each row's inline title is tested (not its TOASTed vector)
        sql = "vector @@ CAST(%s AS tsquery) AND (title_vector @@ CAST(%s AS tsquery)) IS TRUE"
        params = [full, in_title]
    elif tier == "body":
        sql = "vector @@ CAST(%s AS tsquery) AND NOT (title_vector @@ CAST(%s AS tsquery))"
        params = [full, in_title]
    else:
        sql, params = "vector @@ CAST(%s AS tsquery)", [full]
    if plan.within is not None:
        sql += f" AND challenge_id IN ({plan.within[0]})"
        params += plan.within[1]
    if plan.exclude is not None:
        sql += f" AND challenge_id NOT IN ({plan.exclude[0]})"
        params += plan.exclude[1]
    return sql, params


def count(plan: Plan, tier: str, limit: int) -> int:
    where, params = _where(plan, tier)
    with _index_scans() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM challenges_searchentry "  # noqa: S608
            f"WHERE {where} LIMIT %s) AS hits",
            [*params, limit],
        )
        return int(cursor.fetchone()[0])


def title_scores(plan: Plan, limit: int) -> list[Hit]:
    """Challenges with a term in the title and their ts_rank over the title (up to
    `limit` of them, in no order).

    ts_rank of an AND needs positions, which the vectors do not keep: the rank counts
    the query's tokens found in the title instead (an OR of them all). Normalisation 1
    divides by 1 + log(length), so a short title that is mostly the query ranks first.
    """
    where, params = _where(plan, "title")
    tokens = " | ".join(f"'{token}'" for term in plan.terms for token in term.tokens)
    with _index_scans() as cursor:
        cursor.execute(
            "SELECT challenge_id, ts_rank(title_vector, CAST(%s AS tsquery), 1) "  # noqa: S608
            f"FROM challenges_searchentry WHERE {where} LIMIT %s",
            [tokens, *params, limit],
        )
        return [Hit(int(pk), float(score)) for pk, score in cursor.fetchall()]


def newest(plan: Plan, tier: str, offset: int, limit: int) -> list[Hit]:
    """Matches of a tier, newest first."""
    where, params = _where(plan, tier)
    with _index_scans() as cursor:
        cursor.execute(
            f"SELECT challenge_id FROM challenges_searchentry WHERE {where} "  # noqa: S608
            "ORDER BY challenge_id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [Hit(int(pk), 0.0) for (pk,) in cursor.fetchall()]
