"""The pages every registry has: a filtered list, its xlsx export, the template and the import.

Views stay thin: each registry's view calls these with its own selector, filter,
sheet and import service. The transfer app uses them too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuwei.core.audit import log_action
from tuwei.core.types import AuthedRequest
from tuwei.core.xlsx_import import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    XLSX_CONTENT_TYPE,
    ImportFileError,
    ImportResult,
    Sheet,
    write_workbook,
)

EXPORT_LIMIT = 20_000
PER_PAGE = 25


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Workbook (.xlsx)"))
    import_valid_rows = forms.BooleanField(
        label=gettext_lazy("Import the valid rows even if other rows have errors"),
        required=False,
        help_text=gettext_lazy(
            "Without this, a file with any row in error imports nothing, so you can fix the "
            "file and import it whole."
        ),
    )


def list_page(
    request: AuthedRequest,
    template: str,
    *,
    filterset: Any,
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, template, {"filter": filterset, "page": page, **(context or {})})


def xlsx_response(content: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.xlsx"'
    return response


def export_response(
    request: AuthedRequest,
    *,
    sheet: Sheet,
    rows: Iterable[Mapping[str, Any]],
    stem: str,
    action: str,
) -> HttpResponse:
    """The filtered rows as a workbook in the sheet's format; the export is audited."""
    kept: list[Mapping[str, Any]] = []
    for row in rows:
        if len(kept) == EXPORT_LIMIT:
            break
        kept.append(row)
    content = write_workbook(sheet, kept)
    log_action(
        None,
        action,
        actor=request.user,
        data={"filters": request.GET.dict(), "rows": len(kept)},
        request=request,
    )
    return xlsx_response(content, stem)


def template_response(sheet: Sheet, stem: str) -> HttpResponse:
    return xlsx_response(write_workbook(sheet, []), f"{stem}-template")


ImportRun = Callable[[IO[bytes], str, int | None, bool], ImportResult]


def import_page(
    request: AuthedRequest,
    *,
    run: ImportRun,
    title: str,
    back_url: str,
    template_url: str,
) -> HttpResponse:
    """Upload → the registry's import service → every row error shown, or back to the list."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result: ImportResult | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = run(
                upload, upload.name or "", upload.size, form.cleaned_data["import_valid_rows"]
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            if not result.errors:
                messages.success(
                    request, _("%(count)s row(s) were imported.") % {"count": result.saved}
                )
                return redirect(back_url)
            if result.saved:
                messages.warning(
                    request,
                    _("%(saved)s row(s) were imported; %(bad)s row(s) with errors were left out.")
                    % {"saved": result.saved, "bad": len({error.row for error in result.errors})},
                )
            else:
                form.add_error(
                    None,
                    _(
                        "Nothing was imported: %(bad)s row(s) have errors. Correct them, or tick "
                        "“Import the valid rows” to import the others."
                    )
                    % {"bad": len({error.row for error in result.errors})},
                )
    return render(
        request,
        "resources/import.html",
        {
            "form": form,
            "result": result,
            "title": title,
            "back_url": back_url,
            "template_url": template_url,
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_UPLOAD_BYTES // 2**20,
        },
    )
