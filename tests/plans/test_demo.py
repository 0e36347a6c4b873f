"""The demo plan: the 2024 targets, three quarters of reports, idempotent."""

from __future__ import annotations

from decimal import Decimal

from django.core.management import call_command

from tuwei.accounts.models import User
from tuwei.plans import demo
from tuwei.plans.models import Indicator, IndicatorValue, Plan, Report
from tuwei.plans.selectors.data import load_plan_data
from tuwei.plans.selectors.progress import indicator_progress
from tuwei.programs.models import Program


def test_the_demo_plan_loads_once_with_the_published_targets(db) -> None:
    call_command("seed_demo")
    context = {
        "users": {u.username: u for u in User.objects.all()},
        "program": Program.objects.get(year=2024),
    }
    plan = demo.load(context)["plan"]
    counts = (
        Plan.objects.count(),
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        Report.objects.count(),
    )
    assert demo.load(context)["plan"] == plan
    assert counts == (
        Plan.objects.count(),
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        Report.objects.count(),
    )
    targets = dict(plan.indicators.values_list("code", "target"))
    assert len(targets) == 15
    assert (
        targets["KJ04"] == Decimal(2000)
        and targets["SZ01"] == Decimal(60)
        and targets["LS04"] == Decimal(510)
    )
    data = load_plan_data(plan)
    statuses = {
        indicator.code: indicator_progress(data, indicator).status for indicator in data.indicators
    }
    assert "red" in statuses.values() and "green" in statuses.values()
    q3 = plan.periods.get(frequency="quarterly", number=3)
    assert {r.region.code for r in q3.reports.all() if r.is_late} == {"152200", "152500"}
    assert q3.reports.filter(status="returned").count() == 1
    assert indicator_progress(data, plan.indicators.get(code="LS02")).forecast.method == "seasonal"
