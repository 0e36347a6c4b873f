"""Signed-in pages of proposers (enterprise, bureau) and readers (officer, leader):
the scoped list, the detail with its actions, create/edit with the two tables."""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuwei.accounts.models import Region
from tuwei.accounts.roles import Role
from tuwei.chains.models import ChallengeDraft
from tuwei.challenges import selectors, services, workflow
from tuwei.challenges.forms import (
    ChallengeForm,
    IndicatorFormSet,
    MergeForm,
    MilestoneFormSet,
    ReasonForm,
    indicator_initial,
    milestone_initial,
)
from tuwei.challenges.models import Challenge
from tuwei.challenges.services.common import may_propose
from tuwei.core.errors import DomainError
from tuwei.core.permissions import require_perm
from tuwei.core.types import AuthedRequest

# which form field a service error belongs to
ERROR_FIELDS = {"deadline_past": "deadline", "owner_out_of_region": "owner"}


class ChallengeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=gettext_lazy("Title")
    )
    status = django_filters.ChoiceFilter(
        choices=Challenge.Status.choices, label=gettext_lazy("Status")
    )
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), label=gettext_lazy("League/city")
    )

    class Meta:
        model = Challenge
        fields = ["q", "status", "region"]


def scoped_challenge(request: AuthedRequest, pk: int) -> Challenge:
    try:
        return selectors.challenge_get(user=request.user, pk=pk)
    except Challenge.DoesNotExist as exc:
        raise Http404 from exc


@require_perm("challenges.view_challenges")
def challenge_list(request: AuthedRequest) -> HttpResponse:
    scoped = selectors.challenge_list(user=request.user)
    filterset = ChallengeFilter(request.GET, queryset=scoped)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    wide = request.user.has_role(Role.OFFICER, Role.LEADER)
    return render(
        request,
        "challenges/list.html",
        {"filter": filterset, "page": page, "wide": wide},
    )


def _actions(request: AuthedRequest, challenge: Challenge) -> dict[str, bool]:
    user, status = request.user, challenge.status
    proposer, officer = may_propose(user, challenge), user.has_role(Role.OFFICER)
    return {
        "edit": (proposer and status in workflow.EDITABLE_BY_PROPOSER)
        or (officer and status in workflow.EDITABLE_BY_OFFICER),
        "submit": proposer and workflow.allowed("submit", status),
        "withdraw": (proposer and workflow.allowed("withdraw_by_proposer", status))
        or (officer and workflow.allowed("withdraw_by_officer", status)),
        "return": officer and workflow.allowed("return", status),
        "vet": officer and workflow.allowed("vet", status),
        "publish": officer and workflow.allowed("publish", status),
        "merge": officer and workflow.allowed("merge", status),
    }


@require_perm("challenges.view_challenges")
def challenge_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    return render(
        request,
        "challenges/detail.html",
        {
            "challenge": challenge,
            "actions": _actions(request, challenge),
            "history": selectors.history(challenge=challenge),
            "missing": services.drafting.missing_for_submission(challenge),
            "reason_form": ReasonForm(),
            "merge_form": MergeForm(),
        },
    )


def _service_error(form: ChallengeForm, exc: DomainError | ValidationError) -> None:
    if isinstance(exc, ValidationError):
        form.add_error(None, exc)
    else:
        field = ERROR_FIELDS.get(exc.code)
        form.add_error(field if field in form.fields else None, str(exc))


def _edit(
    request: AuthedRequest, challenge: Challenge | None, draft: ChallengeDraft | None
) -> HttpResponse:
    initial: dict[str, Any] = {}
    if draft is not None:
        initial = {
            "title": draft.title,
            "problem": draft.problem,
            "node": draft.node_id,
            "region": draft.region_id,
        }
    data = request.POST if request.method == "POST" else None
    form = ChallengeForm(data, instance=challenge, initial=initial, actor=request.user)
    indicators = IndicatorFormSet(data, prefix="ind", initial=indicator_initial(challenge))
    milestones = MilestoneFormSet(data, prefix="ms", initial=milestone_initial(challenge))
    if data is not None and form.is_valid() and indicators.is_valid() and milestones.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        try:
            # one transaction: a refused submission leaves the challenge as it was
            with transaction.atomic():
                if challenge is None:
                    saved = services.challenge_create(
                        actor=request.user,
                        data=fields,
                        indicators=indicators.rows(),
                        milestones=milestones.rows(),
                        source_draft=draft,
                        request=request,
                    )
                else:
                    saved = services.challenge_update(
                        actor=request.user,
                        challenge=challenge,
                        changes=fields,
                        indicators=indicators.rows(),
                        milestones=milestones.rows(),
                        request=request,
                    )
                if "submit" in request.POST:
                    services.challenge_submit(actor=request.user, challenge=saved, request=request)
        except (DomainError, ValidationError) as exc:
            _service_error(form, exc)
        else:
            if "submit" in request.POST:
                messages.success(request, _("The challenge was submitted for vetting."))
            else:
                messages.success(request, _("The challenge was saved."))
            return redirect("challenges:detail", pk=saved.pk)
    can_submit = challenge is None or may_propose(request.user, challenge)
    return render(
        request,
        "challenges/form.html",
        {
            "form": form,
            "indicators": indicators,
            "milestones": milestones,
            "challenge": challenge,
            "draft": draft,
            "can_submit": can_submit and not request.user.has_role(Role.OFFICER),
        },
    )


@require_perm("challenges.create_challenge")
def challenge_create(request: AuthedRequest) -> HttpResponse:
    draft = None
    if request.GET.get("draft"):
        if not request.user.has_role(Role.OFFICER):
            raise Http404
        draft = get_object_or_404(
            selectors.drafts_to_take_over(user=request.user), pk=request.GET["draft"]
        )
    return _edit(request, None, draft)


@require_perm("challenges.view_challenges")
def challenge_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    if not _actions(request, challenge)["edit"]:
        messages.error(request, _("This challenge cannot be edited now."))
        return redirect("challenges:detail", pk=pk)
    return _edit(request, challenge, None)


@require_POST
@require_perm("challenges.view_challenges")
def challenge_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    try:
        services.challenge_submit(actor=request.user, challenge=challenge, request=request)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The challenge was submitted for vetting."))
    return redirect("challenges:detail", pk=pk)


@require_POST
@require_perm("challenges.view_challenges")
def challenge_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    challenge = scoped_challenge(request, pk)
    form = ReasonForm(request.POST)
    try:
        services.challenge_withdraw(
            actor=request.user,
            challenge=challenge,
            reason=form.data.get("reason", ""),
            request=request,
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The challenge was withdrawn."))
    return redirect("challenges:detail", pk=pk)
