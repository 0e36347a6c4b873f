"""Background tasks of the core app (Django's task framework)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone, translation

from tuwei.core.models import Notification
from tuwei.core.notifications import render


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """Email each notification once, in its recipient's language.

    Idempotent: a row already marked `emailed_at` is skipped, so a retried task
    sends nothing twice.
    """
    sent = 0
    pending = Notification.objects.select_related("recipient").filter(
        pk__in=notification_ids, emailed_at=None
    )
    for notification in pending:
        recipient = notification.recipient
        if not recipient.email:
            continue
        with translation.override(getattr(recipient, "language", None) or "zh-hans"):
            title, body = render(notification)
        send_mail(title, body, None, [recipient.email], fail_silently=False)
        Notification.objects.filter(pk=notification.pk, emailed_at=None).update(
            emailed_at=timezone.now()
        )
        sent += 1
    return sent
