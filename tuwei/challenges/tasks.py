"""Background tasks of the challenges app (Django's task framework)."""

from __future__ import annotations

from django.tasks import task


@task()
def close_due_challenges() -> int:
    """Close published challenges past their deadline; idempotent, safe to run often."""
    from tuwei.challenges.services import challenge_close_due

    return challenge_close_due()
