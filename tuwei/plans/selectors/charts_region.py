"""The chart of one league/city's page: completion of each indicator against the calendar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from tuwei.plans.models import Status
from tuwei.plans.selectors.charts import COLOURS, ChartTable, _round
from tuwei.plans.selectors.progress import Progress


def region_bars(
    progresses: Sequence[Progress], url: Callable[[Progress], str]
) -> tuple[dict[str, Any], ChartTable]:
    """A league/city's completion of each indicator next to the share of the year elapsed."""
    shown = [p for p in progresses if p.completion is not None]
    names = [p.indicator.display_name for p in shown]
    options = {
        "animation": False,
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 0},
        "grid": {"left": 180, "right": 40, "top": 30, "bottom": 30},
        "xAxis": {"type": "value", "axisLabel": {"formatter": "{value}%"}},
        "yAxis": {"type": "category", "data": names, "inverse": True},
        "series": [
            {
                "name": _("Completion %"),
                "type": "bar",
                "data": [
                    {
                        "value": _round(p.completion, 1),
                        "itemStyle": {"color": COLOURS[p.status]},
                        "url": url(p),
                    }
                    for p in shown
                ],
            },
            {
                "name": _("Year elapsed %"),
                "type": "bar",
                "data": [_round(p.elapsed, 1) for p in shown],
                "itemStyle": {"color": COLOURS[Status.NONE]},
            },
        ],
    }
    table = ChartTable(
        key="region",
        title=_("Completion by indicator"),
        columns=[
            _("Code"),
            _("Indicator"),
            _("Target"),
            _("Value"),
            _("Completion %"),
            _("Year elapsed %"),
            _("Year-end forecast"),
            _("Status"),
        ],
    )
    for p in progresses:
        table.rows.append(
            [
                p.indicator.code,
                p.indicator.display_name,
                _round(p.target),
                _round(p.value),
                _round(p.completion, 1),
                _round(p.elapsed, 1),
                _round(p.forecast.mean) if p.forecast else None,
                str(Status(p.status).label),
            ]
        )
    return options, table
