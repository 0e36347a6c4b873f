"""Left navigation by role. Apps add entries; the context processor filters them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    icon: str
    perm: str | None = None  # a django-rules permission; None = every signed-in user
    group: str = "work"
    order: int = 100


_items: list[NavItem] = []


def add_nav(item: NavItem) -> None:
    _items.append(item)


def nav_for(user: Any, current_path: str) -> list[dict[str, Any]]:
    entries = []
    for item in sorted(_items, key=lambda entry: (entry.order, str(entry.label))):
        if item.perm is not None and not user.has_perm(item.perm):
            continue
        url = reverse(item.url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        entries.append({"label": item.label, "url": url, "icon": item.icon, "active": active})
    return entries
