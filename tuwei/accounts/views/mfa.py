"""Two-factor sign-in with a time-based code (TOTP, django-otp)."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuwei.accounts.forms import TokenForm
from tuwei.core.audit import log_action
from tuwei.core.types import AuthedRequest


def _next_url(request: AuthedRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@login_required
def mfa_setup(request: AuthedRequest) -> HttpResponse:
    if any(True for _device in devices_for_user(request.user, confirmed=True)):
        return redirect("accounts:mfa_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                log_action(request.user, "auth.mfa.enroll", actor=request.user, request=request)
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is set up."))
            return redirect(_next_url(request))
        form.add_error("token", _("This code is not right or has expired; try the current one."))
    secret = base64.b32encode(device.bin_key).decode("ascii")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(
        request,
        "accounts/mfa_setup.html",
        {"form": form, "secret": secret, "qr_svg": qr_svg, "next": _next_url(request)},
    )


@login_required
def mfa_verify(request: AuthedRequest) -> HttpResponse:
    devices = list(devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect("accounts:mfa_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        for device in devices:
            if device.verify_token(token):
                otp_login(request, device)
                log_action(request.user, "auth.mfa.verify", actor=request.user, request=request)
                return redirect(_next_url(request))
        log_action(request.user, "auth.mfa.failed", actor=request.user, request=request)
        form.add_error("token", _("This code is not right or has expired; try the current one."))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next_url(request)})
