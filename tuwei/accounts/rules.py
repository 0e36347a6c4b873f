"""Who may do what, by role (django-rules). Object scope lives in the selectors."""

from __future__ import annotations

from typing import Any

import rules

from tuwei.accounts.roles import Role


def has_role(*roles: str) -> Any:
    @rules.predicate(name=f"has_role({','.join(roles)})")
    def predicate(user: Any) -> bool:
        return bool(user.is_authenticated and user.has_role(*roles))

    return predicate


is_officer = has_role(Role.OFFICER)
is_sysadmin = has_role(Role.SYSADMIN)
is_secadmin = has_role(Role.SECADMIN)
is_auditor = has_role(Role.AUDITOR)

rules.add_perm("accounts.review_registrations", is_officer)
rules.add_perm(
    "accounts.view_organizations",
    has_role(
        Role.OFFICER,
        Role.LEADER,
        Role.SYSADMIN,
        Role.BUREAU,
        Role.ENTERPRISE,
        Role.TEAM_LEAD,
        Role.EXPERT,
    ),
)
rules.add_perm("accounts.manage_users", is_sysadmin)
rules.add_perm("accounts.view_users", is_sysadmin | is_secadmin)
rules.add_perm("accounts.grant_roles", is_secadmin)
rules.add_perm("accounts.set_policy", is_secadmin)
# 三员分立: only the auditor reads the audit trail; the sysadmin and secadmin do not.
rules.add_perm("core.view_audit", is_auditor)
