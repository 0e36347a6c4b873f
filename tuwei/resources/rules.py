"""Who may reach which resources pages, by role (django-rules). Object scope is in the selectors.

Platforms and facilities can be listed in a public directory, so every signed-in
user reaches those lists (and sees the public entries); consortia, commissioners and
enterprise qualifications are for the roles with a scope over them.
"""

from __future__ import annotations

import rules

from tuwei.accounts.roles import Role
from tuwei.accounts.rules import has_role

is_officer = has_role(Role.OFFICER)
is_signed_in = rules.is_authenticated
scoped_readers = has_role(
    Role.OFFICER, Role.LEADER, Role.BUREAU, Role.ENTERPRISE, Role.TEAM_LEAD, Role.EXPERT
)

rules.add_perm("resources.view_directories", is_signed_in)
rules.add_perm("resources.view_networks", scoped_readers)
rules.add_perm("resources.edit_directories", is_officer)
rules.add_perm(
    "resources.view_qualifications",
    has_role(Role.OFFICER, Role.LEADER, Role.BUREAU, Role.ENTERPRISE),
)
rules.add_perm("resources.import_qualifications", is_officer)
rules.add_perm("resources.view_three_zeros", has_role(Role.OFFICER, Role.LEADER, Role.BUREAU))
