"""A session's result: weights, TOPSIS and weighted-sum ranks, sensitivity."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from tuwei.chains.models import ScoringSession
from tuwei.chains.selectors import scoring as selectors
from tuwei.chains.services.scoring_results import session_result
from tuwei.chains.views.scoring import can_see_results, scoped_session
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


@require_perm("chains.use_scoring")
def session_results(request: AuthedRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    if not can_see_results(request, session):
        raise PermissionDenied
    result = session_result(session)
    is_open = session.status == ScoringSession.Status.OPEN
    return render(
        request,
        "chains/scoring/results.html",
        {
            "session": session,
            "result": result,
            "weights": selectors.weight_rows(result),
            "ranking": selectors.ranking_rows(result),
            "unscored": selectors.unscored_titles(result),
            "raters": result.get("raters") or [],
            "chart": selectors.sensitivity_chart(
                result, links=request.user.has_perm("chains.view_points")
            ),
            "is_open": is_open,
            "can_close": is_open and request.user.has_perm("chains.manage_sessions"),
            "steps": [
                round(step * 100) for step in (result.get("sensitivity") or {}).get("steps", [])
            ],
        },
    )
