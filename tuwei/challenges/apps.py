from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _repair_search_index(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """After migrate or a test flush, empty a full-text index whose content table was emptied.

    Django's flush clears model tables only, so SQLite's FTS5 tables would keep the
    rows of challenges that no longer exist. This is upkeep, not syncing: the
    services keep the index in step with every change they save.
    """
    from django.db import connections

    from tuwei.challenges import search

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if "challenges_searchentry_fts" in tables:
        search.repair_if_stale()


class ChallengesConfig(AppConfig):
    name = "tuwei.challenges"
    label = "challenges"
    verbose_name = _("Challenges")

    def ready(self) -> None:
        from tuwei.challenges import registrations  # noqa: F401  (nav, to-dos, verbs)

        post_migrate.connect(_repair_search_index, sender=self)
