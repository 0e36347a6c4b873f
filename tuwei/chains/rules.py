"""Who may read and edit the industry map, points and scoring sessions."""

from __future__ import annotations

import rules

from tuwei.accounts.roles import Role
from tuwei.accounts.rules import has_role

can_edit_map = has_role(Role.OFFICER)
can_read_map = has_role(Role.OFFICER, Role.BUREAU, Role.LEADER)

rules.add_perm("chains.view_map", can_read_map)
rules.add_perm("chains.edit_map", can_edit_map)
rules.add_perm("chains.view_points", can_read_map)
rules.add_perm("chains.edit_points", can_edit_map)
rules.add_perm("chains.view_sessions", can_read_map)
rules.add_perm("chains.manage_sessions", can_edit_map)
