"""Enterprises with their qualifications, and 三清零 computed from the yearly R&D facts.

Nothing about 三清零 is stored: an enterprise has cleared the three zeros in a year
when that year's facts satisfy THREE_ZEROS_CLEARED, and it is *new* in that year
when no earlier year's facts did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils.translation import gettext

from tuwei.accounts.models import Organization, Region
from tuwei.resources.models import HighTechCertificate, RdFacts, SmeRegistration
from tuwei.resources.models.qualifications import THREE_ZEROS_CLEARED
from tuwei.resources.selectors.scope import (
    bureau_region,
    is_officer,
    member_organization,
    sees_everything,
)


def enterprise_list(*, user: Any) -> QuerySet[Organization]:
    enterprises = Organization.objects.filter(kind=Organization.Kind.ENTERPRISE).select_related(
        "region"
    )
    if sees_everything(user):
        return enterprises
    scope = Q(pk__in=[])
    region = bureau_region(user)
    if region is not None:
        scope |= Q(region_id=region)
    organization = member_organization(user)
    if organization is not None:
        scope |= Q(pk=organization)
    return enterprises.filter(scope)


def enterprise_get(*, user: Any, pk: int) -> Organization:
    return enterprise_list(user=user).get(pk=pk)


def can_edit_qualifications(user: Any, organization: Organization) -> bool:
    """Officers, and the enterprise itself."""
    return is_officer(user) or member_organization(user) == organization.pk


def with_qualifications(enterprises: QuerySet[Organization], year: int) -> QuerySet[Organization]:
    """Annotates, for `year`: three_zeros, three_zeros_new, has_facts, high_tech, sme."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    cleared = RdFacts.objects.filter(THREE_ZEROS_CLEARED, organization=OuterRef("pk"))
    return enterprises.annotate(
        has_facts=Exists(RdFacts.objects.filter(organization=OuterRef("pk"), year=year)),
        three_zeros=Exists(cleared.filter(year=year)),
        cleared_before=Exists(cleared.filter(year__lt=year)),
        high_tech=Exists(
            HighTechCertificate.objects.filter(
                organization=OuterRef("pk"), valid_from__lte=last, valid_to__gte=first
            )
        ),
        sme=Exists(SmeRegistration.objects.filter(organization=OuterRef("pk"), year=year)),
    ).annotate(
        three_zeros_new=ExpressionWrapper(
            Q(three_zeros=True) & Q(cleared_before=False), output_field=BooleanField()
        )
    )


@dataclass(frozen=True)
class RegionCount:
    region: Region
    cleared: int  # enterprises that cleared the three zeros in the year
    new: int  # of them, those that had not cleared them in any earlier year


def three_zero_counts(*, user: Any, year: int) -> list[RegionCount]:
    """三清零 enterprises by league/city in `year`, within the reader's scope."""
    enterprises = enterprise_list(user=user)
    facts = RdFacts.objects.filter(THREE_ZEROS_CLEARED, year=year, organization__in=enterprises)
    earlier = RdFacts.objects.filter(
        THREE_ZEROS_CLEARED, organization=OuterRef("organization"), year__lt=year
    )
    cleared = dict(
        facts.values_list("organization__region")
        .annotate(n=Count("pk"))
        .values_list("organization__region", "n")
    )
    new = dict(
        facts.filter(~Exists(earlier))
        .values_list("organization__region")
        .annotate(n=Count("pk"))
        .values_list("organization__region", "n")
    )
    regions = Region.objects.all()
    if not sees_everything(user):
        regions = regions.filter(pk=bureau_region(user) or 0)
    return [
        RegionCount(region, cleared.get(region.pk, 0), new.get(region.pk, 0)) for region in regions
    ]


def latest_fact_year() -> int:
    last = RdFacts.objects.order_by("-year").values_list("year", flat=True).first()
    return int(last) if last else date.today().year - 1


def three_zero_status(organization: Organization, year: int) -> dict[str, Any]:
    """One enterprise's 三清零 in a year, with the facts behind it (for its page)."""
    facts = RdFacts.objects.filter(organization=organization, year=year).first()
    cleared_before = RdFacts.objects.filter(
        THREE_ZEROS_CLEARED, organization=organization, year__lt=year
    ).exists()
    cleared = facts is not None and facts.clears_three_zeros
    return {
        "year": year,
        "facts": facts,
        "cleared": cleared,
        "new": cleared and not cleared_before,
    }


def three_zero_chart(counts: list[RegionCount], year: int) -> dict[str, Any]:
    """ECharts options: per league/city, 三清零 enterprises split into earlier and new."""
    new_label = gettext("New in %(year)s") % {"year": year}
    earlier_label = gettext("Cleared before %(year)s") % {"year": year}
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [earlier_label, new_label]},
        "grid": {"left": 50, "right": 20, "bottom": 80},
        "xAxis": {
            "type": "category",
            "data": [str(count.region) for count in counts],
            "axisLabel": {"interval": 0, "rotate": 30},
        },
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {
                "name": earlier_label,
                "type": "bar",
                "stack": "total",
                "data": [count.cleared - count.new for count in counts],
            },
            {
                "name": new_label,
                "type": "bar",
                "stack": "total",
                "data": [count.new for count in counts],
            },
        ],
    }
