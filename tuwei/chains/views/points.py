"""Breakthrough points: list, detail, create/edit, status moves and promotion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuwei.chains.forms_points import DropForm, PointFilter, PointForm
from tuwei.chains.models import ChallengeDraft, Point
from tuwei.chains.selectors import points as selectors
from tuwei.chains.selectors.scoring import session_list
from tuwei.chains.services import points as services
from tuwei.chains.workflow import POINT_MOVES
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest

MOVES: dict[str, Callable[..., Point]] = {
    "shortlist": services.point_shortlist,
    "target": services.point_target,
    "return_to_candidate": services.point_return_to_candidate,
    "reopen": services.point_reopen,
}
MOVE_DONE = {
    "shortlist": gettext_lazy("The point is shortlisted."),
    "target": gettext_lazy("The point is targeted."),
    "return_to_candidate": gettext_lazy("The point is a candidate again."),
    "reopen": gettext_lazy("The point is reopened as a candidate."),
    "drop": gettext_lazy("The point is dropped."),
}


def _point(request: AuthedRequest, pk: int) -> Point:
    try:
        return selectors.point_get(user=request.user, pk=pk)
    except Point.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("chains.view_points")
def point_list(request: AuthedRequest) -> HttpResponse:
    filterset = PointFilter(request.GET, queryset=selectors.point_list(user=request.user))
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    return render(request, "chains/points/list.html", {"filter": filterset, "page": page})


def _sessions_of(request: AuthedRequest, point: Point) -> list[dict[str, Any]]:
    rows = []
    for session in session_list(user=request.user).filter(points=point):
        rank = None
        result = session.result or {}
        ids = [entry["id"] for entry in result.get("points", [])]
        if result.get("topsis") and point.pk in ids:
            rank = result["topsis"]["ranks"][ids.index(point.pk)]
        rows.append({"session": session, "rank": rank, "count": len(ids)})
    return rows


@require_perm("chains.view_points")
def point_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    point = _point(request, pk)
    can_edit = request.user.has_perm("chains.edit_points")
    moves = [move for move, sources in POINT_MOVES.items() if point.status in sources]
    draft = ChallengeDraft.objects.filter(point=point).first()
    return render(
        request,
        "chains/points/detail.html",
        {
            "point": point,
            "can_edit": can_edit,
            "moves": [move for move in moves if move != "drop"],
            "can_drop": "drop" in moves,
            "drop_form": DropForm(),
            "draft": draft,
            "can_promote": can_edit and draft is None and point.status in services.PROMOTABLE,
            "sessions": _sessions_of(request, point),
        },
    )


@require_perm("chains.edit_points")
def point_create(request: AuthedRequest) -> HttpResponse:
    form = PointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            point = services.point_create(actor=request.user, request=request, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The point was created."))
            return redirect("chains:point_detail", point.pk)
    return render(request, "chains/points/form.html", {"form": form, "creating": True})


@require_perm("chains.edit_points")
def point_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    point = _point(request, pk)
    form = PointForm(request.POST or None, instance=Point.objects.get(pk=point.pk))
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.point_update(actor=request.user, point=point, changes=changes, request=request)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The point was saved."))
            return redirect("chains:point_detail", point.pk)
    return render(request, "chains/points/form.html", {"form": form, "point": point})


@require_POST
@require_perm("chains.edit_points")
def point_move(request: AuthedRequest, pk: int, move: str) -> HttpResponse:
    point = _point(request, pk)
    if move not in MOVES and move != "drop":
        raise Http404
    try:
        if move == "drop":
            reason = request.POST.get("reason", "")
            services.point_drop(actor=request.user, point=point, reason=reason, request=request)
        else:
            MOVES[move](actor=request.user, point=point, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, str(MOVE_DONE[move]))
    return redirect("chains:point_detail", point.pk)


@require_POST
@require_perm("chains.edit_points")
def point_promote(request: AuthedRequest, pk: int) -> HttpResponse:
    point = _point(request, pk)
    try:
        services.point_promote(actor=request.user, point=point, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("chains:point_detail", point.pk)
    messages.success(request, _("A challenge draft was made from the point."))
    return redirect("chains:draft_list")
