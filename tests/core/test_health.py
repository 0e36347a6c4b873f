from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from tuwei.core.tasks import send_notification_emails


def test_it_reports_a_healthy_database(db) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "status": "ok"}


def test_a_stale_task_backlog_is_degraded(db, settings) -> None:
    settings.TASK_BACKEND = "database"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    from django_tasks_db.models import DBTaskResult

    result = send_notification_emails.enqueue([])
    assert Client().get("/healthz").json()["tasks"] == {"waiting": 1, "stale": 0}
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=10)
    )
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["tasks"]["stale"] == 1
