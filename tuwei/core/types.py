"""Request types for views that only signed-in users reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from tuwei.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind login_required or require_perm: `user` is a real account."""

    user: User  # type: ignore[assignment]
