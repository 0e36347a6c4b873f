"""Navigation entries, to-dos and notification verbs of the transfer app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav
from tuwei.core.notifications import register_verb
from tuwei.core.workbench import Todo, todo_provider


@todo_provider
def achievements_to_list(user: Any) -> Iterable[Todo]:
    if not user.is_authenticated or not user.has_perm("transfer.review_achievements"):
        return
    from tuwei.transfer.selectors.achievements import achievements_to_review

    count = achievements_to_review(user=user).count()
    yield Todo(
        _("Achievements awaiting listing approval"),
        count,
        reverse("transfer:achievement_list") + "?status=pending",
    )


@todo_provider
def achievements_rejected(user: Any) -> Iterable[Todo]:
    if not user.is_authenticated:
        return
    from tuwei.resources.selectors.scope import member_organization
    from tuwei.transfer.models import Achievement
    from tuwei.transfer.selectors.achievements import owned_by

    organization = member_organization(user)
    if organization is None:
        return
    count = Achievement.objects.filter(
        owned_by(organization), status=Achievement.Status.REJECTED
    ).count()
    yield Todo(
        _("Rejected achievements to revise"),
        count,
        reverse("transfer:achievement_list") + "?status=rejected",
    )


add_nav(NavItem(_("Transfer marketplace"), "transfer:market", "store", group="transfer", order=40))
add_nav(
    NavItem(
        _("Achievements"),
        "transfer:achievement_list",
        "award",
        perm="transfer.view_achievements",
        group="transfer",
        order=41,
    )
)
add_nav(
    NavItem(
        _("Technology needs"),
        "transfer:need_list",
        "search",
        perm="transfer.view_needs",
        group="transfer",
        order=42,
    )
)
add_nav(
    NavItem(
        _("Deals"),
        "transfer:deal_list",
        "handshake",
        perm="transfer.view_deals",
        group="transfer",
        order=43,
    )
)

register_verb(
    "transfer.achievement.submitted",
    title=_("Achievement to approve: %(title)s"),
    body=_("%(title)s was submitted for listing on the transfer marketplace."),
)
register_verb(
    "transfer.achievement.listed",
    title=_("Your achievement is listed: %(title)s"),
    body=_("%(title)s is now on the transfer marketplace."),
)
register_verb(
    "transfer.achievement.rejected",
    title=_("Your achievement was not listed: %(title)s"),
    body=_("%(title)s was not listed. Reason: %(reason)s"),
)
