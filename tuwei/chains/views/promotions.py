"""Challenge drafts promoted from points, until the challenges app takes them over."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from tuwei.chains.selectors.points import challenge_draft_list
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


@require_perm("chains.edit_points")
def draft_list(request: AuthedRequest) -> HttpResponse:
    drafts = challenge_draft_list(user=request.user)
    return render(request, "chains/points/drafts.html", {"drafts": drafts})
