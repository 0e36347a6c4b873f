from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tuwei.core.notifications import render as render_notification
from tuwei.core.types import AuthedRequest


@login_required
def inbox(request: AuthedRequest) -> HttpResponse:
    page = Paginator(request.user.notifications.all(), 20).get_page(request.GET.get("page"))
    rows = [(notification, *render_notification(notification)) for notification in page]
    return render(request, "core/inbox.html", {"page": page, "rows": rows})


@require_POST
@login_required
def inbox_read(request: AuthedRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(request.user.notifications, pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return redirect(target)


@require_POST
@login_required
def inbox_read_all(request: AuthedRequest) -> HttpResponse:
    request.user.notifications.filter(read_at=None).update(read_at=timezone.now())
    return redirect("core:inbox")
