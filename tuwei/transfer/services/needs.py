"""Posting, changing and closing a technology need."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tuwei.accounts.models import Organization, User
from tuwei.core.audit import log_action
from tuwei.resources.selectors.scope import is_officer, member_organization
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import TechNeed
from tuwei.transfer.search import document
from tuwei.transfer.selectors.needs import can_edit_need

NEED_FIELDS = (
    "title",
    "description",
    "chain_node",
    "budget",
    "deadline",
    "contact_name",
    "contact_phone",
)


def _document(need: TechNeed) -> str:
    node = need.chain_node.name if need.chain_node else ""
    return document(need.title, need.description, need.organization.name, node)


def need_create(
    *,
    actor: User,
    values: dict[str, Any],
    organization: Organization | None = None,
    is_demo: bool = False,
    request: HttpRequest | None = None,
) -> TechNeed:
    """An enterprise posts a need for itself; an officer names the enterprise."""
    if not actor.has_perm("transfer.add_need"):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    if not is_officer(actor):
        own = member_organization(actor)
        organization = Organization.objects.filter(pk=own).first() if own else None
    if organization is None:
        raise TransferError(TransferError.ORGANIZATION_REQUIRED, code="organization_required")
    with transaction.atomic():
        need = TechNeed(
            organization=organization,
            region=organization.region,
            created_by=actor,
            is_demo=is_demo,
            **{name: values.get(name) for name in NEED_FIELDS if name in values},
        )
        need.full_clean(exclude=["search_document", "created_by"])
        need.search_document = _document(need)
        need.save()
        log_action(need, "transfer.need.create", actor=actor, request=request)
    return need


def need_update(
    *, actor: User, need: TechNeed, values: dict[str, Any], request: HttpRequest | None = None
) -> TechNeed:
    if not can_edit_need(actor, need):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    with transaction.atomic():
        locked = TechNeed.objects.select_for_update().select_related("organization").get(pk=need.pk)
        changed = [n for n in NEED_FIELDS if n in values and getattr(locked, n) != values[n]]
        for name in changed:
            setattr(locked, name, values[name])
        locked.full_clean(exclude=["search_document", "created_by"])
        locked.search_document = _document(locked)
        locked.save(update_fields=[*changed, "search_document"])
        log_action(
            locked, "transfer.need.update", actor=actor, data={"fields": changed}, request=request
        )
    return locked


def need_close(*, actor: User, need: TechNeed, request: HttpRequest | None = None) -> TechNeed:
    """The need is met or withdrawn: it leaves the marketplace."""
    if not can_edit_need(actor, need):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")
    with transaction.atomic():
        locked = TechNeed.objects.select_for_update().get(pk=need.pk)
        if locked.status == TechNeed.Status.CLOSED:
            raise TransferError(TransferError.NEED_CLOSED, code="need_closed")
        locked.status = TechNeed.Status.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at"])
        log_action(locked, "transfer.need.close", actor=actor, request=request)
    return locked
