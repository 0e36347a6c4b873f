from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

from tuwei.core.i18n import localise_text

register = template.Library()

# One colour per meaning, the same everywhere (DESIGN.md "The interface").
STATUS_TONES = {
    "draft": "grey",
    "pending": "amber",
    "submitted": "blue",
    "approved": "green",
    "rejected": "red",
    "active": "green",
    "inactive": "grey",
    # breakthrough points
    "candidate": "amber",
    "shortlisted": "blue",
    "targeted": "green",
    "dropped": "red",
    # sessions, periods, needs
    "open": "green",
    "closed": "grey",
    # achievements
    "listed": "green",
    "archived": "grey",
}


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters replaced (keeps filters on paging)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def status_badge(code: str, label: str) -> str:
    tone = STATUS_TONES.get(code, "grey")
    return format_html('<span class="badge badge-{}">{}</span>', tone, label)


@register.filter
def script(text: str) -> str:
    """Stored Chinese text in the reader's script (traditional for zh-Hant)."""
    return localise_text(text or "")
