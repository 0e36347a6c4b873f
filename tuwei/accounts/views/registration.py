"""Self-service registration and the officer's approval queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.accounts import selectors, services
from tuwei.accounts.forms import RegistrationForm, RejectForm
from tuwei.accounts.models import User
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:workbench")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.registration_submit(
                username=data["username"],
                password=data["password1"],
                real_name=data["real_name"],
                phone=data["phone"],
                email=data["email"],
                role=data["role"],
                org_credit_code=data["org_credit_code"],
                org_name=data["org_name"],
                org_kind=data["org_kind"],
                org_region=data["org_region"],
                request=request,
            )
        except ValidationError as exc:
            form.add_error("password1", exc)
        except DomainError as exc:
            field = {"username_taken": "username", "org_name_mismatch": "org_name"}.get(exc.code)
            form.add_error(field, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Thank you. You can sign in now; the program office will approve your "
                    "registration and you will be notified."
                ),
            )
            return redirect("accounts:login")
    return render(request, "accounts/register.html", {"form": form})


def _pending_user(request: AuthedRequest, pk: int) -> User:
    try:
        return selectors.registration_pending_list(user=request.user).get(pk=pk)
    except User.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("accounts.review_registrations")
def registration_list(request: AuthedRequest) -> HttpResponse:
    pending = selectors.registration_pending_list(user=request.user)
    return render(
        request, "accounts/registrations.html", {"pending": pending, "reject_form": RejectForm()}
    )


@require_POST
@require_perm("accounts.review_registrations")
def registration_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    user = _pending_user(request, pk)
    try:
        services.registration_approve(actor=request.user, user=user, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(name)s was approved.") % {"name": user.real_name})
    return redirect("accounts:registrations")


@require_POST
@require_perm("accounts.review_registrations")
def registration_reject(request: AuthedRequest, pk: int) -> HttpResponse:
    user = _pending_user(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason."))
        return redirect("accounts:registrations")
    try:
        services.registration_reject(
            actor=request.user, user=user, reason=form.cleaned_data["reason"], request=request
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(name)s was rejected.") % {"name": user.real_name})
    return redirect("accounts:registrations")
