"""The three separated administrator roles (三员分立).

The system administrator opens, edits and deactivates accounts; the security
administrator grants roles and sets the security policy; neither reads the audit
trail, which belongs to the security auditor (core.views.audit).
"""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuwei.accounts import selectors, services
from tuwei.accounts.forms import PolicyForm, RejectForm, RolesForm, UserCreateForm, UserEditForm
from tuwei.accounts.models import SecurityPolicy, User
from tuwei.accounts.roles import Role
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


class UserFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=gettext_lazy("Name or user name"))
    role = django_filters.ChoiceFilter(
        field_name="roles__role", choices=Role.choices, label=gettext_lazy("Role"), distinct=True
    )
    is_active = django_filters.BooleanFilter(label=gettext_lazy("Active"))

    class Meta:
        model = User
        fields = ["q", "role", "is_active"]

    def search(self, queryset, name, value):  # type: ignore[no-untyped-def]
        from django.db.models import Q

        return queryset.filter(Q(username__icontains=value) | Q(real_name__icontains=value))


def _managed_user(request: AuthedRequest, pk: int) -> User:
    try:
        return selectors.user_list(user=request.user).get(pk=pk)
    except User.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("accounts.view_users")
def user_list(request: AuthedRequest) -> HttpResponse:
    filterset = UserFilter(request.GET, queryset=selectors.user_list(user=request.user))
    page = Paginator(filterset.qs.order_by("username"), 25).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"filter": filterset, "page": page})


@require_perm("accounts.manage_users")
def user_create(request: AuthedRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("password", exc)
        except DomainError as exc:
            form.add_error("username" if exc.code == "username_taken" else None, str(exc))
        else:
            messages.success(
                request, _("Account %(username)s was created.") % {"username": user.username}
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@require_perm("accounts.manage_users")
def user_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    target = _managed_user(request, pk)
    form = UserEditForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        changes = {field: form.cleaned_data[field] for field in form.changed_data}
        target.refresh_from_db()  # the form wrote into the instance; the service saves
        try:
            services.user_update(actor=request.user, user=target, changes=changes, request=request)
        except (DomainError, ValidationError) as exc:
            form.add_error(None, exc if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The account was saved."))
            return redirect("accounts:user_list")
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "target": target, "deactivate_form": RejectForm()},
    )


@require_POST
@require_perm("accounts.manage_users")
def user_set_active(request: AuthedRequest, pk: int) -> HttpResponse:
    target = _managed_user(request, pk)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(
            actor=request.user,
            user=target,
            active=active,
            reason=request.POST.get("reason", ""),
            request=request,
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The account was activated.") if active else _("The account was deactivated."),
        )
    return redirect("accounts:user_edit", pk=target.pk)


@require_perm("accounts.grant_roles")
def user_roles(request: AuthedRequest, pk: int) -> HttpResponse:
    target = _managed_user(request, pk)
    held = set(target.roles.values_list("role", flat=True))
    form = RolesForm(request.POST or None, initial={"roles": sorted(held)})
    if request.method == "POST" and form.is_valid():
        wanted = set(form.cleaned_data["roles"])
        try:
            with transaction.atomic():
                for role in sorted(held - wanted):
                    services.role_revoke(
                        actor=request.user, user=target, role=role, request=request
                    )
                for role in sorted(wanted - held):
                    services.role_grant(actor=request.user, user=target, role=role, request=request)
        except DomainError as exc:
            form.add_error("roles", str(exc))
        else:
            messages.success(request, _("Roles of %(name)s were saved.") % {"name": target})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_roles.html", {"form": form, "target": target})


@require_perm("accounts.set_policy")
def security_policy(request: AuthedRequest) -> HttpResponse:
    policy = SecurityPolicy.current()
    form = PolicyForm(request.POST or None, instance=SecurityPolicy.objects.get(pk=policy.pk))
    if request.method == "POST" and form.is_valid():
        changes = {field: form.cleaned_data[field] for field in PolicyForm.Meta.fields}
        try:
            services.policy_update(actor=request.user, changes=changes, request=request)
        except DomainError as exc:
            form.add_error("mfa_roles", str(exc))
        else:
            messages.success(request, _("The security policy was saved."))
            return redirect("accounts:security_policy")
    return render(request, "accounts/security_policy.html", {"form": form})
