"""List filters (django-filter) of the resources registries."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Organization, Region
from tuwei.chains.models import Chain
from tuwei.resources.models import Commissioner, Consortium, Facility, Platform

YEAR = forms.NumberInput(attrs={"min": 2000, "max": 2100})


class EnterpriseFilter(django_filters.FilterSet):
    """Filters an enterprise list annotated by `with_qualifications` for the chosen year."""

    THREE_ZEROS = (
        ("cleared", _("Cleared")),
        ("new", _("Newly cleared this year")),
        ("not", _("Not cleared")),
    )
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))
    year = django_filters.NumberFilter(method="keep", label=_("Year"), widget=YEAR)
    three_zeros = django_filters.ChoiceFilter(
        choices=THREE_ZEROS, method="by_three_zeros", label=_("Three zeros cleared")
    )
    high_tech = django_filters.BooleanFilter(label=_("High-tech enterprise"))
    sme = django_filters.BooleanFilter(label=_("Tech-based SME"))

    class Meta:
        model = Organization
        fields = ["q", "region", "year", "three_zeros", "high_tech", "sme"]

    def keep(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return queryset  # the view annotates the list for this year

    def by_three_zeros(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == "cleared":
            return queryset.filter(three_zeros=True)
        if value == "new":
            return queryset.filter(three_zeros_new=True)
        return queryset.filter(three_zeros=False)


class PlatformFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    kind = django_filters.ChoiceFilter(choices=Platform.Kind.choices, label=_("Type"))
    level = django_filters.ChoiceFilter(choices=Platform.Level.choices, label=_("Level"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))
    year = django_filters.NumberFilter(label=_("Year approved"), widget=YEAR)

    class Meta:
        model = Platform
        fields = ["q", "kind", "level", "region", "year"]


class FacilityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or code"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))
    is_public = django_filters.BooleanFilter(label=_("In the public directory"))

    class Meta:
        model = Facility
        fields = ["q", "region", "is_public"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(name__icontains=value) | Q(code__icontains=value))


class ConsortiumFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"))
    chain = django_filters.ModelChoiceFilter(
        queryset=Chain.objects.all(), label=_("Industrial chain")
    )
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))

    class Meta:
        model = Consortium
        fields = ["q", "chain", "region"]


class CommissionerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or expertise"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))

    class Meta:
        model = Commissioner
        fields = ["q", "region"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(name__icontains=value) | Q(expertise__icontains=value))
