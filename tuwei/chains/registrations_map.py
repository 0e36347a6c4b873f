"""Navigation entries and to-dos of the industry map."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav

add_nav(NavItem(_("Industry map"), "chains:map", "map", perm="chains.view_map", order=10))
