"""Keeping the traffic lights current, and telling people once when one turns red."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from tuwei.accounts.models import Region, User
from tuwei.accounts.roles import Role
from tuwei.core.notifications import notify
from tuwei.plans.models import Indicator, IndicatorStatus, Plan, Status
from tuwei.plans.selectors.data import load_plan_data
from tuwei.plans.selectors.progress import indicator_progress


def _recipients(region: Region | None) -> list[User]:
    users = User.objects.filter(is_active=True)
    if region is None:
        return list(users.filter(roles__role=Role.OFFICER).distinct())
    return list(users.filter(roles__role=Role.BUREAU, region=region).distinct())


def progress_refresh(*, plan: Plan) -> dict[tuple[int, int | None], str]:
    """Recompute every indicator's status overall and per league/city; store the changes.

    A status that becomes red notifies the program officers (overall) or the league/city's
    bureau (its own figure) once; staying red, or a refresh without change, sends nothing.
    Runs inside the caller's transaction, so a rolled-back approval notifies nobody.
    """
    data = load_plan_data(plan)
    regions = {region.pk: region for region in data.regions}
    computed: dict[tuple[int, int | None], str] = {}
    for indicator in data.indicators:
        computed[(indicator.pk, None)] = indicator_progress(data, indicator).status
        if not indicator.is_regional:
            continue
        for region_pk in regions:
            if data.region_target(indicator, region_pk) is None:
                continue
            computed[(indicator.pk, region_pk)] = indicator_progress(
                data, indicator, region_id=region_pk
            ).status
    with transaction.atomic():
        stored = {
            (row.indicator_id, row.region_id): row
            for row in IndicatorStatus.objects.select_for_update().filter(indicator__plan=plan)
        }
        indicators = {indicator.pk: indicator for indicator in data.indicators}
        new_rows, changed = [], []
        previous: str
        for (indicator_id, region_id), status in computed.items():
            row = stored.get((indicator_id, region_id))
            if row is None:
                new_rows.append(
                    IndicatorStatus(indicator_id=indicator_id, region_id=region_id, status=status)
                )
                previous = Status.NONE
            elif row.status != status:
                previous = row.status
                row.status = status
                changed.append(row)
            else:
                continue
            if status == Status.RED and previous != Status.RED:
                _notify_red(
                    plan, indicators[indicator_id], regions.get(region_id) if region_id else None
                )
        IndicatorStatus.objects.bulk_create(new_rows)
        for row in changed:
            row.save(update_fields=["status", "changed_at"])
    return computed


def _notify_red(plan: Plan, indicator: Indicator, region: Region | None) -> None:
    url = reverse("plans:indicator_detail", args=[plan.pk, indicator.pk])
    params = {"indicator": indicator.name, "plan": plan.title}
    if region is None:
        notify(_recipients(None), "plans.indicator.red", params=params, url=url)
    else:
        notify(
            _recipients(region),
            "plans.indicator.red_region",
            params={**params, "region": region.name},
            url=reverse("plans:region_detail", args=[plan.pk, region.code]),
        )
