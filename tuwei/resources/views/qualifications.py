"""Enterprise qualifications: the list, an enterprise's page, its forms, and 三清零 by region."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuwei.accounts.models import Organization
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.filters import EnterpriseFilter
from tuwei.resources.forms import HighTechForm, RdFactsForm, SmeForm
from tuwei.resources.models import HighTechCertificate, RdFacts, SmeRegistration
from tuwei.resources.registry import list_page
from tuwei.resources.selectors import qualifications as selectors
from tuwei.resources.services import qualifications as services


def chosen_year(request: AuthedRequest) -> int:
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if 2000 <= year <= 2100 else selectors.latest_fact_year()


def _enterprise(request: AuthedRequest, pk: int) -> Organization:
    try:
        return selectors.enterprise_get(user=request.user, pk=pk)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc


def filtered_enterprises(request: AuthedRequest, year: int) -> EnterpriseFilter:
    enterprises = selectors.with_qualifications(
        selectors.enterprise_list(user=request.user), year
    ).order_by("region__order", "name")
    data = request.GET.copy()
    data.setdefault("year", str(year))
    return EnterpriseFilter(data, queryset=enterprises)


@require_perm("resources.view_qualifications")
def enterprise_list(request: AuthedRequest) -> HttpResponse:
    year = chosen_year(request)
    return list_page(
        request,
        "resources/enterprise_list.html",
        filterset=filtered_enterprises(request, year),
        context={
            "year": year,
            "can_import": request.user.has_perm("resources.import_qualifications"),
        },
    )


@require_perm("resources.view_qualifications")
def enterprise_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    enterprise = _enterprise(request, pk)
    facts = list(RdFacts.objects.filter(organization=enterprise).order_by("-year"))
    cleared_years = sorted(f.year for f in facts if f.clears_three_zeros)
    first_cleared = cleared_years[0] if cleared_years else None
    return render(
        request,
        "resources/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "facts": facts,
            "first_cleared": first_cleared,
            "status": selectors.three_zero_status(enterprise, facts[0].year) if facts else None,
            "certificates": HighTechCertificate.objects.filter(organization=enterprise),
            "registrations": SmeRegistration.objects.filter(organization=enterprise),
            "can_edit": selectors.can_edit_qualifications(request.user, enterprise),
        },
    )


def _record_page(
    request: AuthedRequest, pk: int, form_class: type[BaseForm], record: Any, title: str
) -> HttpResponse:
    enterprise = _enterprise(request, pk)
    if not selectors.can_edit_qualifications(request.user, enterprise):
        raise PermissionDenied
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record(
                actor=request.user, organization=enterprise, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("resources:enterprise_detail", pk=enterprise.pk)
    return render(
        request,
        "resources/enterprise_form.html",
        {"form": form, "enterprise": enterprise, "title": title},
    )


@require_perm("resources.view_qualifications")
def enterprise_facts(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record_page(
        request, pk, RdFactsForm, services.rd_facts_record, _("R&D facts of a year")
    )


@require_perm("resources.view_qualifications")
def enterprise_high_tech(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record_page(
        request, pk, HighTechForm, services.high_tech_record, _("High-tech enterprise certificate")
    )


@require_perm("resources.view_qualifications")
def enterprise_sme(request: AuthedRequest, pk: int) -> HttpResponse:
    return _record_page(request, pk, SmeForm, services.sme_record, _("Tech-based SME registration"))


@require_perm("resources.view_three_zeros")
def three_zeros(request: AuthedRequest) -> HttpResponse:
    year = chosen_year(request)
    counts = selectors.three_zero_counts(user=request.user, year=year)
    return render(
        request,
        "resources/three_zeros.html",
        {
            "year": year,
            "counts": counts,
            "total": sum(count.cleared for count in counts),
            "total_new": sum(count.new for count in counts),
            "chart": selectors.three_zero_chart(counts, year),
        },
    )
