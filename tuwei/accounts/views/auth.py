"""Sign-in, sign-out, lockout and password change."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from tuwei.accounts.models import SecurityPolicy
from tuwei.core.audit import log_action
from tuwei.core.middleware import ACTIVE_COOKIE


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        expired = ACTIVE_COOKIE in request.COOKIES and not request.user.is_authenticated
        if expired:
            messages.info(
                request, _("Your session ended after a period of inactivity. Please sign in again.")
            )
        response = super().get(request, *args, **kwargs)
        if expired:
            response.delete_cookie(ACTIVE_COOKIE)
        return response

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        response.set_cookie(ACTIVE_COOKIE, "1", httponly=True, samesite="Lax")
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response.delete_cookie(ACTIVE_COOKIE)
        return response


def lockout_response(
    request: HttpRequest, original_response: Any, credentials: Any
) -> HttpResponse:
    """Shown instead of the sign-in result while an account is locked (django-axes)."""
    from django.contrib.auth.forms import AuthenticationForm

    minutes = SecurityPolicy.current().lockout_minutes
    form = AuthenticationForm(request, data=request.POST or None)
    form.is_valid()  # binds the fields so the user name stays filled in
    form.errors.clear()
    form.add_error(
        None,
        _("Too many failed sign-ins: this account is locked for %(minutes)d minutes.")
        % {"minutes": minutes},
    )
    return render(request, "accounts/login.html", {"form": form, "locked": True}, status=429)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("core:workbench")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user  # the form holds the account whose password changed
        log_action(user, "auth.password_change", actor=user, request=self.request)
        messages.success(self.request, _("Your password was changed."))
        return response
