"""The xlsx formats of the transfer registries, and their export rows.

An export uses the import's column keys (plus a few read-only ones the import
ignores), so an exported file shows exactly the format an import expects. The
confidential detail is filled only for rows the reader may see it on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuwei.core.xlsx_import import Column, Sheet
from tuwei.transfer.models import Achievement, Deal, IpRecord, TechNeed
from tuwei.transfer.selectors.achievements import confidential_details

OWNERS_FORMAT = _("credit code:share per owner, separated by ;  e.g. 91150600MA0000001X:60; …:40")
IP_FORMAT = _(
    "number|date|status per record, separated by ;  e.g. ZL202310000001.1|2023-06-01|granted"
)

ACHIEVEMENT_SHEET = Sheet(
    name=_("achievements"),
    columns=(
        Column("kind", _("type"), required=True, codes=Achievement.Kind.choices),
        Column("title", _("title"), required=True),
        Column("summary", _("summary"), required=True),
        Column("trl", _("technology readiness level, 1 to 9"), required=True),
        Column("owners", OWNERS_FORMAT, required=True),
        Column("chain_node_code", _("code of the chain node (see the industry map), or empty")),
        Column("region_code", _("division code of the league/city, or empty for the owner's")),
        Column(
            "visibility",
            _("who sees it once listed; empty = public"),
            codes=Achievement.Visibility.choices,
        ),
        Column("ip_records", IP_FORMAT, codes=IpRecord.Status.choices),
        Column("confidential_detail", _("shown only to the owners and program officers")),
    ),
)
ACHIEVEMENT_EXPORT = Sheet(
    name=ACHIEVEMENT_SHEET.name,
    columns=(
        *ACHIEVEMENT_SHEET.columns,
        Column("status", _("status (read-only)"), codes=Achievement.Status.choices),
        Column("listed_at", _("date listed (read-only)")),
    ),
)

NEED_SHEET = Sheet(
    name=_("technology needs"),
    columns=(
        Column("enterprise_credit_code", _("credit code of the enterprise"), required=True),
        Column("title", _("title"), required=True),
        Column("description", _("description"), required=True),
        Column("contact_name", _("contact person"), required=True),
        Column("contact_phone", _("contact phone"), required=True),
        Column("chain_node_code", _("code of the chain node, or empty")),
        Column("budget", _("budget in yuan, or empty")),
        Column("deadline", _("deadline (date), or empty")),
    ),
)
NEED_EXPORT = Sheet(
    name=NEED_SHEET.name,
    columns=(
        *NEED_SHEET.columns,
        Column("status", _("status (read-only)"), codes=TechNeed.Status.choices),
    ),
)

DEAL_SHEET = Sheet(
    name=_("deals"),
    columns=(
        Column("kind", _("kind of deal"), required=True, codes=Deal.Kind.choices),
        Column("title", _("title"), required=True),
        Column("sellers", _("credit codes of the sellers, separated by ;"), required=True),
        Column("buyer_credit_code", _("credit code of the buyer"), required=True),
        Column("amount", _("amount in yuan"), required=True),
        Column("signed_on", _("date signed"), required=True),
        Column(
            "licence_scope",
            _("for a licence only"),
            codes=Deal.LicenceScope.choices,
        ),
        Column("region_code", _("division code of the league/city, or empty for the buyer's")),
        Column("chain_node_code", _("code of the chain node, or empty")),
        Column("registration_number", _("registered contract number (技术合同登记号)")),
        Column("inventors", _("name:share per inventor, separated by ;  e.g. 张三:10; 李四:5")),
    ),
)
DEAL_EXPORT = Sheet(
    name=DEAL_SHEET.name,
    columns=(*DEAL_SHEET.columns, Column("achievement", _("achievement (read-only)"))),
)


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def achievement_rows(*, user: Any, achievements: QuerySet[Achievement]) -> Iterator[dict[str, Any]]:
    rows = list(achievements.prefetch_related("owners__organization", "ip_records"))
    secrets = confidential_details(user=user, achievements=rows)
    for achievement in rows:
        yield {
            "kind": achievement.kind,
            "title": achievement.title,
            "summary": achievement.summary,
            "trl": achievement.trl,
            "owners": [
                f"{owner.organization.credit_code}:{owner.share.normalize():f}"
                for owner in achievement.owners.all()
            ],
            "chain_node_code": achievement.chain_node.code if achievement.chain_node else "",
            "region_code": achievement.region.code if achievement.region else "",
            "visibility": achievement.visibility,
            "ip_records": [
                f"{ip.number}|{_date(ip.date)}|{ip.status}" for ip in achievement.ip_records.all()
            ],
            "confidential_detail": secrets.get(achievement.pk, ""),
            "status": achievement.status,
            "listed_at": _date(achievement.listed_at.date() if achievement.listed_at else None),
        }


def need_rows(needs: QuerySet[TechNeed]) -> Iterator[dict[str, Any]]:
    for need in needs:
        yield {
            "enterprise_credit_code": need.organization.credit_code,
            "title": need.title,
            "description": need.description,
            "contact_name": need.contact_name,
            "contact_phone": need.contact_phone,
            "chain_node_code": need.chain_node.code if need.chain_node else "",
            "budget": need.budget,
            "deadline": _date(need.deadline),
            "status": need.status,
        }


def deal_rows(deals: QuerySet[Deal]) -> Iterator[dict[str, Any]]:
    for deal in deals:
        yield {
            "kind": deal.kind,
            "title": deal.title,
            "sellers": [seller.credit_code for seller in deal.sellers.all()],
            "buyer_credit_code": deal.buyer.credit_code,
            "amount": deal.amount,
            "signed_on": _date(deal.signed_on),
            "licence_scope": deal.licence_scope,
            "region_code": deal.region.code if deal.region else "",
            "chain_node_code": deal.chain_node.code if deal.chain_node else "",
            "registration_number": deal.registration_number,
            "inventors": [f"{i.name}:{i.share.normalize():f}" for i in deal.inventor_shares.all()],
            "achievement": deal.achievement.title if deal.achievement else "",
        }
