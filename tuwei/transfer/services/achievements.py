"""Creating and changing an achievement's content: owners, IP records, confidential detail.

Owners' shares must add up to exactly 100%; any other total refuses the whole change
inside the transaction, so nothing is saved. The status moves are in
`achievement_moves`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from tuwei.accounts.models import Organization, User
from tuwei.core.audit import log_action
from tuwei.resources.selectors.scope import is_officer, member_organization
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Achievement, AchievementOwner, ConfidentialDetail, IpRecord
from tuwei.transfer.search import document
from tuwei.transfer.selectors.achievements import owns
from tuwei.transfer.workflow import EDITABLE

CONTENT_FIELDS = ("kind", "title", "summary", "trl", "chain_node", "region", "visibility")


@dataclass(frozen=True)
class OwnerShare:
    organization: Organization
    share: Decimal


@dataclass(frozen=True)
class IpItem:
    number: str
    date: date
    status: str


def percent(total: Decimal) -> str:
    """90.00 → "90", 99.50 → "99.5"."""
    text = f"{total.normalize():f}"
    return text


def check_owners(owners: Sequence[OwnerShare]) -> None:
    if not owners:
        raise TransferError(TransferError.NO_OWNERS, code="no_owners")
    seen: set[int] = set()
    for owner in owners:
        if owner.organization.pk in seen:
            raise TransferError(
                TransferError.DUPLICATE_OWNER, code="duplicate_owner", name=owner.organization.name
            )
        seen.add(owner.organization.pk)
    total = sum((Decimal(owner.share) for owner in owners), Decimal(0))
    if total != 100:
        raise TransferError(
            TransferError.SHARES_NOT_100, code="shares_not_100", total=percent(total)
        )


def _check_ip(ip_records: Sequence[IpItem]) -> None:
    numbers = [item.number.strip() for item in ip_records]
    for number in numbers:
        if numbers.count(number) > 1:
            raise TransferError(TransferError.DUPLICATE_IP, code="duplicate_ip", number=number)


def _check_actor_owns(actor: User, owners: Sequence[OwnerShare]) -> None:
    """A member may only save an achievement their organisation still owns afterwards."""
    if is_officer(actor):
        return
    organization = member_organization(actor)
    if organization is None or organization not in {o.organization.pk for o in owners}:
        raise TransferError(
            TransferError.OWN_ORGANIZATION_REQUIRED, code="own_organization_required"
        )


def _write_children(
    achievement: Achievement,
    owners: Sequence[OwnerShare],
    ip_records: Sequence[IpItem],
    confidential: str,
) -> None:
    achievement.owners.all().delete()
    AchievementOwner.objects.bulk_create(
        AchievementOwner(achievement=achievement, organization=o.organization, share=o.share)
        for o in owners
    )
    achievement.ip_records.all().delete()
    IpRecord.objects.bulk_create(
        IpRecord(achievement=achievement, number=i.number.strip(), date=i.date, status=i.status)
        for i in ip_records
    )
    ConfidentialDetail.objects.update_or_create(
        achievement=achievement, defaults={"text": confidential.strip()}
    )
    achievement.search_document = document(
        achievement.title,
        achievement.summary,
        " ".join(o.organization.name for o in owners),
        achievement.chain_node.name if achievement.chain_node else "",
        " ".join(i.number for i in ip_records),
    )
    achievement.save(update_fields=["search_document"])


def _audit_data(owners: Sequence[OwnerShare], ip_records: Sequence[IpItem]) -> dict[str, Any]:
    return {
        "owners": {str(o.organization.pk): str(o.share) for o in owners},
        "ip_records": [i.number for i in ip_records],
    }


def achievement_create(
    *,
    actor: User,
    values: dict[str, Any],
    owners: Sequence[OwnerShare],
    ip_records: Sequence[IpItem] = (),
    confidential_detail: str = "",
    is_demo: bool = False,
    request: HttpRequest | None = None,
) -> Achievement:
    """A draft achievement; members must name their own organisation among the owners."""
    if not actor.has_perm("transfer.add_achievement"):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    check_owners(owners)
    _check_actor_owns(actor, owners)
    _check_ip(ip_records)
    fields = {name: values[name] for name in CONTENT_FIELDS if name in values}
    if fields.get("region") is None:
        largest = max(owners, key=lambda owner: owner.share)
        fields["region"] = largest.organization.region
    with transaction.atomic():
        achievement = Achievement(created_by=actor, is_demo=is_demo, **fields)
        achievement.full_clean(exclude=["search_document", "created_by"])
        achievement.save()
        _write_children(achievement, owners, ip_records, confidential_detail)
        log_action(
            achievement,
            "transfer.achievement.create",
            actor=actor,
            data=_audit_data(owners, ip_records),
            request=request,
        )
    return achievement


def achievement_update(
    *,
    actor: User,
    achievement: Achievement,
    values: dict[str, Any],
    owners: Sequence[OwnerShare],
    ip_records: Sequence[IpItem] = (),
    confidential_detail: str = "",
    request: HttpRequest | None = None,
) -> Achievement:
    """Officers change any achievement; owners a draft or a rejected one of theirs."""
    check_owners(owners)
    _check_ip(ip_records)
    with transaction.atomic():
        locked = Achievement.objects.select_for_update().get(pk=achievement.pk)
        if not is_officer(actor):
            if not owns(actor, locked):
                raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
            if locked.status not in EDITABLE:
                raise TransferError(TransferError.NOT_EDITABLE, code="not_editable")
            _check_actor_owns(actor, owners)
        changed = [
            name
            for name in CONTENT_FIELDS
            if name in values and getattr(locked, name) != values[name]
        ]
        for name in changed:
            setattr(locked, name, values[name])
        locked.full_clean(exclude=["search_document", "created_by"])
        if changed:
            locked.save(update_fields=changed)
        _write_children(locked, owners, ip_records, confidential_detail)
        log_action(
            locked,
            "transfer.achievement.update",
            actor=actor,
            data={"fields": changed, **_audit_data(owners, ip_records)},
            request=request,
        )
    return locked
