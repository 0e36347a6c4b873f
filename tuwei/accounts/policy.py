"""The security policy as django-axes reads it (it accepts callables for both)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tuwei.accounts.models import SecurityPolicy


def axes_failure_limit(request: Any, credentials: Any) -> int:
    return SecurityPolicy.current().lockout_failures


def axes_cooloff_time(request: Any) -> timedelta:
    return timedelta(minutes=SecurityPolicy.current().lockout_minutes)


def mfa_required(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(*SecurityPolicy.current().mfa_roles))
