"""The transfer registries in xlsx: exports of the filtered rows, templates, imports."""

from __future__ import annotations

from typing import IO

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.core.xlsx_import import ImportResult
from tuwei.resources.registry import export_response, import_page, template_response
from tuwei.transfer import sheets
from tuwei.transfer.filters import AchievementFilter, DealFilter, NeedRegistryFilter
from tuwei.transfer.selectors.achievements import achievement_list
from tuwei.transfer.selectors.deals import deal_list
from tuwei.transfer.selectors.needs import need_list
from tuwei.transfer.services import imports


@require_perm("transfer.view_achievements")
def achievement_export(request: AuthedRequest) -> HttpResponse:
    filterset = AchievementFilter(request.GET, queryset=achievement_list(user=request.user))
    return export_response(
        request,
        sheet=sheets.ACHIEVEMENT_EXPORT,
        rows=sheets.achievement_rows(user=request.user, achievements=filterset.qs),
        stem="achievements",
        action="transfer.achievement.export",
    )


@require_perm("transfer.import_achievements")
def achievement_template(request: AuthedRequest) -> HttpResponse:
    return template_response(sheets.ACHIEVEMENT_SHEET, "achievements")


@require_perm("transfer.import_achievements")
def achievement_import(request: AuthedRequest) -> HttpResponse:
    def run(data: IO[bytes], name: str, size: int | None, valid_only: bool) -> ImportResult:
        return imports.achievement_import(
            actor=request.user,
            data=data,
            name=name,
            size=size,
            import_valid_rows=valid_only,
            request=request,
        )

    return import_page(
        request,
        run=run,
        title=_("Import achievements"),
        back_url=reverse("transfer:achievement_list"),
        template_url=reverse("transfer:achievement_template"),
    )


@require_perm("transfer.view_needs")
def need_export(request: AuthedRequest) -> HttpResponse:
    filterset = NeedRegistryFilter(request.GET, queryset=need_list(user=request.user))
    return export_response(
        request,
        sheet=sheets.NEED_EXPORT,
        rows=sheets.need_rows(filterset.qs),
        stem="technology-needs",
        action="transfer.need.export",
    )


@require_perm("transfer.import_needs")
def need_template(request: AuthedRequest) -> HttpResponse:
    return template_response(sheets.NEED_SHEET, "technology-needs")


@require_perm("transfer.import_needs")
def need_import(request: AuthedRequest) -> HttpResponse:
    def run(data: IO[bytes], name: str, size: int | None, valid_only: bool) -> ImportResult:
        return imports.need_import(
            actor=request.user,
            data=data,
            name=name,
            size=size,
            import_valid_rows=valid_only,
            request=request,
        )

    return import_page(
        request,
        run=run,
        title=_("Import technology needs"),
        back_url=reverse("transfer:need_list"),
        template_url=reverse("transfer:need_template"),
    )


@require_perm("transfer.view_deals")
def deal_export(request: AuthedRequest) -> HttpResponse:
    filterset = DealFilter(request.GET, queryset=deal_list(user=request.user))
    return export_response(
        request,
        sheet=sheets.DEAL_EXPORT,
        rows=sheets.deal_rows(filterset.qs),
        stem="deals",
        action="transfer.deal.export",
    )


@require_perm("transfer.import_deals")
def deal_template(request: AuthedRequest) -> HttpResponse:
    return template_response(sheets.DEAL_SHEET, "deals")


@require_perm("transfer.import_deals")
def deal_import(request: AuthedRequest) -> HttpResponse:
    def run(data: IO[bytes], name: str, size: int | None, valid_only: bool) -> ImportResult:
        return imports.deal_import(
            actor=request.user,
            data=data,
            name=name,
            size=size,
            import_valid_rows=valid_only,
            request=request,
        )

    return import_page(
        request,
        run=run,
        title=_("Import deals"),
        back_url=reverse("transfer:deal_list"),
        template_url=reverse("transfer:deal_template"),
    )
