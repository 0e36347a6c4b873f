"""Who may reach which transfer pages, by role (django-rules). Object scope is in the selectors."""

from __future__ import annotations

import rules

from tuwei.accounts.roles import Role
from tuwei.accounts.rules import has_role

is_officer = has_role(Role.OFFICER)
# people who can belong to an owning, selling or buying organisation
is_member = has_role(Role.ENTERPRISE, Role.TEAM_LEAD, Role.EXPERT)
reads_scope = has_role(Role.OFFICER, Role.LEADER, Role.BUREAU)

rules.add_perm("transfer.view_achievements", reads_scope | is_member)
rules.add_perm("transfer.add_achievement", is_officer | has_role(Role.ENTERPRISE, Role.TEAM_LEAD))
rules.add_perm("transfer.review_achievements", is_officer)
rules.add_perm("transfer.import_achievements", is_officer)
rules.add_perm("transfer.view_needs", reads_scope | has_role(Role.ENTERPRISE))
rules.add_perm("transfer.add_need", is_officer | has_role(Role.ENTERPRISE))
rules.add_perm("transfer.import_needs", is_officer)
rules.add_perm("transfer.view_deals", reads_scope | is_member)
rules.add_perm("transfer.add_deal", is_officer | has_role(Role.ENTERPRISE, Role.TEAM_LEAD))
rules.add_perm("transfer.import_deals", is_officer)
rules.add_perm("transfer.view_deal_totals", reads_scope)
