"""What each plan page shows, composed from the progress and chart selectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.urls import reverse

from tuwei.accounts.models import Region, User
from tuwei.plans.models import Indicator, Plan, Status
from tuwei.plans.selectors import charts, charts_region
from tuwei.plans.selectors.charts import ChartTable
from tuwei.plans.selectors.data import PlanData, load_plan_data
from tuwei.plans.selectors.plans import visible_regions
from tuwei.plans.selectors.progress import Progress, indicator_progress, region_summaries

WARNING_ORDER = {Status.RED: 0, Status.YELLOW: 1}


@dataclass
class Chart:
    id: str
    options: dict[str, Any]
    table: ChartTable


@dataclass
class Page:
    data: PlanData
    progresses: list[Progress] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def table(self, key: str) -> ChartTable | None:
        for chart in self.charts.values():
            if chart.table.key == key:
                return chart.table
        return None


def _indicator_url(plan: Plan) -> Any:
    return lambda progress: reverse("plans:indicator_detail", args=[plan.pk, progress.indicator.pk])


CACHE_SECONDS = 3600


def _cached(plan: Plan, key: str, compute: Callable[[], Any]) -> Any:
    """A plan's computed progress, reused until its data changes: the key carries
    `data_version`, which every write to values, indicators, targets or rules raises."""
    cache_key = f"plans:{plan.pk}:{plan.data_version}:{key}"
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, CACHE_SECONDS)
    return found


def _overview_data(plan: Plan) -> tuple[PlanData, list[Progress], list]:
    data = load_plan_data(plan)
    progresses = [indicator_progress(data, indicator) for indicator in data.indicators]
    return data, progresses, region_summaries(data)


def plan_overview(*, user: User, plan: Plan) -> Page:
    data, progresses, summaries = _cached(plan, "overview", lambda: _overview_data(plan))
    page = Page(data=data)
    page.progresses = progresses
    allowed = set(visible_regions(user=user).values_list("pk", flat=True))
    region_url = lambda summary: (  # noqa: E731
        reverse("plans:region_detail", args=[plan.pk, summary.code])
        if summary.region_id in allowed
        else None
    )
    for key, (options, table) in {
        "gauges": charts.gauge_grid(page.progresses, _indicator_url(plan)),
        "map": charts.region_map(summaries, region_url),
        "ranking": charts.region_ranking(summaries, region_url),
    }.items():
        page.charts[key] = Chart(f"chart-{key}", options, table)
    page.extra["warnings"] = sorted(
        (p for p in page.progresses if p.status in WARNING_ORDER),
        key=lambda p: (WARNING_ORDER[p.status], p.forecast_ratio or 0.0),
    )
    page.extra["summaries"] = summaries
    page.extra["as_of"] = max(
        (p.as_of for p in page.progresses if p.as_of is not None),
        key=lambda period: period.end,
        default=None,
    )
    page.extra["warnings_table"] = warnings_table(page.extra["warnings"])
    return page


def warnings_table(warnings: list[Progress]) -> ChartTable:
    from django.utils.translation import gettext as _

    table = ChartTable(
        key="warnings",
        title=_("Warnings"),
        columns=[
            _("Code"),
            _("Indicator"),
            _("Responsible department"),
            _("Status"),
            _("Completion %"),
            _("Year elapsed %"),
            _("Forecast as % of target"),
        ],
    )
    for p in warnings:
        table.rows.append(
            [
                p.indicator.code,
                p.indicator.display_name,
                p.indicator.department,
                str(Status(p.status).label),
                None if p.completion is None else round(p.completion, 1),
                None if p.elapsed is None else round(p.elapsed, 1),
                None if p.forecast_ratio is None else round(p.forecast_ratio, 1),
            ]
        )
    return table


def indicator_page(*, user: User, plan: Plan, indicator: Indicator) -> Page:
    data = _cached(plan, "data", lambda: load_plan_data(plan))
    indicator = next(item for item in data.indicators if item.pk == indicator.pk)
    page = Page(data=data)
    progress = indicator_progress(data, indicator)
    page.progresses = [progress]
    options, table = charts.trend_chart(progress)
    page.charts["trend"] = Chart("chart-trend", options, table)
    if indicator.is_regional:
        allowed = set(visible_regions(user=user).values_list("pk", flat=True))
        page.extra["regions"] = [
            (region, indicator_progress(data, indicator, region_id=region.pk), region.pk in allowed)
            for region in data.regions
        ]
    return page


def region_page(*, user: User, plan: Plan, region: Region) -> Page:
    def compute() -> tuple[PlanData, list[Progress]]:
        data = load_plan_data(plan, region=region)
        progresses = [
            indicator_progress(data, indicator, region_id=region.pk)
            for indicator in data.indicators
            if indicator.is_regional
        ]
        return data, progresses

    data, progresses = _cached(plan, f"region:{region.pk}", compute)
    page = Page(data=data)
    page.progresses = progresses
    options, table = charts_region.region_bars(page.progresses, _indicator_url(plan))
    page.charts["region"] = Chart("chart-region", options, table)
    return page


def chart_table(*, user: User, plan: Plan, key: str) -> ChartTable | None:
    """The table behind a chart, for the xlsx export (None for an unknown key)."""
    if key.startswith("trend-"):
        pk = key.removeprefix("trend-")
        indicator = plan.indicators.filter(pk=int(pk)).first() if pk.isdigit() else None
        if indicator is None:
            return None
        return indicator_page(user=user, plan=plan, indicator=indicator).table(key)
    if key.startswith("region-"):
        region = visible_regions(user=user).filter(code=key.removeprefix("region-")).first()
        if region is None:
            return None
        return region_page(user=user, plan=plan, region=region).table("region")
    page = plan_overview(user=user, plan=plan)
    if key == "warnings":
        return page.extra["warnings_table"]
    return page.table(key)
