"""Authentication events go to the audit trail.

These come from Django's auth machinery rather than from our services, so a
signal receiver is the one place to catch them all (password logins, logouts,
and failures including those axes rejects).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from tuwei.core.audit import log_action


@receiver(user_logged_in)
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    log_action(user, "auth.login", actor=user, request=request)


@receiver(user_logged_out)
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        log_action(user, "auth.logout", actor=user, request=request)


@receiver(user_login_failed)
def audit_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))[:150]
    log_action(None, "auth.login_failed", data={"username": username}, request=request)
