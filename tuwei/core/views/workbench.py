from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tuwei.core.notifications import render as render_notification
from tuwei.core.types import AuthedRequest
from tuwei.core.workbench import todos_for


@login_required
def workbench(request: AuthedRequest) -> HttpResponse:
    user = request.user
    recent = [
        (notification, *render_notification(notification))
        for notification in user.notifications.all()[:8]
    ]
    return render(
        request,
        "core/workbench.html",
        {"todos": todos_for(user), "recent": recent, "roles": user.roles.all()},
    )
