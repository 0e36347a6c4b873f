"""What the accounts app adds to the workbench, the navigation and the notification verbs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav
from tuwei.core.notifications import register_verb
from tuwei.core.workbench import Todo, todo_provider


@todo_provider
def registrations_to_review(user: Any) -> Iterable[Todo]:
    if user.has_perm("accounts.review_registrations"):
        from tuwei.accounts.selectors import registration_pending_list

        count = registration_pending_list(user=user).count()
        yield Todo(_("Registrations to approve"), count, reverse("accounts:registrations"))


add_nav(
    NavItem(
        _("Registrations"),
        "accounts:registrations",
        "user-check",
        perm="accounts.review_registrations",
        group="admin",
        order=80,
    )
)
add_nav(
    NavItem(
        _("Organisations"),
        "accounts:organization_list",
        "building",
        perm="accounts.view_organizations",
        group="resources",
        order=70,
    )
)
add_nav(
    NavItem(
        _("Accounts"),
        "accounts:user_list",
        "users",
        perm="accounts.view_users",
        group="admin",
        order=90,
    )
)
add_nav(
    NavItem(
        _("Security policy"),
        "accounts:security_policy",
        "shield",
        perm="accounts.set_policy",
        group="admin",
        order=91,
    )
)

register_verb(
    "accounts.registration.submitted",
    title=_("New registration to approve"),
    body=_("%(name)s of %(organization)s registered and awaits approval."),
)
register_verb(
    "accounts.registration.approved",
    title=_("Your registration was approved"),
    body=_("Welcome, %(name)s. Your account now has the role you asked for."),
)
