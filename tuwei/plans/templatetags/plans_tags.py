"""Template helpers of plan monitoring: traffic-light badges and number formatting."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from tuwei.plans.models import Report, Status

register = template.Library()

# The same colours as the charts (selectors/charts.py) and the status badges elsewhere.
TONES: dict[str, str] = {
    Status.GREEN: "green",
    Status.YELLOW: "amber",
    Status.RED: "red",
    Status.NONE: "grey",
    Report.Status.DRAFT: "grey",
    Report.Status.SUBMITTED: "blue",
    Report.Status.APPROVED: "green",
    Report.Status.RETURNED: "red",
}


@register.simple_tag
def light(status: str) -> str:
    label = Status(status).label if status in Status.values else status
    return format_html(
        '<span class="badge badge-{}" data-status="{}">{}</span>',
        TONES.get(status, "grey"),
        status,
        label,
    )


@register.simple_tag
def report_badge(report: Report) -> str:
    return format_html(
        '<span class="badge badge-{}" data-status="{}">{}</span>',
        TONES.get(report.status, "grey"),
        report.status,
        report.get_status_display(),
    )


@register.filter
def num(value: Any, digits: int = 2) -> str:
    """A number with thousands separators and at most `digits` decimals; — when missing."""
    if value is None or value == "":
        return "—"
    number = round(float(value), int(digits))
    if number == int(number):
        return number_format(int(number), force_grouping=True)
    return number_format(number, decimal_pos=int(digits), force_grouping=True)


@register.filter
def pct(value: Any) -> str:
    if value is None:
        return "—"
    return f"{number_format(round(float(value), 1), decimal_pos=1, force_grouping=True)}%"


@register.filter
def get_field(form: Any, code: str) -> Any:
    return form[f"value_{code}"]


@register.filter
def get_note(form: Any, code: str) -> Any:
    return form[f"note_{code}"]
