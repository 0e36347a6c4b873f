"""SQLite: an FTS5 table over SearchEntry (external content), ranked with bm25.

The table (migration 0002) has three columns, title, body and facets, and the
`ascii` tokenizer with "_" as a token character: our tokens arrive folded and
space-separated, every non-ASCII character is a token character, and facet tokens
keep their leading "_". It keeps full detail although no query needs positions:
bm25 would otherwise re-read and re-tokenise every document it ranks.

Statements marked S608 splice in placeholders, MATCH-free filters and Django-built
subqueries that this module makes itself; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

from tuwei.challenges.search.documents import Document
from tuwei.challenges.search.plan import Hit, Plan

INSERT_ENTRY = (
    "INSERT INTO challenges_searchentry (challenge_id, title, body, facets) VALUES (%s, %s, %s, %s)"
)
INSERT_INDEX = (
    "INSERT INTO challenges_searchentry_fts (rowid, title, body, facets) VALUES (%s, %s, %s, %s)"
)
DELETE_INDEX = (
    "INSERT INTO challenges_searchentry_fts "
    "(challenges_searchentry_fts, rowid, title, body, facets) VALUES ('delete', %s, %s, %s, %s)"
)
COMMAND = "INSERT INTO challenges_searchentry_fts (challenges_searchentry_fts) VALUES (%s)"


def _text(tokens: frozenset[str]) -> str:
    return " ".join(sorted(tokens))


def _rows(documents: Sequence[Document]) -> list[tuple[int, str, str, str]]:
    return [(d.challenge_id, _text(d.title), _text(d.body), _text(d.facets)) for d in documents]


def write(documents: Sequence[Document]) -> None:
    """Replace the documents: the old tokens leave the index before the new ones enter
    (an external-content index can only forget what it is told it held)."""
    if not documents:
        return
    ids = [document.challenge_id for document in documents]
    marks = ",".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT challenge_id, title, body, facets FROM challenges_searchentry "  # noqa: S608
            f"WHERE challenge_id IN ({marks})",
            ids,
        )
        old = cursor.fetchall()
        if old:
            cursor.executemany(DELETE_INDEX, old)
            cursor.execute(
                f"DELETE FROM challenges_searchentry WHERE challenge_id IN ({marks})",  # noqa: S608
                ids,
            )
        rows = _rows(documents)
        cursor.executemany(INSERT_ENTRY, rows)
        cursor.executemany(INSERT_INDEX, rows)


def write_fresh(documents: Sequence[Document]) -> None:
    """Bulk load after `clear()`: store the entries; `finish_fresh()` indexes them at once."""
    with connection.cursor() as cursor:
        cursor.executemany(INSERT_ENTRY, _rows(documents))


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM challenges_searchentry")
        cursor.execute(COMMAND, ["delete-all"])


def finish_fresh() -> None:
    with connection.cursor() as cursor:
        cursor.execute(COMMAND, ["rebuild"])


def repair_if_stale() -> None:
    """After a flush (tests) the content table is empty but the index is not: rebuild it.

    Django's flush knows only model tables, so FTS5's own tables keep their rows.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM challenges_searchentry")
        (content,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM challenges_searchentry_fts_docsize")
        (indexed,) = cursor.fetchone()
        if content != indexed:
            cursor.execute(COMMAND, ["rebuild"])


# --- queries ---------------------------------------------------------------------------


def _quote(token: str) -> str:
    return f'"{token}"'  # tokens hold word characters and "_" only: nothing to escape


def _all_of(tokens: Sequence[str]) -> str:
    return "(" + " AND ".join(_quote(token) for token in tokens) + ")"


def _any_of(tokens: Sequence[str]) -> str:
    return "(" + " OR ".join(_quote(token) for token in tokens) + ")"


def _match(plan: Plan, tier: str) -> str:
    """The MATCH expression: every term and facet group; `tier` splits title hits off."""
    parts = [_all_of(term.tokens) for term in plan.terms]
    parts += [_any_of(group) for group in plan.facets]
    expression = " AND ".join(parts)
    in_title = "{title} : (" + " OR ".join(_all_of(t.tokens) for t in plan.terms) + ")"
    if tier == "title":
        return f"({expression}) AND {in_title}"
    if tier == "body":
        return f"({expression}) NOT {in_title}"
    return expression


def _filters(plan: Plan) -> tuple[str, list[Any]]:
    # "+rowid": a bare rowid IN (…) would be handed to FTS5, which then re-runs the full
    # text query once per id — seconds instead of milliseconds
    sql, params = "", []
    if plan.within is not None:
        sql += f" AND +challenges_searchentry_fts.rowid IN ({plan.within[0]})"
        params += plan.within[1]
    if plan.exclude is not None:
        sql += f" AND +challenges_searchentry_fts.rowid NOT IN ({plan.exclude[0]})"
        params += plan.exclude[1]
    return sql, params


def count(plan: Plan, tier: str, limit: int) -> int:
    filters, params = _filters(plan)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT rowid FROM challenges_searchentry_fts "  # noqa: S608
            f"WHERE challenges_searchentry_fts MATCH %s{filters} LIMIT %s)",
            [_match(plan, tier), *params, limit],
        )
        return int(cursor.fetchone()[0])


def title_scores(plan: Plan, limit: int) -> list[Hit]:
    """Challenges with a term in the title and their bm25 over the title column only
    (up to `limit` of them, in no order)."""
    filters, params = _filters(plan)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, bm25(challenges_searchentry_fts, 1.0, 0.0, 0.0) "  # noqa: S608
            "FROM challenges_searchentry_fts "
            f"WHERE challenges_searchentry_fts MATCH %s{filters} LIMIT %s",
            [_match(plan, "title"), *params, limit],
        )
        # bm25 is lower for better matches; turn it round so a higher score is better
        return [Hit(int(pk), -float(score)) for pk, score in cursor.fetchall()]


def newest(plan: Plan, tier: str, offset: int, limit: int) -> list[Hit]:
    """Matches of a tier, newest first: FTS5 walks the index backwards and stops early."""
    filters, params = _filters(plan)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM challenges_searchentry_fts "  # noqa: S608
            f"WHERE challenges_searchentry_fts MATCH %s{filters} "
            "ORDER BY rowid DESC LIMIT %s OFFSET %s",
            [_match(plan, tier), *params, limit, offset],
        )
        return [Hit(int(pk), 0.0) for (pk,) in cursor.fetchall()]
