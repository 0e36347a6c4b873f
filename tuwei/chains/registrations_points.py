"""Navigation entries, to-dos, notification verbs and rater rules of points and scoring."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rules
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuwei.chains.rules import can_read_map
from tuwei.core.navigation import NavItem, add_nav
from tuwei.core.notifications import register_verb
from tuwei.core.workbench import Todo, todo_provider


@rules.predicate
def is_session_rater(user: Any, session: Any) -> bool:
    """A rater of this session enters their own comparisons and scores, whatever their role."""
    if not user.is_authenticated or session is None:
        return False
    return bool(session.raters.filter(pk=user.pk).exists())


@rules.predicate
def rates_any_session(user: Any) -> bool:
    from tuwei.chains.models import ScoringSession

    return bool(
        user.is_authenticated and ScoringSession.objects.filter(raters__pk=user.pk).exists()
    )


# An expert asked to rate reaches the sessions list and the sessions they rate, nothing else.
rules.add_perm("chains.rate_session", is_session_rater)
rules.add_perm("chains.use_scoring", can_read_map | rates_any_session)


@todo_provider
def sessions_waiting_for_rater(user: Any) -> Iterable[Todo]:
    if not user.is_authenticated:
        return
    from tuwei.chains.selectors.scoring import sessions_waiting_for

    count = sessions_waiting_for(user=user).count()
    yield Todo(
        _("Scoring sessions waiting for your judgements"), count, reverse("chains:session_list")
    )


@todo_provider
def drafts_not_taken_over(user: Any) -> Iterable[Todo]:
    if not user.is_authenticated or not user.has_perm("chains.edit_points"):
        return
    from tuwei.chains.selectors.points import challenge_draft_list

    count = challenge_draft_list(user=user).count()
    yield Todo(_("Challenge drafts not yet taken over"), count, reverse("chains:draft_list"))


add_nav(
    NavItem(
        _("Breakthrough points"), "chains:point_list", "target", perm="chains.view_points", order=21
    )
)
add_nav(
    NavItem(
        _("Scoring sessions"), "chains:session_list", "scale", perm="chains.use_scoring", order=22
    )
)
add_nav(
    NavItem(_("Challenge drafts"), "chains:draft_list", "file", perm="chains.edit_points", order=23)
)

register_verb(
    "chains.session.invited",
    title=_("You are asked to rate: %(title)s"),
    body=_("Enter your pairwise comparisons and scores for the scoring session %(title)s."),
)
register_verb(
    "chains.session.closed",
    title=_("Scoring session finished: %(title)s"),
    body=_("The scoring session %(title)s is finished; its ranking is frozen."),
)
