"""The core app's own navigation entries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav

add_nav(NavItem(_("Workbench"), "core:workbench", "home", order=0))
add_nav(NavItem(_("Inbox"), "core:inbox", "inbox", order=1))
add_nav(
    NavItem(
        _("Audit trail"), "core:audit_list", "list", perm="core.view_audit", group="admin", order=95
    )
)
