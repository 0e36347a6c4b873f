"""What plan monitoring adds to the navigation, the workbench and the notification verbs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuwei.core.navigation import NavItem, add_nav
from tuwei.core.notifications import register_verb
from tuwei.core.workbench import Todo, todo_provider

add_nav(
    NavItem(_("Plan monitoring"), "plans:plan_list", "target", perm="plans.view_plans", order=60)
)
add_nav(
    NavItem(_("Plan reports"), "plans:report_list", "inbox", perm="plans.view_reports", order=61)
)


@todo_provider
def plan_reports(user: Any) -> Iterable[Todo]:
    from tuwei.plans.selectors.plans import reports_due, reports_to_review

    if user.has_perm("plans.review_reports"):
        count = reports_to_review(user=user).count()
        yield Todo(
            _("Plan reports to review"), count, reverse("plans:report_list") + "?status=submitted"
        )
    if user.has_perm("plans.submit_reports"):
        due = reports_due(user=user).aggregate(first=Min("period__due"))
        count = reports_due(user=user).count()
        yield Todo(_("Plan reports due"), count, reverse("plans:report_list"), due=due["first"])


register_verb(
    "plans.report.submitted",
    title=_("A plan report awaits review"),
    body=_("%(region)s submitted its report for %(period)s."),
)
register_verb(
    "plans.report.returned",
    title=_("Your plan report was returned"),
    body=_("The report for %(period)s was returned: %(count)s value(s) to correct."),
)
register_verb(
    "plans.report.approved",
    title=_("Your plan report was approved"),
    body=_("The report for %(period)s was approved."),
)
register_verb(
    "plans.indicator.red",
    title=_("An indicator is off track"),
    body=_("%(indicator)s of %(plan)s is forecast to miss its target."),
)
register_verb(
    "plans.indicator.red_region",
    title=_("An indicator of your league/city is off track"),
    body=_("%(indicator)s (%(plan)s) is forecast to miss %(region)s's target."),
)
