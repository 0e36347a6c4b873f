"""Platforms and facilities: list, detail, create, edit (officers), sharing records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.filters import FacilityFilter, PlatformFilter
from tuwei.resources.forms import FacilityForm, PlatformForm, UsageForm
from tuwei.resources.models import Facility, Platform
from tuwei.resources.models.facilities import (
    BENCHMARK_EFFECTIVE_HOURS,
    BENCHMARK_EXTERNAL_HOURS,
)
from tuwei.resources.registry import list_page
from tuwei.resources.selectors import directories as selectors
from tuwei.resources.services import directories as services


def scoped_get(queryset: QuerySet[Any], pk: int) -> Any:
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def refuse(form: BaseForm, exc: DomainError | ValidationError) -> None:
    if isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
    else:
        form.add_error(None, str(exc))


def form_page(
    request: AuthedRequest,
    form: BaseForm,
    save: Callable[[], Model],
    *,
    title: str,
    cancel: str,
    done: Callable[[Model], HttpResponse],
) -> HttpResponse:
    """Valid POST → the service → a redirect; a refusal goes back to the form, input kept."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save()
        except (DomainError, ValidationError) as exc:
            refuse(form, exc)
        else:
            messages.success(request, _("Saved."))
            return done(saved)
    return render(request, "resources/form.html", {"form": form, "title": title, "cancel": cancel})


def _sheet_rights(request: AuthedRequest) -> dict[str, bool]:
    can_edit = request.user.has_perm("resources.edit_directories")
    return {"can_add": can_edit, "can_import": can_edit}


@require_perm("resources.view_directories")
def platform_list(request: AuthedRequest) -> HttpResponse:
    filterset = PlatformFilter(request.GET, queryset=selectors.platform_list(user=request.user))
    return list_page(
        request, "resources/platform_list.html", filterset=filterset, context=_sheet_rights(request)
    )


@require_perm("resources.view_directories")
def platform_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    platform = scoped_get(selectors.platform_list(user=request.user), pk)
    return render(
        request,
        "resources/platform_detail.html",
        {"platform": platform, "can_edit": request.user.has_perm("resources.edit_directories")},
    )


@require_perm("resources.edit_directories")
def platform_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    platform = scoped_get(Platform.objects.all(), pk) if pk else None
    form = PlatformForm(request.POST or None, instance=Platform.objects.get(pk=pk) if pk else None)
    return form_page(
        request,
        form,
        lambda: services.platform_save(
            actor=request.user, values=form.cleaned_data, platform=platform, request=request
        ),
        title=_("Edit platform") if platform else _("New innovation platform"),
        cancel=reverse("resources:platform_detail", args=[pk])
        if pk
        else reverse("resources:platform_list"),
        done=lambda saved: redirect("resources:platform_detail", pk=saved.pk),
    )


@require_perm("resources.view_directories")
def facility_list(request: AuthedRequest) -> HttpResponse:
    filterset = FacilityFilter(request.GET, queryset=selectors.facility_list(user=request.user))
    return list_page(
        request, "resources/facility_list.html", filterset=filterset, context=_sheet_rights(request)
    )


@require_perm("resources.view_directories")
def facility_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    facility = scoped_get(selectors.facility_list(user=request.user), pk)
    return render(
        request,
        "resources/facility_detail.html",
        {
            "facility": facility,
            "usages": facility.usages.all(),
            "benchmark_effective": BENCHMARK_EFFECTIVE_HOURS,
            "benchmark_external": BENCHMARK_EXTERNAL_HOURS,
            "can_edit": request.user.has_perm("resources.edit_directories"),
        },
    )


@require_perm("resources.edit_directories")
def facility_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    facility = scoped_get(Facility.objects.all(), pk) if pk else None
    form = FacilityForm(request.POST or None, instance=Facility.objects.get(pk=pk) if pk else None)
    return form_page(
        request,
        form,
        lambda: services.facility_save(
            actor=request.user, values=form.cleaned_data, facility=facility, request=request
        ),
        title=_("Edit facility") if facility else _("New facility or instrument"),
        cancel=reverse("resources:facility_detail", args=[pk])
        if pk
        else reverse("resources:facility_list"),
        done=lambda saved: redirect("resources:facility_detail", pk=saved.pk),
    )


@require_perm("resources.edit_directories")
def facility_usage(request: AuthedRequest, pk: int) -> HttpResponse:
    facility = scoped_get(Facility.objects.all(), pk)
    form = UsageForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.facility_usage_record(
            actor=request.user, facility=facility, request=request, **form.cleaned_data
        ),
        title=_("Sharing record of %(name)s") % {"name": facility.name},
        cancel=reverse("resources:facility_detail", args=[pk]),
        done=lambda saved: redirect("resources:facility_detail", pk=facility.pk),
    )
