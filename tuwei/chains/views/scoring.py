"""Scoring sessions: list, open, overview, direct weights, finish, compare."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.chains.forms_scoring import CompareForm, DirectWeightsForm, SessionForm
from tuwei.chains.models import ScoringSession
from tuwei.chains.selectors import scoring as selectors
from tuwei.chains.services import scoring as services
from tuwei.chains.services.scoring import FieldErrors
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


def scoped_session(request: AuthedRequest, pk: int) -> ScoringSession:
    try:
        return selectors.session_get(user=request.user, pk=pk)
    except ScoringSession.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("chains.use_scoring")
def session_list(request: AuthedRequest) -> HttpResponse:
    sessions = list(selectors.session_list(user=request.user))
    rows = [
        {"session": session, "top": selectors.top_points(session.result)} for session in sessions
    ]
    return render(
        request,
        "chains/scoring/list.html",
        {"rows": rows, "can_manage": request.user.has_perm("chains.manage_sessions")},
    )


@require_perm("chains.manage_sessions")
def session_create(request: AuthedRequest) -> HttpResponse:
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_create(actor=request.user, request=request, **data)
        except DomainError as exc:
            field = {
                "too_few_points": "points",
                "dropped_point": "points",
                "too_few_criteria": "criteria",
                "too_many_criteria": "criteria",
                "no_raters": "raters",
                "bad_rater": "raters",
                "top_n_range": "top_n",
            }.get(exc.code)
            form.add_error(field, str(exc))
        else:
            messages.success(request, _("The scoring session is open; the raters were notified."))
            return redirect("chains:session_detail", session.pk)
    return render(request, "chains/scoring/form.html", {"form": form})


@require_perm("chains.use_scoring")
def session_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    user = request.user
    rows = services.session_criteria(session)
    return render(
        request,
        "chains/scoring/detail.html",
        {
            "session": session,
            "criteria": rows,
            "points": session.points.select_related("node", "node__chain").order_by("pk"),
            "progress": selectors.rater_progress(session),
            "is_rater": user.has_perm("chains.rate_session", session),
            "can_manage": user.has_perm("chains.manage_sessions"),
            "can_see_results": can_see_results(request, session),
            "is_open": session.status == ScoringSession.Status.OPEN,
        },
    )


def can_see_results(request: AuthedRequest, session: ScoringSession) -> bool:
    """Readers see results at any time; a rater without that right only once finished,
    so the running numbers cannot sway their own judgement."""
    if request.user.has_perm("chains.view_sessions"):
        return True
    return session.status == ScoringSession.Status.CLOSED


@require_perm("chains.manage_sessions")
def session_weights(request: AuthedRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    if session.weight_method != ScoringSession.WeightMethod.DIRECT:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = DirectWeightsForm(services.session_criteria(session), data)
    if form.is_bound:
        form.is_valid()  # the service checks the numbers; this only binds the form for errors
        try:
            services.session_set_direct_weights(
                actor=request.user, session=session, weights=form.weights(), request=request
            )
        except FieldErrors as exc:
            for criterion_id, message in exc.errors.items():
                form.add_error(f"w-{criterion_id}", message)
            form.add_error(None, str(exc))
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The weights were saved (normalised to add up to 1)."))
            return redirect("chains:session_detail", session.pk)
    return render(
        request,
        "chains/scoring/weights.html",
        {"session": session, "form": form, "is_open": session.status == "open"},
    )


@require_POST
@require_perm("chains.manage_sessions")
def session_close(request: AuthedRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    try:
        services.session_close(actor=request.user, session=session, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("chains:session_results", session.pk)
    messages.success(request, _("The session is finished; its result is frozen."))
    return redirect("chains:session_results", session.pk)


@require_perm("chains.use_scoring")
def session_compare(request: AuthedRequest) -> HttpResponse:
    form = CompareForm(request.user, request.GET if "sessions" in request.GET else None)
    table = None
    if form.is_bound and form.is_valid():
        table = selectors.comparison(list(form.cleaned_data["sessions"].order_by("closed_at")))
    return render(request, "chains/scoring/compare.html", {"form": form, "table": table})
