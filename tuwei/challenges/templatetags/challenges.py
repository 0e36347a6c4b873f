"""Template helpers of the challenge pages: money in 万元 and yuan, status badges."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format

from tuwei.core.templatetags.tuwei import status_badge

register = template.Library()

# The shared badge colours (tuwei.core.templatetags.tuwei.STATUS_TONES) by meaning:
# waiting on someone → blue/amber, live → green, finished or gone → grey/red.
TONE_OF = {
    "draft": "draft",
    "submitted": "submitted",
    "returned": "pending",
    "vetted": "submitted",
    "published": "approved",
    "closed": "inactive",
    "awarded": "active",
    "withdrawn": "rejected",
}


def _number(value: Decimal, places: int) -> str:
    rounded = round(value, places)
    if rounded == rounded.to_integral_value():
        return number_format(rounded, 0, force_grouping=True)
    return number_format(rounded.normalize(), None, force_grouping=True)


@register.filter
def wan(value: Any) -> str:
    """Yuan as 万元 (ten thousand yuan), with separators and up to two decimals."""
    if value in (None, ""):
        return ""
    return _number(Decimal(value) / 10_000, 2)


@register.filter
def yuan(value: Any) -> str:
    if value in (None, ""):
        return ""
    return _number(Decimal(value), 2)


@register.simple_tag
def challenge_badge(challenge: Any) -> str:
    """The status as readers see it (published past its deadline reads closed)."""
    status = challenge.public_status()
    label = type(challenge).Status(status).label
    return status_badge(TONE_OF.get(status, "draft"), label)
