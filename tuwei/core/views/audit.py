"""The audit trail, for the security auditor only (三员分立)."""

from __future__ import annotations

from io import BytesIO

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from tuwei.core.audit import log_action
from tuwei.core.models import AuditEntry
from tuwei.core.permissions import require_perm

EXPORT_LIMIT = 100_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AuditFilter(django_filters.FilterSet):
    actor = django_filters.CharFilter(
        field_name="actor_repr", lookup_expr="icontains", label=gettext_lazy("Who")
    )
    action = django_filters.CharFilter(lookup_expr="startswith", label=gettext_lazy("What"))
    since = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__gte",
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        field_name="created_at",
        lookup_expr="date__lte",
        label=gettext_lazy("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    object_type = django_filters.CharFilter(label=gettext_lazy("Object type"))
    object_id = django_filters.CharFilter(label=gettext_lazy("Object id"))

    class Meta:
        model = AuditEntry
        fields = ["actor", "action", "since", "until", "object_type", "object_id"]


@require_perm("core.view_audit")
def audit_list(request: HttpRequest) -> HttpResponse:
    filterset = AuditFilter(request.GET, queryset=AuditEntry.objects.all())
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"filter": filterset, "page": page})


@require_perm("core.view_audit")
def audit_export(request: HttpRequest) -> HttpResponse:
    filterset = AuditFilter(request.GET, queryset=AuditEntry.objects.all())
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Audit trail"))
    sheet.append(
        [
            _("Sequence"),
            _("Time"),
            _("Who"),
            _("What"),
            _("Object type"),
            _("Object id"),
            _("Object"),
            _("Details"),
            _("IP address"),
            _("Hash"),
        ]
    )
    local = timezone.get_current_timezone()
    count = 0
    for entry in filterset.qs.order_by("seq").iterator(chunk_size=2000):
        if count >= EXPORT_LIMIT:
            break
        sheet.append(
            [
                entry.seq,
                entry.created_at.astimezone(local).replace(tzinfo=None),
                entry.actor_repr,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.object_repr,
                str(entry.data) if entry.data else "",
                entry.ip or "",
                f"{entry.algorithm}:{entry.hash}",
            ]
        )
        count += 1
    buffer = BytesIO()
    workbook.save(buffer)
    log_action(
        None,
        "audit.export",
        actor=request.user,
        data={"filters": request.GET.dict(), "rows": count},
        request=request,
    )
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
    return response
