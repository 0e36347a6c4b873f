"""The workbench (工作台): each app registers what a user has to do.

A provider takes the user and yields to-dos; the workbench shows those with a
count above zero, so a persona sees only the work that is theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Todo:
    label: str | Promise
    count: int
    url: str
    due: date | None = None


Provider = Callable[[Any], Iterable[Todo]]
_providers: list[Provider] = []


def todo_provider(provider: Provider) -> Provider:
    _providers.append(provider)
    return provider


def todos_for(user: Any) -> list[Todo]:
    return [todo for provider in _providers for todo in provider(user) if todo.count > 0]
