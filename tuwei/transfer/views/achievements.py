"""The achievement registry: list, detail, create, edit and the status moves."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest
from tuwei.resources.registry import list_page
from tuwei.resources.selectors.scope import is_officer, member_organization
from tuwei.transfer.filters import AchievementFilter
from tuwei.transfer.forms import (
    AchievementForm,
    IpFormSet,
    OwnerFormSet,
    RejectForm,
    ip_from,
    owners_from,
)
from tuwei.transfer.models import Achievement
from tuwei.transfer.selectors import achievements as selectors
from tuwei.transfer.selectors.market import needs_for_achievement
from tuwei.transfer.services import achievement_moves as moves
from tuwei.transfer.services.achievements import achievement_create, achievement_update
from tuwei.transfer.workflow import ACHIEVEMENT_MOVES, EDITABLE

OWNER_MOVES = ("submit", "revise", "archive")
OFFICER_MOVES = ("approve", "reject")


def _achievement(request: AuthedRequest, pk: int) -> Achievement:
    try:
        return selectors.achievement_get(user=request.user, pk=pk)
    except Achievement.DoesNotExist as exc:
        raise Http404 from exc


def can_edit(user: Any, achievement: Achievement) -> bool:
    if is_officer(user):
        return True
    return selectors.owns(user, achievement) and achievement.status in EDITABLE


def allowed_moves(user: Any, achievement: Achievement) -> list[str]:
    possible = [
        move for move, sources in ACHIEVEMENT_MOVES.items() if achievement.status in sources
    ]
    mine = set(OFFICER_MOVES) if is_officer(user) else set()
    if is_officer(user) or selectors.owns(user, achievement):
        mine |= set(OWNER_MOVES)
    return [move for move in possible if move in mine]


@require_perm("transfer.view_achievements")
def achievement_list(request: AuthedRequest) -> HttpResponse:
    filterset = AchievementFilter(
        request.GET, queryset=selectors.achievement_list(user=request.user)
    )
    return list_page(
        request,
        "transfer/achievement_list.html",
        filterset=filterset,
        context={
            "can_add": request.user.has_perm("transfer.add_achievement"),
            "can_import": request.user.has_perm("transfer.import_achievements"),
        },
    )


@require_perm("transfer.view_achievements")
def achievement_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    achievement = _achievement(request, pk)
    listed = achievement.status == Achievement.Status.LISTED
    return render(
        request,
        "transfer/achievement_detail.html",
        {
            "achievement": achievement,
            # None unless the reader is an owner's member or an officer
            "confidential": selectors.confidential_detail(
                user=request.user, achievement=achievement
            ),
            "can_edit": can_edit(request.user, achievement),
            "moves": allowed_moves(request.user, achievement),
            "reject_form": RejectForm(),
            "suggestions": needs_for_achievement(user=request.user, achievement=achievement)
            if listed
            else [],
        },
    )


def _form_page(request: AuthedRequest, achievement: Achievement | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    if achievement is None:
        own = member_organization(request.user)
        owners_initial: list[dict[str, Any]] = [{"organization": own, "share": 100}] if own else []
        ip_initial: list[dict[str, Any]] = []
        form = AchievementForm(data)
    else:
        owners_initial = [
            {"organization": owner.organization_id, "share": owner.share}
            for owner in achievement.owners.all()
        ]
        ip_initial = [
            {"number": ip.number, "date": ip.date, "status": ip.status}
            for ip in achievement.ip_records.all()
        ]
        secret = selectors.confidential_detail(user=request.user, achievement=achievement)
        form = AchievementForm(
            data,
            instance=Achievement.objects.get(pk=achievement.pk),
            initial={"confidential_detail": secret or ""},
        )
    owners = OwnerFormSet(data, prefix="owners", initial=owners_initial)
    ip_records = IpFormSet(data, prefix="ip", initial=ip_initial)
    if data is not None and form.is_valid() and owners.is_valid() and ip_records.is_valid():
        values = {name: form.cleaned_data[name] for name in AchievementForm.Meta.fields}
        arguments = {
            "actor": request.user,
            "values": values,
            "owners": owners_from(owners),
            "ip_records": ip_from(ip_records),
            "confidential_detail": form.cleaned_data["confidential_detail"],
            "request": request,
        }
        try:
            if achievement is None:
                saved = achievement_create(**arguments)
            else:
                saved = achievement_update(achievement=achievement, **arguments)
        except (DomainError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The achievement was saved."))
            return redirect("transfer:achievement_detail", pk=saved.pk)
    return render(
        request,
        "transfer/achievement_form.html",
        {"form": form, "owners": owners, "ip_records": ip_records, "achievement": achievement},
    )


@require_perm("transfer.add_achievement")
def achievement_create_page(request: AuthedRequest) -> HttpResponse:
    return _form_page(request, None)


@require_perm("transfer.view_achievements")
def achievement_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    achievement = _achievement(request, pk)
    if not can_edit(request.user, achievement):
        raise PermissionDenied
    return _form_page(request, achievement)


MOVE_SERVICES = {
    "submit": moves.achievement_submit,
    "approve": moves.achievement_approve,
    "revise": moves.achievement_revise,
    "archive": moves.achievement_archive,
}
MOVE_MESSAGES = {
    "submit": gettext_lazy("The achievement was submitted for listing."),
    "approve": gettext_lazy("The achievement is listed on the marketplace."),
    "reject": gettext_lazy("The achievement was rejected."),
    "revise": gettext_lazy("The achievement is a draft again."),
    "archive": gettext_lazy("The achievement was archived."),
}


@require_POST
@require_perm("transfer.view_achievements")
def achievement_move(request: AuthedRequest, pk: int, move: str) -> HttpResponse:
    achievement = _achievement(request, pk)
    if move not in ACHIEVEMENT_MOVES:
        raise Http404
    try:
        if move == "reject":
            form = RejectForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            moves.achievement_reject(
                actor=request.user, achievement=achievement, reason=reason, request=request
            )
        else:
            MOVE_SERVICES[move](actor=request.user, achievement=achievement, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, str(MOVE_MESSAGES[move]))
    return redirect("transfer:achievement_detail", pk=achievement.pk)
