"""Deals: list, detail, record, edit, the contract behind a permission check, and the totals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.registry import list_page
from tuwei.transfer.filters import DealFilter
from tuwei.transfer.forms import DealForm, InventorFormSet, inventors_from
from tuwei.transfer.models import Deal
from tuwei.transfer.selectors import deals as selectors
from tuwei.transfer.selectors.achievements import achievement_list
from tuwei.transfer.services.deals import deal_create, deal_update

ERROR_FIELDS = {
    "no_sellers": "sellers",
    "buyer_is_seller": "buyer",
    "licence_scope": "licence_scope",
    "duplicate_registration": "registration_number",
    "contract_not_pdf": "contract_file",
    "contract_too_big": "contract_file",
    "achievement_unknown": "achievement",
}


def _deal(request: AuthedRequest, pk: int) -> Deal:
    try:
        return selectors.deal_get(user=request.user, pk=pk)
    except Deal.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("transfer.view_deals")
def deal_list(request: AuthedRequest) -> HttpResponse:
    filterset = DealFilter(request.GET, queryset=selectors.deal_list(user=request.user))
    return list_page(
        request,
        "transfer/deal_list.html",
        filterset=filterset,
        context={
            "can_add": request.user.has_perm("transfer.add_deal"),
            "can_import": request.user.has_perm("transfer.import_deals"),
            "can_total": request.user.has_perm("transfer.view_deal_totals"),
        },
    )


@require_perm("transfer.view_deals")
def deal_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    deal = _deal(request, pk)
    return render(
        request,
        "transfer/deal_detail.html",
        {
            "deal": deal,
            "can_edit": selectors.can_edit_deal(request.user, deal),
            "can_open_contract": selectors.can_open_contract(request.user, deal),
            "inventor_total": sum(share.share for share in deal.inventor_shares.all()),
        },
    )


def _form_page(request: AuthedRequest, deal: Deal | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    achievements = achievement_list(user=request.user)
    instance = Deal.objects.get(pk=deal.pk) if deal else None
    form = DealForm(data, files, instance=instance, achievements=achievements)
    initial = (
        [{"name": share.name, "share": share.share} for share in deal.inventor_shares.all()]
        if deal
        else []
    )
    inventors = InventorFormSet(data, prefix="inventors", initial=initial)
    if data is not None and form.is_valid() and inventors.is_valid():
        values = {
            name: form.cleaned_data[name] for name in DealForm.Meta.fields if name != "sellers"
        }
        sellers = list(form.cleaned_data["sellers"])
        shares = inventors_from(inventors)
        contract = form.cleaned_data.get("contract_file")
        try:
            if deal is None:
                saved = deal_create(
                    actor=request.user,
                    values=values,
                    sellers=sellers,
                    inventors=shares,
                    contract=contract,
                    request=request,
                )
            else:
                saved = deal_update(
                    actor=request.user,
                    deal=deal,
                    values=values,
                    sellers=sellers,
                    inventors=shares,
                    contract=contract,
                    request=request,
                )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        except DomainError as exc:
            field = ERROR_FIELDS.get(exc.code)
            form.add_error(field if field in form.fields else None, str(exc))
        else:
            messages.success(request, _("The deal was saved."))
            return redirect("transfer:deal_detail", pk=saved.pk)
    return render(
        request, "transfer/deal_form.html", {"form": form, "inventors": inventors, "deal": deal}
    )


@require_perm("transfer.add_deal")
def deal_create_page(request: AuthedRequest) -> HttpResponse:
    return _form_page(request, None)


@require_perm("transfer.view_deals")
def deal_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    deal = _deal(request, pk)
    if not selectors.can_edit_deal(request.user, deal):
        raise PermissionDenied
    return _form_page(request, deal)


@require_perm("transfer.view_deals")
def deal_contract(request: AuthedRequest, pk: int) -> Any:  # a FileResponse (streaming)
    """The contract PDF, to the parties and officers only; every download is audited."""
    deal = _deal(request, pk)
    if not deal.contract:
        raise Http404
    if not selectors.can_open_contract(request.user, deal):
        raise PermissionDenied
    log_action(deal, "transfer.deal.contract_download", actor=request.user, request=request)
    response = FileResponse(
        deal.contract.open("rb"),
        as_attachment=True,
        filename=deal.contract_name or "contract.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_perm("transfer.view_deal_totals")
def deal_summary(request: AuthedRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year", "")) if request.GET.get("year") else None
    except ValueError:
        year = None
    totals = selectors.deal_totals(user=request.user, year=year)
    return render(
        request,
        "transfer/deal_summary.html",
        {
            "totals": totals,
            "year": year,
            "years": range(timezone.localdate().year, 2019, -1),
            "region_chart": selectors.deal_totals_chart(totals.by_region),
            "chain_chart": selectors.deal_totals_chart(totals.by_chain),
        },
    )
