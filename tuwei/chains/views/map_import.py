"""The industry map as an xlsx workbook: export for every reader, import for officers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tuwei.chains.forms_map import MapImportForm
from tuwei.chains.selectors import map as selectors
from tuwei.chains.services.map_import import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    MapImportError,
    map_import,
    write_workbook,
)
from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_perm("chains.view_map")
def map_export(request: AuthedRequest) -> HttpResponse:
    rows = selectors.map_export_rows(user=request.user)
    content = write_workbook(rows)
    log_action(
        None, "chains.map.export", actor=request.user, data={"rows": len(rows)}, request=request
    )
    response = HttpResponse(content, content_type=XLSX)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="industry-map-{stamp}.xlsx"'
    return response


@require_perm("chains.edit_map")
def map_import_page(request: AuthedRequest) -> HttpResponse:
    form = MapImportForm(request.POST or None, request.FILES or None)
    problems: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = map_import(
                actor=request.user,
                data=upload,
                name=upload.name or "",
                size=upload.size,
                request=request,
            )
        except MapImportError as exc:
            problems = exc.problems
            form.add_error(None, str(exc))
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "The map was imported: %(clusters_created)s clusters, %(chains_created)s "
                    "chains and %(nodes_created)s nodes created; %(clusters_updated)s clusters, "
                    "%(chains_updated)s chains and %(nodes_updated)s nodes updated; "
                    "%(unchanged)s unchanged."
                )
                % {
                    **{f"{kind}_created": count for kind, count in result.created.items()},
                    **{f"{kind}_updated": count for kind, count in result.updated.items()},
                    "unchanged": result.unchanged,
                },
            )
            return redirect("chains:map")
    return render(
        request,
        "chains/map/import.html",
        {
            "form": form,
            "problems": problems,
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_UPLOAD_BYTES // 2**20,
        },
    )
