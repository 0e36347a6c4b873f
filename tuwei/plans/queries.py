"""Named queries that compute an indicator from Tuwei's own data (no reports needed).

A query takes the period end and returns values by league/city id (None = region-wide).
Apps register theirs here; `record_computed_indicators` stores the results at each
period end. The resources app's qualification and platform counts are registered below
only when its models exist, so this module imports on any checkout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

QueryFunction = Callable[[date], dict[int | None, Decimal]]


@dataclass(frozen=True)
class Query:
    code: str
    label: str | Promise
    function: QueryFunction


QUERIES: dict[str, Query] = {}


def register_query(code: str, label: str | Promise) -> Callable[[QueryFunction], QueryFunction]:
    def decorator(function: QueryFunction) -> QueryFunction:
        QUERIES[code] = Query(code, label, function)
        return function

    return decorator


def query_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(code, f"{code} · {query.label}") for code, query in QUERIES.items()]


def run_query(code: str, as_of: date) -> dict[int | None, Decimal]:
    return QUERIES[code].function(as_of)


@register_query("accounts.approved_enterprises", _("Approved enterprises (organisations)"))
def approved_enterprises(as_of: date) -> dict[int | None, Decimal]:
    from tuwei.accounts.models import Organization

    rows = (
        Organization.objects.filter(
            kind=Organization.Kind.ENTERPRISE,
            status=Organization.Status.APPROVED,
            region__isnull=False,
            created_at__date__lte=as_of,
        )
        .values("region_id")
        .annotate(count=Count("pk"))
        .values_list("region_id", "count")
    )
    return {region_id: Decimal(count) for region_id, count in rows}
