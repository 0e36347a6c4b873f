from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

ACTIVE_COOKIE = "tuwei_signed_in"


class SecurityPolicySessionMiddleware:
    """Idle timeout from the security policy.

    The session is saved on every request (SESSION_SAVE_EVERY_REQUEST), so its
    server-side expiry moves with activity; here the length comes from the policy.
    A session that has already expired server-side is simply not loaded, and the
    login page then says so (see ACTIVE_COOKIE).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            from tuwei.accounts.models import SecurityPolicy

            request.session.set_expiry(SecurityPolicy.current().idle_minutes * 60)
        return response


class MFARequiredMiddleware:
    """Officers and administrators reach nothing until their second factor is verified."""

    ALLOWED_PREFIXES = ("/accounts/mfa/", "/accounts/logout/", "/static/", "/i18n/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and not user.is_verified()
        ):
            from tuwei.accounts.policy import mfa_required

            if mfa_required(user):
                from django_otp import devices_for_user

                has_device = any(True for _ in devices_for_user(user, confirmed=True))
                target = "accounts:mfa_verify" if has_device else "accounts:mfa_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
