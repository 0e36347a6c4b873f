from __future__ import annotations

from django.urls import path

from tuwei.core.views import audit, health, inbox, workbench

app_name = "core"

urlpatterns = [
    path("", workbench.workbench, name="workbench"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/read-all/", inbox.inbox_read_all, name="inbox_read_all"),
    path("inbox/<int:pk>/read/", inbox.inbox_read, name="inbox_read"),
    path("audit/", audit.audit_list, name="audit_list"),
    path("audit/export.xlsx", audit.audit_export, name="audit_export"),
    path("healthz", health.health, name="health"),
]
