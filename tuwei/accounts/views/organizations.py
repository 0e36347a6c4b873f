"""Organisations, as far as the reader's data scope reaches."""

from __future__ import annotations

import django_filters
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from tuwei.accounts import selectors
from tuwei.accounts.models import Organization, Region
from tuwei.core.types import AuthedRequest


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices, label=_("Type"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))
    status = django_filters.ChoiceFilter(choices=Organization.Status.choices, label=_("Status"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "region", "status"]


@login_required
def organization_list(request: AuthedRequest) -> HttpResponse:
    scoped = selectors.organization_list(user=request.user)
    filterset = OrganizationFilter(request.GET, queryset=scoped)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    return render(request, "accounts/organization_list.html", {"filter": filterset, "page": page})


@login_required
def organization_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        organization = selectors.organization_get(user=request.user, pk=pk)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc
    members = organization.members.filter(is_active=True).order_by("real_name")
    return render(
        request,
        "accounts/organization_detail.html",
        {"organization": organization, "members": members},
    )
