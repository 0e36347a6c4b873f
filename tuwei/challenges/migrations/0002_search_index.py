"""The full-text index over challenges_searchentry, per database.

SQLite: an FTS5 table with the search entries as external content. The `ascii`
tokenizer treats every non-ASCII character as part of a token and splits on ASCII
punctuation and spaces, except "_", which starts our facet tokens. detail=full,
although no query needs positions: with less detail, bm25 re-reads and re-tokenises
each matching document (ten times slower at 100,000 challenges).

PostgreSQL: two tsvector columns with GIN indexes. `vector` (every token) is stored
out of line, since queries are answered from its index alone; `title_vector` stays
inline for ts_rank.

The queries that use these live in tuwei/challenges/search/.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE challenges_searchentry_fts USING fts5("
    "title, body, facets, content='challenges_searchentry', content_rowid='challenge_id', "
    "tokenize=\"ascii tokenchars '_'\", detail=full)",
    "INSERT INTO challenges_searchentry_fts(challenges_searchentry_fts) VALUES ('rebuild')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS challenges_searchentry_fts"]

POSTGRES_CREATE = [
    "ALTER TABLE challenges_searchentry "
    "ADD COLUMN vector tsvector NOT NULL DEFAULT '', "
    "ADD COLUMN title_vector tsvector NOT NULL DEFAULT ''",
    "ALTER TABLE challenges_searchentry ALTER COLUMN vector SET STORAGE EXTERNAL",
    "CREATE INDEX searchentry_vector_gin ON challenges_searchentry USING gin (vector)",
    "CREATE INDEX searchentry_title_gin ON challenges_searchentry USING gin (title_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS searchentry_vector_gin",
    "DROP INDEX IF EXISTS searchentry_title_gin",
    "ALTER TABLE challenges_searchentry DROP COLUMN IF EXISTS vector, "
    "DROP COLUMN IF EXISTS title_vector",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def create(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE})


def drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


class Migration(migrations.Migration):
    dependencies = [("challenges", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
