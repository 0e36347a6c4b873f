"""Technology needs in the registry: every status, within the reader's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tuwei.resources.selectors.scope import (
    bureau_region,
    is_officer,
    member_organization,
    sees_everything,
)
from tuwei.transfer.models import TechNeed


def need_list(*, user: Any) -> QuerySet[TechNeed]:
    needs = TechNeed.objects.select_related("organization", "chain_node", "region")
    if sees_everything(user):
        return needs
    scope = Q(pk__in=[])
    region = bureau_region(user)
    if region is not None:
        scope |= Q(region_id=region)
    organization = member_organization(user)
    if organization is not None:
        scope |= Q(organization_id=organization)
    return needs.filter(scope)


def need_get(*, user: Any, pk: int) -> TechNeed:
    return need_list(user=user).get(pk=pk)


def can_edit_need(user: Any, need: TechNeed) -> bool:
    return is_officer(user) or member_organization(user) == need.organization_id
