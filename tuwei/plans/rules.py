"""Who may do what in plan monitoring (django-rules). Region scope lives in the selectors."""

from __future__ import annotations

import rules

from tuwei.accounts.roles import Role
from tuwei.accounts.rules import has_role

is_officer = has_role(Role.OFFICER)
is_bureau = has_role(Role.BUREAU)

rules.add_perm("plans.view_plans", has_role(Role.OFFICER, Role.LEADER, Role.BUREAU))
rules.add_perm("plans.manage_plans", is_officer)
rules.add_perm("plans.review_reports", is_officer)
rules.add_perm("plans.submit_reports", is_bureau)
rules.add_perm("plans.view_reports", has_role(Role.OFFICER, Role.LEADER, Role.BUREAU))
