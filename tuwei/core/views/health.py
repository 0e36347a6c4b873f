"""Health endpoint for load balancers and monitoring: the database and the task backlog."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

# A task still waiting after this long means the workers are missing or overloaded.
STALE_AFTER = timedelta(minutes=5)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    body: dict[str, object] = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unreachable"}, status=503)
    if settings.TASK_BACKEND == "database":
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status="READY")
        stale = waiting.filter(enqueued_at__lt=timezone.now() - STALE_AFTER).count()
        body["tasks"] = {"waiting": waiting.count(), "stale": stale}
        if stale:
            body["status"] = "degraded"
            return JsonResponse(body, status=503)
    body["status"] = "ok"
    return JsonResponse(body)
