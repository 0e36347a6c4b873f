"""Forms and filters of breakthrough points."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region
from tuwei.chains.models import Chain, ChainNode, Cluster, Point
from tuwei.chains.selectors.points import point_search


class NodeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.chain} · {obj}"


class PointForm(forms.ModelForm):
    node = NodeChoiceField(
        label=_("Chain node"),
        queryset=ChainNode.objects.select_related("chain", "chain__cluster").order_by(
            "chain__cluster__order", "chain__order", "order", "code"
        ),
    )

    class Meta:
        model = Point
        fields = ["node", "title", "problem", "advantage", "expected_output", "region"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "advantage": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 3}),
        }


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for dropping"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class PointFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Text"))
    cluster = django_filters.ModelChoiceFilter(
        field_name="node__chain__cluster", queryset=Cluster.objects.all(), label=_("Cluster")
    )
    chain = django_filters.ModelChoiceFilter(
        field_name="node__chain", queryset=Chain.objects.all(), label=_("Chain")
    )
    status = django_filters.ChoiceFilter(choices=Point.Status.choices, label=_("Status"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("League/city"))

    class Meta:
        model = Point
        fields = ["q", "cluster", "chain", "status", "region"]

    def search(self, queryset: QuerySet[Point], name: str, value: str) -> QuerySet[Point]:
        return point_search(queryset, value)
