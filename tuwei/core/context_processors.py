from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from tuwei.core.navigation import nav_for


def tuwei(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    context: dict[str, Any] = {"tuwei_name": settings.TUWEI_SITE_NAME, "demo_mode": _demo_mode()}
    if user is not None and user.is_authenticated:
        context["nav_items"] = nav_for(user, request.path)
        context["unread_count"] = user.notifications.filter(read_at=None).count()
    return context


def _demo_mode() -> bool:
    from django.core.cache import cache

    from tuwei.programs.models import Program

    flag = cache.get("tuwei.demo_mode")
    if flag is None:
        flag = Program.objects.filter(is_demo=True).exists()
        cache.set("tuwei.demo_mode", flag, 60)
    return bool(flag)
