from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client

from tests.conftest import sign_in
from tuwei.core.models import Notification
from tuwei.core.notifications import notify, render
from tuwei.core.tasks import send_notification_emails


def test_it_fills_the_inbox_and_emails_on_commit(personas, django_capture_on_commit_callbacks):
    personas.enterprise.language = "en"
    personas.enterprise.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            [personas.enterprise, personas.enterprise],
            "core.welcome",
            params={"username": "enterprise"},
        )
    assert Notification.objects.filter(recipient=personas.enterprise).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Welcome to Tuwei"
    assert "enterprise" in mail.outbox[0].body


def test_a_rolled_back_change_sends_nothing(personas, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify([personas.enterprise], "core.welcome", params={"username": "x"})
        raise RuntimeError
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_the_email_task_is_idempotent(personas) -> None:
    rows = notify([personas.enterprise], "core.welcome", params={"username": "x"}, email=False)
    ids = [row.pk for row in rows]
    assert send_notification_emails.call(ids) == 1
    assert send_notification_emails.call(ids) == 0
    assert len(mail.outbox) == 1


def test_an_unknown_verb_is_a_programming_error(personas) -> None:
    with pytest.raises(ValueError):
        notify([personas.enterprise], "no.such.verb")


def test_the_inbox_shows_renders_and_marks_read(personas) -> None:
    notify(
        [personas.enterprise],
        "core.welcome",
        params={"username": "enterprise"},
        url="/inbox/",
        email=False,
    )
    client = sign_in(Client(), personas.enterprise)
    page = client.get("/inbox/")
    assert page.status_code == 200
    notification = Notification.objects.get()
    title, _ = render(notification)
    assert title in page.content.decode()
    response = client.post(f"/inbox/{notification.pk}/read/")
    assert response["Location"] == "/inbox/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_reads_another_persons_notification(personas) -> None:
    notify([personas.enterprise], "core.welcome", params={"username": "x"}, email=False)
    notification = Notification.objects.get()
    client = sign_in(Client(), personas.other_enterprise)
    assert client.post(f"/inbox/{notification.pk}/read/").status_code == 404
