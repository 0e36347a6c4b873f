"""Recording and changing a deal: parties, inventors' revenue shares, the contract PDF.

The contract is checked by its first bytes (%PDF-), not by the name or the
content type the browser sent, and stored under a random name through Django's
default storage (local disk or S3); only a permission-checked view serves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from tuwei.accounts.models import Organization, User
from tuwei.core.audit import log_action
from tuwei.resources.selectors.scope import is_officer, member_organization
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Deal, InventorShare
from tuwei.transfer.selectors.achievements import achievement_list
from tuwei.transfer.selectors.deals import can_edit_deal
from tuwei.transfer.services.achievements import percent

MAX_CONTRACT_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
DEAL_FIELDS = (
    "kind",
    "licence_scope",
    "title",
    "achievement",
    "buyer",
    "amount",
    "signed_on",
    "region",
    "chain_node",
    "registration_number",
)


@dataclass(frozen=True)
class InventorItem:
    name: str
    share: Decimal


def check_contract(upload: UploadedFile) -> None:
    if upload.size is not None and upload.size > MAX_CONTRACT_BYTES:
        raise TransferError(
            TransferError.CONTRACT_TOO_BIG,
            code="contract_too_big",
            limit=MAX_CONTRACT_BYTES // 2**20,
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise TransferError(TransferError.CONTRACT_NOT_PDF, code="contract_not_pdf")


def _check(
    actor: User,
    values: dict[str, Any],
    sellers: Sequence[Organization],
    inventors: Sequence[InventorItem],
    deal: Deal | None = None,
) -> None:
    if not sellers:
        raise TransferError(TransferError.NO_SELLERS, code="no_sellers")
    buyer = values.get("buyer")
    if buyer is not None and buyer.pk in {seller.pk for seller in sellers}:
        raise TransferError(TransferError.BUYER_IS_SELLER, code="buyer_is_seller")
    is_licence = values.get("kind") == Deal.Kind.LICENCE
    if is_licence != bool(values.get("licence_scope")):
        raise TransferError(TransferError.LICENCE_SCOPE, code="licence_scope")
    total = sum((Decimal(item.share) for item in inventors), Decimal(0))
    if total > 100:
        raise TransferError(
            TransferError.INVENTOR_SHARES_OVER_100,
            code="inventor_shares_over_100",
            total=percent(total),
        )
    if not is_officer(actor):
        own = member_organization(actor)
        parties = {seller.pk for seller in sellers} | ({buyer.pk} if buyer else set())
        if own is None or own not in parties:
            raise TransferError(TransferError.PARTY_REQUIRED, code="party_required")
    achievement = values.get("achievement")
    changed_achievement = deal is None or deal.achievement_id != getattr(achievement, "pk", None)
    if (
        achievement is not None
        and changed_achievement
        and not achievement_list(user=actor).filter(pk=achievement.pk).exists()
    ):
        raise TransferError(TransferError.ACHIEVEMENT_UNKNOWN, code="achievement_unknown")
    number = (values.get("registration_number") or "").strip()
    if number:
        taken = Deal.objects.filter(registration_number=number)
        if deal is not None:
            taken = taken.exclude(pk=deal.pk)
        if taken.exists():
            raise TransferError(
                TransferError.DUPLICATE_REGISTRATION, code="duplicate_registration", number=number
            )


def _defaults(values: dict[str, Any], sellers: Sequence[Organization]) -> dict[str, Any]:
    filled = {name: values[name] for name in DEAL_FIELDS if name in values}
    filled["registration_number"] = (filled.get("registration_number") or "").strip()
    filled["licence_scope"] = filled.get("licence_scope") or ""
    achievement = filled.get("achievement")
    if filled.get("chain_node") is None and achievement is not None:
        filled["chain_node"] = achievement.chain_node
    if filled.get("region") is None:
        # a technology contract is registered where the seller is; a seller from outside
        # the region (a Beijing institute) leaves it to the buyer's league/city
        seller_regions = [seller.region for seller in sellers if seller.region_id]
        buyer = filled.get("buyer")
        filled["region"] = seller_regions[0] if seller_regions else getattr(buyer, "region", None)
    return filled


def _save_children(
    deal: Deal,
    sellers: Sequence[Organization],
    inventors: Sequence[InventorItem],
    contract: UploadedFile | None,
) -> None:
    deal.sellers.set(sellers)
    deal.inventor_shares.all().delete()
    InventorShare.objects.bulk_create(
        InventorShare(deal=deal, name=item.name.strip(), share=item.share) for item in inventors
    )
    if contract is not None:
        old = deal.contract.name if deal.contract else ""
        deal.contract.save("contract.pdf", contract, save=False)
        deal.contract_name = (contract.name or "contract.pdf")[:200]
        deal.save(update_fields=["contract", "contract_name"])
        if old:
            # the new file is saved; drop the old one once the change commits
            storage, name = deal.contract.storage, old
            transaction.on_commit(lambda: storage.delete(name))


def _audit(deal: Deal, sellers: Sequence[Organization], inventors: Sequence[InventorItem]) -> dict:
    return {
        "kind": deal.kind,
        "amount": str(deal.amount),
        "sellers": [seller.pk for seller in sellers],
        "buyer": deal.buyer_id,
        "inventors": {item.name: str(item.share) for item in inventors},
    }


def deal_create(
    *,
    actor: User,
    values: dict[str, Any],
    sellers: Sequence[Organization],
    inventors: Sequence[InventorItem] = (),
    contract: UploadedFile | None = None,
    is_demo: bool = False,
    request: HttpRequest | None = None,
) -> Deal:
    """Officers record any deal; members record deals their organisation is party to."""
    if not actor.has_perm("transfer.add_deal"):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    _check(actor, values, sellers, inventors)
    if contract is not None:
        check_contract(contract)
    with transaction.atomic():
        deal = Deal(created_by=actor, is_demo=is_demo, **_defaults(values, sellers))
        deal.full_clean(exclude=["contract", "created_by"])
        deal.save()
        _save_children(deal, sellers, inventors, contract)
        log_action(
            deal,
            "transfer.deal.create",
            actor=actor,
            data=_audit(deal, sellers, inventors),
            request=request,
        )
    return deal


def deal_update(
    *,
    actor: User,
    deal: Deal,
    values: dict[str, Any],
    sellers: Sequence[Organization],
    inventors: Sequence[InventorItem] = (),
    contract: UploadedFile | None = None,
    request: HttpRequest | None = None,
) -> Deal:
    if not can_edit_deal(actor, deal):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    _check(actor, values, sellers, inventors, deal=deal)
    if contract is not None:
        check_contract(contract)
    with transaction.atomic():
        locked = Deal.objects.select_for_update().get(pk=deal.pk)
        filled = _defaults(values, sellers)
        changed = [name for name, value in filled.items() if getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, filled[name])
        locked.full_clean(exclude=["contract", "created_by"])
        if changed:
            locked.save(update_fields=changed)
        _save_children(locked, sellers, inventors, contract)
        log_action(
            locked,
            "transfer.deal.update",
            actor=actor,
            data={"fields": changed, **_audit(locked, sellers, inventors)},
            request=request,
        )
    return locked
