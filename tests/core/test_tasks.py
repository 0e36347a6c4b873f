from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tuwei.core.notifications import notify
from tuwei.core.tasks import send_notification_emails


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_the_database_worker_runs_queued_tasks(personas, settings) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    # Django resets the task backends when TASKS changes (django.tasks.signals)
    rows = notify([personas.enterprise], "core.welcome", params={"username": "e"}, email=False)
    result = send_notification_emails.enqueue([row.pk for row in rows])
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "default")
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
