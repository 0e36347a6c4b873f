"""List filters (django-filter) of the marketplace and the transfer registries."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.chains.models import Chain
from tuwei.transfer.models import Achievement, Deal, TechNeed
from tuwei.transfer.search import search

TRL_CHOICES = [(n, f"≥ {n}") for n in range(1, 10)]


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search_text", label=_("Search"))

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return search(queryset, value)


class MarketFilter(SearchFilterSet):
    kind = django_filters.ChoiceFilter(choices=Achievement.Kind.choices, label=_("Type"))
    trl = django_filters.TypedChoiceFilter(
        field_name="trl",
        lookup_expr="gte",
        choices=TRL_CHOICES,
        coerce=int,
        label=_("Readiness (TRL)"),
    )
    chain = django_filters.ModelChoiceFilter(
        field_name="chain_node__chain", queryset=Chain.objects.all(), label=_("Industrial chain")
    )
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))

    class Meta:
        model = Achievement
        fields = ["q", "kind", "trl", "chain", "region"]


class AchievementFilter(MarketFilter):
    status = django_filters.ChoiceFilter(choices=Achievement.Status.choices, label=_("Status"))
    visibility = django_filters.ChoiceFilter(
        choices=Achievement.Visibility.choices, label=_("Visibility")
    )

    class Meta:
        model = Achievement
        fields = ["q", "kind", "status", "visibility", "trl", "chain", "region"]


class NeedFilter(SearchFilterSet):
    chain = django_filters.ModelChoiceFilter(
        field_name="chain_node__chain", queryset=Chain.objects.all(), label=_("Industrial chain")
    )
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))

    class Meta:
        model = TechNeed
        fields = ["q", "chain", "region"]


class NeedRegistryFilter(NeedFilter):
    status = django_filters.ChoiceFilter(choices=TechNeed.Status.choices, label=_("Status"))

    class Meta:
        model = TechNeed
        fields = ["q", "status", "chain", "region"]


class DealFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Title"))
    kind = django_filters.ChoiceFilter(choices=Deal.Kind.choices, label=_("Kind"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))
    chain = django_filters.ModelChoiceFilter(
        field_name="chain_node__chain", queryset=Chain.objects.all(), label=_("Industrial chain")
    )
    year = django_filters.NumberFilter(
        field_name="signed_on",
        lookup_expr="year",
        label=_("Year"),
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100}),
    )

    class Meta:
        model = Deal
        fields = ["q", "kind", "region", "chain", "year"]
