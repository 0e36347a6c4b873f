"""Who reads what in the resources and transfer apps (DESIGN.md data scope).

Officers and leaders read every record; a bureau user the records of its league/city;
a member of an organisation (enterprise, team, expert) the records their organisation
owns, sells, buys or posted; anyone else nothing outside the public marketplace.
"""

from __future__ import annotations

from typing import Any

from tuwei.accounts.roles import Role

WIDE_ROLES = (Role.OFFICER, Role.LEADER)
MEMBER_ROLES = (Role.ENTERPRISE, Role.TEAM_LEAD, Role.EXPERT)


def sees_everything(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(*WIDE_ROLES))


def bureau_region(user: Any) -> int | None:
    """The league/city a bureau user reads, if any."""
    if user.is_authenticated and user.has_role(Role.BUREAU) and user.region_id:
        return int(user.region_id)
    return None


def member_organization(user: Any) -> int | None:
    """The organisation whose records the user reads as a member, if any.

    Roles are only granted once a registration is approved, so a pending
    registration's organisation gives no access.
    """
    if user.is_authenticated and user.has_role(*MEMBER_ROLES) and user.organization_id:
        return int(user.organization_id)
    return None


def is_officer(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.OFFICER))
