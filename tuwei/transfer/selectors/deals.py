"""Deals within the reader's scope, who may open a contract, and the totals the cockpit reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext

from tuwei.core.i18n import localise_name
from tuwei.resources.selectors.scope import (
    bureau_region,
    is_officer,
    member_organization,
    sees_everything,
)
from tuwei.transfer.models import Deal


def deal_list(*, user: Any) -> QuerySet[Deal]:
    deals = Deal.objects.select_related(
        "buyer", "region", "achievement", "chain_node", "chain_node__chain"
    ).prefetch_related("sellers", "inventor_shares")
    if sees_everything(user):
        return deals
    scope = Q(pk__in=[])
    region = bureau_region(user)
    if region is not None:
        scope |= Q(region_id=region)
    organization = member_organization(user)
    if organization is not None:
        # a subquery, not a join over sellers: totals must not count a deal twice
        sold = Deal.sellers.through.objects.filter(organization_id=organization)
        scope |= Q(buyer_id=organization) | Q(pk__in=sold.values("deal_id"))
    return deals.filter(scope)


def deal_get(*, user: Any, pk: int) -> Deal:
    return deal_list(user=user).get(pk=pk)


def is_party(user: Any, deal: Deal) -> bool:
    organization = member_organization(user)
    if organization is None:
        return False
    return deal.buyer_id == organization or any(
        seller.pk == organization for seller in deal.sellers.all()
    )


def can_edit_deal(user: Any, deal: Deal) -> bool:
    return is_officer(user) or is_party(user, deal)


def can_open_contract(user: Any, deal: Deal) -> bool:
    """The contract is the parties' and the program office's, not the bureau's or leaders'."""
    return bool(deal.contract) and (is_officer(user) or is_party(user, deal))


@dataclass(frozen=True)
class TotalRow:
    key: str
    label: str
    count: int
    amount: Decimal

    @property
    def amount_wan(self) -> Decimal:
        return (self.amount / 10_000).quantize(Decimal("0.1"))


@dataclass
class DealTotals:
    by_region: list[TotalRow] = field(default_factory=list)
    by_chain: list[TotalRow] = field(default_factory=list)
    by_kind: list[TotalRow] = field(default_factory=list)
    count: int = 0
    amount: Decimal = Decimal(0)


def _rows(deals: QuerySet[Deal], *keys: str) -> list[dict[str, Any]]:
    return list(
        deals.order_by()
        .values(*keys)
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("-amount", *keys)
    )


def deal_totals(*, user: Any, year: int | None = None) -> DealTotals:
    """Number and amount of deals by league/city, industrial chain and kind."""
    deals = deal_list(user=user)
    if year is not None:
        deals = deals.filter(signed_on__year=year)
    unknown = gettext("Not given")
    totals = DealTotals()
    for row in _rows(deals, "region__code", "region__name", "region__name_en"):
        label = localise_name(row["region__name"], row["region__name_en"] or "")
        totals.by_region.append(
            TotalRow(row["region__code"] or "", label or unknown, row["count"], row["amount"])
        )
    for row in _rows(
        deals, "chain_node__chain__code", "chain_node__chain__name", "chain_node__chain__name_en"
    ):
        name, name_en = row["chain_node__chain__name"], row["chain_node__chain__name_en"]
        label = localise_name(name, name_en or "") if name else unknown
        totals.by_chain.append(
            TotalRow(row["chain_node__chain__code"] or "", label, row["count"], row["amount"])
        )
    kinds = dict(Deal.Kind.choices)
    for row in _rows(deals, "kind"):
        totals.by_kind.append(
            TotalRow(
                row["kind"], str(kinds.get(row["kind"], row["kind"])), row["count"], row["amount"]
            )
        )
    totals.count = sum(row.count for row in totals.by_kind)
    totals.amount = sum((row.amount for row in totals.by_kind), Decimal(0))
    return totals


def deal_totals_chart(rows: list[TotalRow]) -> dict[str, Any]:
    """ECharts options: deal amount (万元) and count by the rows' labels."""
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [gettext("Amount (10,000 yuan)"), gettext("Deals")]},
        "grid": {"left": 60, "right": 50, "bottom": 80},
        "xAxis": {
            "type": "category",
            "data": [row.label for row in rows],
            "axisLabel": {"interval": 0, "rotate": 30},
        },
        "yAxis": [
            {"type": "value", "name": gettext("10,000 yuan")},
            {"type": "value", "name": gettext("Deals"), "minInterval": 1},
        ],
        "series": [
            {
                "name": gettext("Amount (10,000 yuan)"),
                "type": "bar",
                "data": [float(round(row.amount / 10_000, 1)) for row in rows],
            },
            {
                "name": gettext("Deals"),
                "type": "line",
                "yAxisIndex": 1,
                "data": [row.count for row in rows],
            },
        ],
    }
