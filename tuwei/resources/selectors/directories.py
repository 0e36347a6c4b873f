"""Platforms, facilities, consortia and commissioners within the reader's scope.

Officers and leaders read all; a bureau its league/city; a member of an organisation
what it hosts, leads, belongs to or is served by. Platforms and facilities marked for
the public directory are readable by every signed-in user as well.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tuwei.resources.models import (
    Commissioner,
    Consortium,
    Facility,
    Platform,
    ServiceLog,
)
from tuwei.resources.selectors.scope import bureau_region, member_organization, sees_everything

NOTHING = Q(pk__in=[])


def _scope(user: Any, *, region: str, own: list[str], public: bool) -> Q | None:
    """None: no restriction. Otherwise the Q of the rows the user may read."""
    if sees_everything(user):
        return None
    scope = Q(is_public=True) if public and user.is_authenticated else NOTHING
    bureau = bureau_region(user)
    if bureau is not None:
        scope |= Q(**{region: bureau})
    organization = member_organization(user)
    if organization is not None:
        for lookup in own:
            scope |= Q(**{lookup: organization})
    return scope


def _apply(queryset: QuerySet[Any], scope: Q | None) -> QuerySet[Any]:
    return queryset if scope is None else queryset.filter(scope)


def platform_list(*, user: Any) -> QuerySet[Platform]:
    platforms = Platform.objects.select_related("host", "region")
    return _apply(platforms, _scope(user, region="region_id", own=["host_id"], public=True))


def facility_list(*, user: Any) -> QuerySet[Facility]:
    facilities = Facility.objects.select_related("host", "region").prefetch_related("usages")
    return _apply(facilities, _scope(user, region="region_id", own=["host_id"], public=True))


def consortium_list(*, user: Any) -> QuerySet[Consortium]:
    consortia = Consortium.objects.select_related("lead", "chain", "region").prefetch_related(
        "members", "challenges"
    )
    scope = _scope(user, region="region_id", own=["lead_id"], public=False)
    organization = member_organization(user)
    if scope is not None and organization is not None:
        members = Consortium.members.through.objects.filter(organization_id=organization)
        scope |= Q(pk__in=members.values("consortium_id"))
    return _apply(consortia, scope)


def consortium_challenges(consortium: Consortium) -> QuerySet[Any]:
    """The challenges it took on that are on the public board (a withdrawn one drops out)."""
    from tuwei.challenges.models.challenge import PUBLIC_STATUSES

    return consortium.challenges.filter(status__in=PUBLIC_STATUSES).order_by("-id")


def commissioner_list(*, user: Any) -> QuerySet[Commissioner]:
    commissioners = Commissioner.objects.select_related("organization", "region").prefetch_related(
        "enterprises"
    )
    scope = _scope(user, region="region_id", own=["organization_id"], public=False)
    if scope is not None:
        served = Commissioner.enterprises.through.objects
        region = bureau_region(user)
        if region is not None:
            in_region = served.filter(organization__region_id=region)
            scope |= Q(pk__in=in_region.values("commissioner_id"))
        organization = member_organization(user)
        if organization is not None:
            mine = served.filter(organization_id=organization)
            scope |= Q(pk__in=mine.values("commissioner_id"))
    return _apply(commissioners, scope)


def service_log_list(*, user: Any, commissioner: Commissioner) -> QuerySet[ServiceLog]:
    """A commissioner's logs: an enterprise reads those about itself, a bureau its region's."""
    logs = commissioner.service_logs.select_related("enterprise")
    if sees_everything(user):
        return logs
    organization = member_organization(user)
    if organization is not None and organization == commissioner.organization_id:
        return logs
    scope = NOTHING
    region = bureau_region(user)
    if region is not None:
        scope |= Q(enterprise__region_id=region)
    if organization is not None:
        scope |= Q(enterprise_id=organization)
    return logs.filter(scope)
