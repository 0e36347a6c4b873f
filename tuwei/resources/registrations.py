"""Navigation entries of the resources app."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav

for order, (label, url_name, icon, perm) in enumerate(
    [
        (
            _("Enterprise qualifications"),
            "resources:enterprise_list",
            "badge",
            "resources.view_qualifications",
        ),
        (
            _("Innovation platforms"),
            "resources:platform_list",
            "flask",
            "resources.view_directories",
        ),
        (
            _("Facilities and instruments"),
            "resources:facility_list",
            "microscope",
            "resources.view_directories",
        ),
        (_("Innovation consortia"), "resources:consortium_list", "link", "resources.view_networks"),
        (_("Tech commissioners"), "resources:commissioner_list", "user", "resources.view_networks"),
    ],
    start=60,
):
    add_nav(NavItem(label, url_name, icon, perm=perm, group="resources", order=order))
