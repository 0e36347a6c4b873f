"""Reads with data scope applied, so no view can forget it.

Scope (DESIGN.md): officers, leaders and the system administrator see every
organisation; a bureau user its own league/city; enterprise, team and expert
users their own organisation; anyone else nothing.
"""

from __future__ import annotations

from django.db.models import QuerySet

from tuwei.accounts.models import Organization, User
from tuwei.accounts.roles import Role

WIDE_ROLES = (Role.OFFICER, Role.LEADER, Role.SYSADMIN)
OWN_ORG_ROLES = (Role.ENTERPRISE, Role.TEAM_LEAD, Role.EXPERT)


def organization_list(*, user: User) -> QuerySet[Organization]:
    organizations = Organization.objects.select_related("region")
    if not user.is_authenticated:
        return organizations.none()
    if user.has_role(*WIDE_ROLES):
        return organizations
    if user.has_role(Role.BUREAU) and user.region_id:
        return organizations.filter(region_id=user.region_id)
    if user.has_role(*OWN_ORG_ROLES) and user.organization_id:
        return organizations.filter(pk=user.organization_id)
    return organizations.none()


def organization_get(*, user: User, pk: int) -> Organization:
    """Raises Organization.DoesNotExist for a record outside the user's scope."""
    return organization_list(user=user).get(pk=pk)


def user_list(*, user: User) -> QuerySet[User]:
    """Accounts, for the administrators who manage them."""
    if not user.is_authenticated or not user.has_role(Role.SYSADMIN, Role.SECADMIN):
        return User.objects.none()
    return User.objects.select_related("organization", "region").prefetch_related("roles")


def registration_pending_list(*, user: User) -> QuerySet[User]:
    if not user.is_authenticated or not user.has_role(Role.OFFICER):
        return User.objects.none()
    return (
        User.objects.filter(registration=User.Registration.PENDING, is_active=True)
        .select_related("organization", "organization__region")
        .order_by("date_joined")
    )
