"""Who may use the challenge pages (django-rules). Which challenges: see selectors.scope."""

from __future__ import annotations

import rules

from tuwei.accounts.roles import Role
from tuwei.accounts.rules import has_role

is_officer = has_role(Role.OFFICER)
is_proposer = has_role(Role.ENTERPRISE, Role.BUREAU)

rules.add_perm(
    "challenges.view_challenges", has_role(Role.OFFICER, Role.LEADER, Role.ENTERPRISE, Role.BUREAU)
)
rules.add_perm("challenges.create_challenge", is_proposer | is_officer)
rules.add_perm("challenges.vet_challenges", is_officer)
