"""Notifications: an inbox row per recipient, plus an email sent by a task.

Callers name a verb and its parameters; the text is rendered when read, in the
reader's language, so one notification reads right in zh-Hans, zh-Hant and en.
Email is queued with `transaction.on_commit`, so a rolled-back change sends nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tuwei.core.models import Notification


@dataclass(frozen=True)
class Verb:
    title: str | Promise
    body: str | Promise


VERBS: dict[str, Verb] = {}


def register_verb(code: str, *, title: str | Promise, body: str | Promise) -> None:
    VERBS[code] = Verb(title=title, body=body)


def render(notification: Notification) -> tuple[str, str]:
    verb = VERBS.get(notification.verb)
    if verb is None:
        return notification.verb, ""
    params = notification.params or {}
    try:
        return str(verb.title) % params, str(verb.body) % params
    except (KeyError, TypeError, ValueError):
        return str(verb.title), str(verb.body)


def notify(
    recipients: Iterable[Any],
    verb: str,
    *,
    params: dict[str, Any] | None = None,
    url: str = "",
    email: bool = True,
) -> list[Notification]:
    if verb not in VERBS:
        raise ValueError(f"unknown notification verb {verb!r}")
    rows = Notification.objects.bulk_create(
        Notification(recipient=user, verb=verb, params=params or {}, url=url)
        for user in {user.pk: user for user in recipients}.values()
    )
    if email:
        from tuwei.core.tasks import send_notification_emails

        ids = [row.pk for row in rows]  # SQLite ≥ 3.35 and PostgreSQL return ids
        transaction.on_commit(lambda: send_notification_emails.enqueue(ids))
    return rows


register_verb(
    "core.welcome",
    title=_("Welcome to Tuwei"),
    body=_("Your account %(username)s is ready."),
)
