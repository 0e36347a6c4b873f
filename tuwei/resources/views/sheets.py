"""The resources registries in xlsx: exports of the filtered rows, templates, imports."""

from __future__ import annotations

from typing import IO

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.core.xlsx_import import ImportResult
from tuwei.resources import sheets
from tuwei.resources.filters import (
    CommissionerFilter,
    ConsortiumFilter,
    FacilityFilter,
    PlatformFilter,
)
from tuwei.resources.registry import export_response, import_page, template_response
from tuwei.resources.selectors import directories
from tuwei.resources.services.imports import REGISTRIES, registry_import
from tuwei.resources.views.qualifications import chosen_year, filtered_enterprises

LISTS = {
    "qualifications": "resources:enterprise_list",
    "platforms": "resources:platform_list",
    "facilities": "resources:facility_list",
    "consortia": "resources:consortium_list",
    "commissioners": "resources:commissioner_list",
}


@require_perm("resources.view_qualifications")
def enterprise_export(request: AuthedRequest) -> HttpResponse:
    year = chosen_year(request)
    return export_response(
        request,
        sheet=sheets.QUALIFICATION_EXPORT,
        rows=sheets.qualification_rows(filtered_enterprises(request, year).qs, year),
        stem=f"enterprise-qualifications-{year}",
        action="resources.qualifications.export",
    )


@require_perm("resources.view_directories")
def platform_export(request: AuthedRequest) -> HttpResponse:
    filterset = PlatformFilter(request.GET, queryset=directories.platform_list(user=request.user))
    return export_response(
        request,
        sheet=sheets.PLATFORM_SHEET,
        rows=sheets.platform_rows(filterset.qs),
        stem="platforms",
        action="resources.platforms.export",
    )


@require_perm("resources.view_directories")
def facility_export(request: AuthedRequest) -> HttpResponse:
    filterset = FacilityFilter(request.GET, queryset=directories.facility_list(user=request.user))
    return export_response(
        request,
        sheet=sheets.FACILITY_EXPORT,
        rows=sheets.facility_rows(filterset.qs),
        stem="facilities",
        action="resources.facilities.export",
    )


@require_perm("resources.view_networks")
def consortium_export(request: AuthedRequest) -> HttpResponse:
    filterset = ConsortiumFilter(
        request.GET, queryset=directories.consortium_list(user=request.user)
    )
    return export_response(
        request,
        sheet=sheets.CONSORTIUM_EXPORT,
        rows=sheets.consortium_rows(filterset.qs),
        stem="consortia",
        action="resources.consortia.export",
    )


@require_perm("resources.view_networks")
def commissioner_export(request: AuthedRequest) -> HttpResponse:
    filterset = CommissionerFilter(
        request.GET, queryset=directories.commissioner_list(user=request.user)
    )
    return export_response(
        request,
        sheet=sheets.COMMISSIONER_SHEET,
        rows=sheets.commissioner_rows(filterset.qs),
        stem="commissioners",
        action="resources.commissioners.export",
    )


def _registry(registry: str) -> None:
    if registry not in REGISTRIES:
        raise Http404


@require_perm("resources.edit_directories")
def registry_template(request: AuthedRequest, registry: str) -> HttpResponse:
    _registry(registry)
    return template_response(REGISTRIES[registry][0], registry)


@require_perm("resources.edit_directories")
def registry_import_page(request: AuthedRequest, registry: str) -> HttpResponse:
    _registry(registry)

    def run(data: IO[bytes], name: str, size: int | None, valid_only: bool) -> ImportResult:
        return registry_import(
            actor=request.user,
            registry=registry,
            data=data,
            name=name,
            size=size,
            import_valid_rows=valid_only,
            request=request,
        )

    return import_page(
        request,
        run=run,
        title=_("Import: %(registry)s") % {"registry": REGISTRIES[registry][0].name},
        back_url=reverse(LISTS[registry]),
        template_url=reverse("resources:registry_template", args=[registry]),
    )
