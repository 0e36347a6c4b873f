"""Innovation consortia and tech commissioners: list, detail, create, edit, service logs."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.filters import CommissionerFilter, ConsortiumFilter
from tuwei.resources.forms import CommissionerForm, ConsortiumForm, ServiceLogForm
from tuwei.resources.models import Commissioner, Consortium
from tuwei.resources.registry import list_page
from tuwei.resources.selectors import directories as selectors
from tuwei.resources.services import directories as services
from tuwei.resources.views.directories import form_page, scoped_get


def _rights(request: AuthedRequest) -> dict[str, bool]:
    can_edit = request.user.has_perm("resources.edit_directories")
    return {"can_add": can_edit, "can_import": can_edit}


@require_perm("resources.view_networks")
def consortium_list(request: AuthedRequest) -> HttpResponse:
    filterset = ConsortiumFilter(request.GET, queryset=selectors.consortium_list(user=request.user))
    return list_page(
        request, "resources/consortium_list.html", filterset=filterset, context=_rights(request)
    )


@require_perm("resources.view_networks")
def consortium_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    consortium = scoped_get(selectors.consortium_list(user=request.user), pk)
    return render(
        request,
        "resources/consortium_detail.html",
        {
            "consortium": consortium,
            "challenges": selectors.consortium_challenges(consortium),
            "can_edit": request.user.has_perm("resources.edit_directories"),
        },
    )


@require_perm("resources.edit_directories")
def consortium_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    consortium = scoped_get(Consortium.objects.all(), pk) if pk else None
    form = ConsortiumForm(
        request.POST or None, instance=Consortium.objects.get(pk=pk) if pk else None
    )

    def save() -> Consortium:
        values = dict(form.cleaned_data)
        members = values.pop("members")
        challenges = values.pop("challenges")
        return services.consortium_save(
            actor=request.user,
            values=values,
            members=members,
            challenges=challenges,
            consortium=consortium,
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=_("Edit consortium") if consortium else _("New innovation consortium"),
        cancel=reverse("resources:consortium_detail", args=[pk])
        if pk
        else reverse("resources:consortium_list"),
        done=lambda saved: redirect("resources:consortium_detail", pk=saved.pk),
    )


@require_perm("resources.view_networks")
def commissioner_list(request: AuthedRequest) -> HttpResponse:
    filterset = CommissionerFilter(
        request.GET, queryset=selectors.commissioner_list(user=request.user)
    )
    return list_page(
        request, "resources/commissioner_list.html", filterset=filterset, context=_rights(request)
    )


@require_perm("resources.view_networks")
def commissioner_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    commissioner = scoped_get(selectors.commissioner_list(user=request.user), pk)
    logs = selectors.service_log_list(user=request.user, commissioner=commissioner)
    return render(
        request,
        "resources/commissioner_detail.html",
        {
            "commissioner": commissioner,
            "logs": logs,
            "hours": sum(log.hours for log in logs),
            "can_edit": request.user.has_perm("resources.edit_directories"),
        },
    )


@require_perm("resources.edit_directories")
def commissioner_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    commissioner = scoped_get(Commissioner.objects.all(), pk) if pk else None
    form = CommissionerForm(
        request.POST or None, instance=Commissioner.objects.get(pk=pk) if pk else None
    )

    def save() -> Commissioner:
        values = dict(form.cleaned_data)
        enterprises = values.pop("enterprises")
        return services.commissioner_save(
            actor=request.user,
            values=values,
            enterprises=enterprises,
            commissioner=commissioner,
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=_("Edit commissioner") if commissioner else _("New tech commissioner"),
        cancel=reverse("resources:commissioner_detail", args=[pk])
        if pk
        else reverse("resources:commissioner_list"),
        done=lambda saved: redirect("resources:commissioner_detail", pk=saved.pk),
    )


@require_perm("resources.edit_directories")
def commissioner_log(request: AuthedRequest, pk: int) -> HttpResponse:
    commissioner = scoped_get(Commissioner.objects.all(), pk)
    form = ServiceLogForm(request.POST or None, commissioner=commissioner)
    return form_page(
        request,
        form,
        lambda: services.service_log_create(
            actor=request.user, commissioner=commissioner, request=request, **form.cleaned_data
        ),
        title=_("Service log of %(name)s") % {"name": commissioner.name},
        cancel=reverse("resources:commissioner_detail", args=[pk]),
        done=lambda saved: redirect("resources:commissioner_detail", pk=commissioner.pk),
    )
