"""Navigation entries, workbench to-dos and notification verbs of the challenges app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav
from tuwei.core.notifications import register_verb
from tuwei.core.workbench import Todo, todo_provider


@todo_provider
def challenges_to_vet(user: Any) -> Iterable[Todo]:
    if not user.has_perm("challenges.vet_challenges"):
        return
    from tuwei.challenges.models import Challenge
    from tuwei.challenges.selectors import drafts_to_take_over, vetting_queue

    queue = reverse("challenges:vetting")
    submitted = vetting_queue(user=user).filter(status=Challenge.Status.SUBMITTED)
    yield Todo(_("Challenges to vet"), submitted.count(), queue)
    vetted = vetting_queue(user=user).filter(status=Challenge.Status.VETTED)
    soonest = vetted.aggregate(soonest=Min("deadline"))["soonest"]
    yield Todo(
        _("Vetted challenges to publish"),
        vetted.count(),
        queue,
        due=timezone.localdate(soonest) if soonest else None,
    )
    yield Todo(_("Challenge drafts from points"), drafts_to_take_over(user=user).count(), queue)


@todo_provider
def returned_challenges(user: Any) -> Iterable[Todo]:
    if not user.has_perm("challenges.create_challenge"):
        return
    from tuwei.challenges.selectors import returned_for

    count = returned_for(user=user).count()
    yield Todo(_("Returned challenges"), count, reverse("challenges:list") + "?status=returned")


add_nav(
    NavItem(
        _("Challenges"),
        "challenges:list",
        "flag",
        perm="challenges.view_challenges",
        group="work",
        order=30,
    )
)
add_nav(
    NavItem(
        _("Vetting queue"),
        "challenges:vetting",
        "check-square",
        perm="challenges.vet_challenges",
        group="work",
        order=31,
    )
)
add_nav(NavItem(_("Challenge board"), "challenges:board", "board", group="work", order=32))

register_verb(
    "challenges.challenge.submitted",
    title=_("A challenge awaits vetting"),
    body=_("%(owner)s submitted the challenge “%(title)s”."),
)
register_verb(
    "challenges.challenge.returned",
    title=_("Your challenge was returned"),
    body=_("“%(title)s” was returned for changes: %(reason)s"),
)
register_verb(
    "challenges.challenge.published",
    title=_("Your challenge is published"),
    body=_("“%(title)s” is now on the public challenge board."),
)
register_verb(
    "challenges.challenge.withdrawn",
    title=_("A challenge was withdrawn"),
    body=_("“%(title)s” was withdrawn by the program office: %(reason)s"),
)
