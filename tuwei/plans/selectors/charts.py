"""ECharts options for plan monitoring, each with the table of the same data.

static/js/charts.js renders the options as they are; the map needs its geometry
registered first (static/js/plan-map.js). A data item carrying "url" opens that page.
Every chart's table is shown under it and exported as xlsx by the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from tuwei.core.i18n import localise_name
from tuwei.plans.models import Status
from tuwei.plans.selectors.progress import Progress, RegionSummary

COLOURS: dict[str, str] = {
    Status.GREEN: "#1e7b4f",
    Status.YELLOW: "#c77c02",
    Status.RED: "#b42318",
    Status.NONE: "#9aa5b1",
}
BRAND = "#1d4e89"
BAND = "rgba(29, 78, 137, 0.15)"
MAP_NAME = "inner-mongolia"


@dataclass
class ChartTable:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def trend_chart(progress: Progress) -> tuple[dict[str, Any], ChartTable]:
    """Actual values, the forecast path with its interval band, and the target line."""
    indicator = progress.indicator
    labels = progress.labels
    count = len(labels)
    observed = len(progress.series)
    actual = [_round(value) for value in progress.series] + [None] * (count - observed)
    mean: list[float | None] = [None] * count
    lower: list[float | None] = [None] * count
    width: list[float | None] = [None] * count
    steps = progress.forecast.steps if progress.forecast else ()
    if steps and observed:
        mean[observed - 1] = lower[observed - 1] = actual[observed - 1]
        width[observed - 1] = 0.0
        for offset, step in enumerate(steps, start=observed):
            if offset >= count:
                break
            mean[offset] = _round(step.mean)
            if step.lower is not None and step.upper is not None:
                lower[offset] = _round(step.lower)
                width[offset] = _round(step.upper - step.lower)
    target = _round(progress.target)
    series: list[dict[str, Any]] = []
    has_band = any(value not in (None, 0.0) for value in width)
    if has_band:
        series += [
            {
                "name": "lower",
                "type": "line",
                "data": lower,
                "stack": "band",
                "symbol": "none",
                "lineStyle": {"opacity": 0},
                "tooltip": {"show": False},
                "silent": True,
            },
            {
                "name": _("Forecast interval (90%)"),
                "type": "line",
                "data": width,
                "stack": "band",
                "symbol": "none",
                "lineStyle": {"opacity": 0},
                "areaStyle": {"color": BAND},
                "itemStyle": {"color": BAND},
                "silent": True,
            },
        ]
    series += [
        {
            "name": _("Actual"),
            "type": "line",
            "data": actual,
            "itemStyle": {"color": BRAND},
            "connectNulls": False,
        },
        {
            "name": _("Forecast"),
            "type": "line",
            "data": mean,
            "lineStyle": {"type": "dashed"},
            "itemStyle": {"color": COLOURS[progress.status]},
        },
    ]
    if target is not None:
        series.append(
            {
                "name": _("Target"),
                "type": "line",
                "data": [target] * count,
                "symbol": "none",
                "lineStyle": {"type": "dotted", "width": 2},
                "itemStyle": {"color": COLOURS[Status.RED]},
            }
        )
    options = {
        "animation": False,
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [s["name"] for s in series if s["name"] != "lower"], "top": 0},
        "grid": {"left": 60, "right": 30, "top": 40, "bottom": 40},
        "xAxis": {"type": "category", "data": labels, "boundaryGap": False},
        "yAxis": {"type": "value", "name": indicator.unit, "scale": True},
        "series": series,
    }
    table = ChartTable(
        key=f"trend-{indicator.pk}",
        title=indicator.display_name,
        columns=[
            _("Period"),
            _("Actual"),
            _("Forecast"),
            _("Lower bound"),
            _("Upper bound"),
            _("Target"),
        ],
    )
    for index, label in enumerate(labels):
        upper = None
        if lower[index] is not None and width[index] is not None:
            upper = _round(lower[index] + width[index])  # type: ignore[operator]
        forecast_value = mean[index] if index >= observed else None
        table.rows.append(
            [
                label,
                actual[index],
                forecast_value,
                lower[index] if index >= observed else None,
                upper if index >= observed else None,
                target,
            ]
        )
    return options, table


def gauge_grid(
    progresses: Sequence[Progress], url: Callable[[Progress], str], columns: int = 5
) -> tuple[dict[str, Any], ChartTable]:
    """One gauge per indicator (completion %), laid out in a grid inside one chart."""
    rows = max(1, -(-len(progresses) // columns))
    radius = min(100 / columns, 100 / rows) * 0.42
    series = []
    for index, progress in enumerate(progresses):
        row, column = divmod(index, columns)
        colour = COLOURS[progress.status]
        name = progress.indicator.display_name
        series.append(
            {
                "type": "gauge",
                "center": [
                    f"{(column + 0.5) * 100 / columns:.1f}%",
                    f"{(row + 0.55) * 100 / rows:.1f}%",
                ],
                "radius": f"{radius:.1f}%",
                "min": 0,
                "max": 120,
                "splitNumber": 4,
                "progress": {"show": True, "width": 8, "itemStyle": {"color": colour}},
                "axisLine": {"lineStyle": {"width": 8}},
                "axisTick": {"show": False},
                "splitLine": {"show": False},
                "axisLabel": {"show": False},
                "pointer": {"show": False},
                "anchor": {"show": False},
                "title": {
                    "offsetCenter": [0, "75%"],
                    "fontSize": 11,
                    "overflow": "truncate",
                    "width": 120,
                },
                "detail": {
                    "valueAnimation": False,
                    "offsetCenter": [0, "10%"],
                    "fontSize": 16,
                    "formatter": "{value}%",
                    "color": colour,
                },
                "data": [
                    {
                        "value": _round(progress.completion, 1)
                        if progress.completion is not None
                        else 0,
                        "name": name if len(name) <= 14 else name[:13] + "…",
                        "url": url(progress),
                    }
                ],
            }
        )
    options = {"animation": False, "tooltip": {"show": False}, "series": series}
    table = ChartTable(
        key="gauges",
        title=_("Completion by indicator"),
        columns=[
            _("Code"),
            _("Indicator"),
            _("Unit"),
            _("Target"),
            _("Value"),
            _("As of"),
            _("Completion %"),
            _("Year elapsed %"),
            _("Year-end forecast"),
            _("Forecast low"),
            _("Forecast high"),
            _("Status"),
        ],
    )
    for progress in progresses:
        forecast = progress.forecast
        table.rows.append(
            [
                progress.indicator.code,
                progress.indicator.display_name,
                progress.indicator.unit,
                _round(progress.target),
                _round(progress.value),
                progress.as_of.label if progress.as_of else None,
                _round(progress.completion, 1),
                _round(progress.elapsed, 1),
                _round(forecast.mean) if forecast else None,
                _round(forecast.lower) if forecast else None,
                _round(forecast.upper) if forecast else None,
                str(Status(progress.status).label),
            ]
        )
    return options, table


def _region_table(key: str, title: str, summaries: Sequence[RegionSummary]) -> ChartTable:
    table = ChartTable(
        key=key,
        title=title,
        columns=[
            _("Division code"),
            _("League/city"),
            _("Mean completion %"),
            _("Indicators counted"),
            _("Behind the calendar"),
        ],
    )
    for summary in summaries:
        table.rows.append(
            [
                summary.code,
                localise_name(summary.name, summary.name_en),
                _round(summary.completion, 1),
                summary.counted,
                summary.behind,
            ]
        )
    return table


def region_map(
    summaries: Sequence[RegionSummary], url: Callable[[RegionSummary], str | None]
) -> tuple[dict[str, Any], ChartTable]:
    """The 12 leagues/cities coloured by mean completion (GeoJSON names are the Chinese
    names; `nameMap` shows them in the reader's language)."""
    data = []
    for summary in summaries:
        item: dict[str, Any] = {"name": summary.name, "value": _round(summary.completion, 1)}
        link = url(summary)
        if link:
            item["url"] = link
        data.append(item)
    options = {
        "animation": False,
        "tooltip": {"trigger": "item", "formatter": "{b}: {c}%"},
        "visualMap": {
            "min": 0,
            "max": 100,
            "left": 10,
            "bottom": 10,
            "text": [_("100% complete"), "0%"],
            "calculable": False,
            "inRange": {
                "color": [COLOURS[Status.RED], COLOURS[Status.YELLOW], COLOURS[Status.GREEN]]
            },
        },
        "series": [
            {
                "type": "map",
                "map": MAP_NAME,
                "roam": False,
                "nameMap": {s.name: localise_name(s.name, s.name_en) for s in summaries},
                "label": {"show": True, "fontSize": 10},
                "data": data,
            }
        ],
    }
    return options, _region_table("map", _("Completion by league/city"), summaries)


def region_ranking(
    summaries: Sequence[RegionSummary], url: Callable[[RegionSummary], str | None]
) -> tuple[dict[str, Any], ChartTable]:
    ranked = sorted(summaries, key=lambda s: (s.completion is None, -(s.completion or 0.0)))
    shown = list(reversed(ranked))  # ECharts draws the first category at the bottom
    data = []
    for summary in shown:
        completion = _round(summary.completion, 1)
        colour = COLOURS[Status.NONE]
        if completion is not None:
            colour = COLOURS[
                Status.GREEN
                if completion >= 90
                else Status.YELLOW
                if completion >= 60
                else Status.RED
            ]
        item: dict[str, Any] = {"value": completion, "itemStyle": {"color": colour}}
        link = url(summary)
        if link:
            item["url"] = link
        data.append(item)
    options = {
        "animation": False,
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "grid": {"left": 110, "right": 40, "top": 10, "bottom": 30},
        "xAxis": {"type": "value", "max": 100, "axisLabel": {"formatter": "{value}%"}},
        "yAxis": {"type": "category", "data": [localise_name(s.name, s.name_en) for s in shown]},
        "series": [{"type": "bar", "data": data, "label": {"show": True, "position": "right"}}],
    }
    return options, _region_table("ranking", _("Ranking of leagues/cities"), ranked)
