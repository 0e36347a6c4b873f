"""Moves after publication: closing at the deadline (a job), and the award (the review app)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tuwei.accounts.models import User
from tuwei.challenges import workflow
from tuwei.challenges.models import Challenge
from tuwei.challenges.services.common import (
    ChallengesError,
    is_officer,
    locked,
    reindex,
    require,
    require_move,
)
from tuwei.core.audit import log_action


def challenge_close_due(*, now: datetime | None = None) -> int:
    """Close every published challenge whose deadline has passed. Returns how many.

    Run by `manage.py close_due_challenges` (or its task). Reads never wait for it:
    a published challenge past its deadline already reads as closed.
    """
    now = now or timezone.now()
    due = Challenge.objects.filter(
        status=Challenge.Status.PUBLISHED, deadline__lte=now
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(due):
        with transaction.atomic():
            challenge = Challenge.objects.select_for_update().get(pk=pk)
            # another run may have closed it, or an officer withdrawn it, meanwhile
            if challenge.status != Challenge.Status.PUBLISHED or challenge.deadline is None:
                continue
            if challenge.deadline > now:
                continue
            challenge.status = workflow.TARGET["close"]
            challenge.closed_at = challenge.deadline
            challenge.save(update_fields=["status", "closed_at", "updated_at"])
            log_action(
                challenge,
                "challenges.challenge.close",
                data={"deadline": challenge.deadline.isoformat(), "run_at": now.isoformat()},
            )
            reindex(challenge)
            closed += 1
    return closed


def challenge_award(
    *, actor: User, challenge: Challenge, request: HttpRequest | None = None
) -> Challenge:
    """Mark a closed challenge as awarded (called by the review app's decision)."""
    require(is_officer(actor))
    with transaction.atomic():
        challenge = locked(challenge)
        require_move("award", challenge)
        if challenge.is_open():
            raise ChallengesError(
                ChallengesError.WRONG_STATUS,
                code="wrong_status",
                status=Challenge.Status.PUBLISHED.label,
            )
        if challenge.closed_at is None:
            challenge.closed_at = challenge.deadline
        challenge.status = workflow.TARGET["award"]
        challenge.save(update_fields=["status", "closed_at", "updated_at"])
        log_action(challenge, "challenges.challenge.award", actor=actor, request=request)
        reindex(challenge)
    return challenge
