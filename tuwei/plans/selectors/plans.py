"""Reads of plans, reports and evidence with data scope applied.

Officers and leaders see every league/city; a bureau user only its own (DESIGN.md data
scope). Approved values are in IndicatorValue and readable by everyone who may see
plans; a report, its values and its files only within scope, so another league/city's
unapproved figures are never reachable (404).
"""

from __future__ import annotations

from django.db.models import QuerySet

from tuwei.accounts.models import Region, User
from tuwei.accounts.roles import Role
from tuwei.plans.models import Evidence, Indicator, Period, Plan, Report

WIDE_ROLES = (Role.OFFICER, Role.LEADER)


def _may_view(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm("plans.view_plans"))


def plan_list(*, user: User) -> QuerySet[Plan]:
    if not _may_view(user):
        return Plan.objects.none()
    return Plan.objects.select_related("program")


def plan_get(*, user: User, pk: int) -> Plan:
    return plan_list(user=user).get(pk=pk)


def indicator_get(*, user: User, plan: Plan, pk: int) -> Indicator:
    if not _may_view(user):
        raise Indicator.DoesNotExist
    return plan.indicators.select_related("previous").get(pk=pk)


def period_get(*, user: User, plan: Plan, pk: int) -> Period:
    if not _may_view(user):
        raise Period.DoesNotExist
    return plan.periods.get(pk=pk)


def visible_regions(*, user: User) -> QuerySet[Region]:
    """The leagues/cities whose pages and reports the user may open."""
    if not _may_view(user):
        return Region.objects.none()
    if user.has_role(*WIDE_ROLES):
        return Region.objects.all()
    if user.has_role(Role.BUREAU) and user.region_id:
        return Region.objects.filter(pk=user.region_id)
    return Region.objects.none()


def region_get(*, user: User, code: str) -> Region:
    return visible_regions(user=user).get(code=code)


def report_list(*, user: User) -> QuerySet[Report]:
    reports = Report.objects.select_related("period", "period__plan", "region")
    if not user.is_authenticated or not user.has_perm("plans.view_reports"):
        return reports.none()
    if user.has_role(*WIDE_ROLES):
        return reports
    if user.has_role(Role.BUREAU) and user.region_id:
        return reports.filter(region_id=user.region_id)
    return reports.none()


def report_get(*, user: User, pk: int) -> Report:
    return report_list(user=user).get(pk=pk)


def evidence_get(*, user: User, pk: int) -> Evidence:
    return Evidence.objects.select_related("report").get(
        pk=pk, report__in=report_list(user=user).values("pk")
    )


def reports_to_review(*, user: User) -> QuerySet[Report]:
    if not user.is_authenticated or not user.has_perm("plans.review_reports"):
        return Report.objects.none()
    return report_list(user=user).filter(status=Report.Status.SUBMITTED)


def reports_due(*, user: User) -> QuerySet[Report]:
    """A bureau user's reports still to send for open periods."""
    if not user.is_authenticated or not user.has_perm("plans.submit_reports"):
        return Report.objects.none()
    return report_list(user=user).filter(
        period__status=Period.Status.OPEN,
        status__in=[Report.Status.DRAFT, Report.Status.RETURNED],
    )
