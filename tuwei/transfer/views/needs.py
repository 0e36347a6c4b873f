"""Technology needs in the registry: an enterprise's own, a bureau's region, all for officers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.registry import list_page
from tuwei.resources.selectors.scope import is_officer
from tuwei.transfer.filters import NeedRegistryFilter
from tuwei.transfer.forms import NeedForm
from tuwei.transfer.models import TechNeed
from tuwei.transfer.selectors import needs as selectors
from tuwei.transfer.services import needs as services


def _need(request: AuthedRequest, pk: int) -> TechNeed:
    try:
        return selectors.need_get(user=request.user, pk=pk)
    except TechNeed.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("transfer.view_needs")
def need_list(request: AuthedRequest) -> HttpResponse:
    filterset = NeedRegistryFilter(request.GET, queryset=selectors.need_list(user=request.user))
    return list_page(
        request,
        "transfer/need_list.html",
        filterset=filterset,
        context={
            "can_add": request.user.has_perm("transfer.add_need"),
            "can_import": request.user.has_perm("transfer.import_needs"),
        },
    )


@require_perm("transfer.add_need")
def need_create(request: AuthedRequest) -> HttpResponse:
    form = NeedForm(request.POST or None, officer=is_officer(request.user))
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        organization = values.pop("organization", None)
        try:
            need = services.need_create(
                actor=request.user, values=values, organization=organization, request=request
            )
        except (DomainError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The need is posted on the marketplace."))
            return redirect("transfer:market_need", pk=need.pk)
    return render(request, "transfer/need_form.html", {"form": form})


@require_perm("transfer.view_needs")
def need_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    need = _need(request, pk)
    if not selectors.can_edit_need(request.user, need):
        raise PermissionDenied
    form = NeedForm(request.POST or None, instance=TechNeed.objects.get(pk=need.pk))
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.need_update(actor=request.user, need=need, values=values, request=request)
        except (DomainError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The need was saved."))
            return redirect("transfer:market_need", pk=need.pk)
    return render(request, "transfer/need_form.html", {"form": form, "need": need})


@require_POST
@require_perm("transfer.view_needs")
def need_close(request: AuthedRequest, pk: int) -> HttpResponse:
    need = _need(request, pk)
    try:
        services.need_close(actor=request.user, need=need, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The need is closed."))
    return redirect("transfer:market_need", pk=need.pk)
