"""What a rater enters: pairwise comparisons (with a live consistency check) and scores."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.chains.forms_scoring import AHPGridForm, ScoreGridForm
from tuwei.chains.models import PairwiseJudgement, PointScore, ScoringSession
from tuwei.chains.services import scoring as services
from tuwei.chains.services import scoring_ahp
from tuwei.chains.services.scoring import FieldErrors
from tuwei.chains.views.scoring import scoped_session
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


def _rated_session(request: AuthedRequest, pk: int) -> ScoringSession:
    session = scoped_session(request, pk)
    if not request.user.has_perm("chains.rate_session", session):
        raise PermissionDenied
    return session


def _ahp_session(request: AuthedRequest, pk: int) -> ScoringSession:
    session = _rated_session(request, pk)
    if session.weight_method != ScoringSession.WeightMethod.AHP:
        raise Http404
    return session


def _preview(session: ScoringSession, form: AHPGridForm) -> dict[str, Any]:
    """CR, weights and, when inconsistent, what to revisit, for the grid as it stands."""
    if not form.is_valid():
        return {"error": _("Choose a value for every pair.")}
    try:
        result = scoring_ahp.ahp_check(session, form.comparisons())
    except DomainError as exc:
        return {"error": str(exc)}
    preview: dict[str, Any] = {
        "cr": result.cr,
        "consistent": result.is_consistent,
        "weights": list(zip(form.names, [float(w) for w in result.weights], strict=True)),
    }
    if not result.is_consistent:
        error = scoring_ahp.inconsistency_error(session, result)
        preview["message"] = str(error)
        preview["pair"] = error.pair  # type: ignore[attr-defined]
    return preview


@require_perm("chains.use_scoring")
def session_ahp(request: AuthedRequest, pk: int) -> HttpResponse:
    session = _ahp_session(request, pk)
    names = services.criterion_names(session)
    judgement = PairwiseJudgement.objects.filter(session=session, rater=request.user).first()
    stored = scoring_ahp.stored_comparisons(judgement) if judgement else None
    form = AHPGridForm(names, request.POST if request.method == "POST" else None, stored=stored)
    is_open = session.status == ScoringSession.Status.OPEN
    if request.method == "POST" and form.is_valid():
        try:
            scoring_ahp.judgement_save(
                actor=request.user,
                session=session,
                comparisons=form.comparisons(),
                request=request,
            )
        except DomainError as exc:
            # nothing was saved; the page keeps what was chosen and says why
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your pairwise comparisons were saved."))
            return redirect("chains:session_detail", session.pk)
    # before any change the preview shows the stored (or all-equal) grid's consistency
    shown = form if form.is_bound else AHPGridForm(names, {k: form[k].value() for k in form.fields})
    preview = _preview(session, shown)
    return render(
        request,
        "chains/scoring/ahp.html",
        {
            "session": session,
            "form": form,
            "preview": preview,
            "bad_pair": preview.get("pair"),
            "is_open": is_open,
            "judgement": judgement,
        },
    )


@require_POST
@require_perm("chains.use_scoring")
def session_ahp_check(request: AuthedRequest, pk: int) -> HttpResponse:
    """The htmx endpoint: the grid as posted in, the consistency box out."""
    session = _ahp_session(request, pk)
    form = AHPGridForm(services.criterion_names(session), request.POST)
    return render(
        request,
        "chains/scoring/ahp.html#check",
        {"session": session, "preview": _preview(session, form)},
    )


@require_perm("chains.use_scoring")
def session_scores(request: AuthedRequest, pk: int) -> HttpResponse:
    session = _rated_session(request, pk)
    points = list(session.points.select_related("node").order_by("pk"))
    criteria = [row.criterion for row in services.session_criteria(session)]
    stored = {
        (score.point_id, score.criterion_id): score.value
        for score in PointScore.objects.filter(session=session, rater=request.user)
    }
    data = request.POST if request.method == "POST" else None
    form = ScoreGridForm(points, criteria, data, stored=stored)
    if request.method == "POST":
        try:
            count = services.scores_save(
                actor=request.user, session=session, values=form.values(), request=request
            )
        except FieldErrors as exc:
            form.is_valid()  # binds cleaned_data so errors can be attached
            for (point_id, criterion_id), message in exc.errors.items():
                form.add_error(ScoreGridForm.key(point_id, criterion_id), message)
            form.add_error(None, str(exc))
        except DomainError as exc:
            form.is_valid()
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Your scores were saved: %(count)s of %(total)s points scored.")
                % {"count": count, "total": len(points)},
            )
            return redirect("chains:session_detail", session.pk)
    return render(
        request,
        "chains/scoring/scores.html",
        {
            "session": session,
            "form": form,
            "criteria": criteria,
            "is_open": session.status == ScoringSession.Status.OPEN,
            "is_saaty": session.scale == ScoringSession.Scale.SAATY,
        },
    )
