from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    """One challenge's search document, written only by `tuwei.challenges.search`.

    `title`, `body` and `facets` hold space-separated tokens (see search/tokens.py).
    On SQLite they are the external content of the FTS5 table
    `challenges_searchentry_fts` (the index needs the old tokens to delete them);
    on PostgreSQL they stay empty and the migration's `vector`/`title_vector`
    tsvector columns, with their GIN indexes, hold the same tokens.
    """

    challenge = models.OneToOneField(
        "challenges.Challenge",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    facets = models.TextField(blank=True)

    class Meta:
        verbose_name = "search entry"

    def __str__(self) -> str:
        return f"search:{self.challenge_id}"
