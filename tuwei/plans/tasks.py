"""Background tasks of plan monitoring (Django's task framework)."""

from __future__ import annotations

from django.tasks import task


@task()
def record_computed_indicators_task() -> int:
    """Scheduled daily (cron or the database worker); idempotent, see the service."""
    from tuwei.plans.services.computed import record_computed_indicators

    return record_computed_indicators()
