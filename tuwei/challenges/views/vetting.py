"""The officer's vetting queue and moves: return, vet, publish, merge."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuwei.challenges import selectors, services
from tuwei.challenges.forms import MergeForm
from tuwei.challenges.models import Challenge
from tuwei.challenges.views.mine import scoped_challenge
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest


@require_perm("challenges.vet_challenges")
def vetting_queue(request: AuthedRequest) -> HttpResponse:
    queue = list(selectors.vetting_queue(user=request.user))
    return render(
        request,
        "challenges/vetting.html",
        {
            "submitted": [c for c in queue if c.status == Challenge.Status.SUBMITTED],
            "vetted": [c for c in queue if c.status == Challenge.Status.VETTED],
            "drafts": selectors.drafts_to_take_over(user=request.user),
        },
    )


def _done(request: AuthedRequest, pk: int, error: DomainError | None, success: str) -> HttpResponse:
    if error is not None:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("challenges:detail", pk=pk)


@require_POST
@require_perm("challenges.vet_challenges")
def challenge_return(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    try:
        services.challenge_return(
            actor=request.user,
            challenge=challenge,
            reason=request.POST.get("reason", ""),
            request=request,
        )
    except DomainError as exc:
        return _done(request, pk, exc, "")
    return _done(request, pk, None, _("The challenge was returned to its proposer."))


@require_POST
@require_perm("challenges.vet_challenges")
def challenge_vet(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    try:
        services.challenge_vet(actor=request.user, challenge=challenge, request=request)
    except DomainError as exc:
        return _done(request, pk, exc, "")
    return _done(request, pk, None, _("The challenge was vetted; it can be published now."))


@require_POST
@require_perm("challenges.vet_challenges")
def challenge_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    try:
        services.challenge_publish(actor=request.user, challenge=challenge, request=request)
    except DomainError as exc:
        return _done(request, pk, exc, "")
    return _done(request, pk, None, _("The challenge is published on the board."))


@require_POST
@require_perm("challenges.vet_challenges")
def challenge_merge(request: AuthedRequest, pk: int) -> HttpResponse:
    duplicate = scoped_challenge(request, pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the number of the challenge to merge into."))
        return redirect("challenges:detail", pk=pk)
    target = (
        selectors.merge_targets(user=request.user, challenge=duplicate)
        .filter(pk=form.cleaned_data["into"])
        .first()
    )
    if target is None:
        messages.error(
            request,
            _("There is no challenge #%(id)s to merge into.") % {"id": form.cleaned_data["into"]},
        )
        return redirect("challenges:detail", pk=pk)
    try:
        services.challenge_merge(
            actor=request.user,
            duplicate=duplicate,
            into=target,
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except DomainError as exc:
        return _done(request, pk, exc, "")
    return _done(
        request, pk, None, _("Merged into #%(id)s; the duplicate is withdrawn.") % {"id": target.pk}
    )
