"""The officer's moves: return, vet, publish, merge duplicates."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext

from tuwei.accounts.models import User
from tuwei.challenges import workflow
from tuwei.challenges.models import Challenge
from tuwei.challenges.services.common import (
    ChallengesError,
    is_officer,
    locked,
    notify_proposers,
    reindex,
    require,
    require_move,
    require_reason,
)
from tuwei.core.audit import log_action


def challenge_return(
    *, actor: User, challenge: Challenge, reason: str, request: HttpRequest | None = None
) -> Challenge:
    """Send a submitted (or vetted) challenge back to its proposer, saying what to fix."""
    require(is_officer(actor))
    reason = require_reason(reason)
    with transaction.atomic():
        challenge = locked(challenge)
        require_move("return", challenge)
        challenge.status = workflow.TARGET["return"]
        challenge.return_reason = reason
        challenge.save(update_fields=["status", "return_reason", "updated_at"])
        log_action(
            challenge,
            "challenges.challenge.return",
            actor=actor,
            data={"reason": reason},
            request=request,
        )
        notify_proposers(challenge, "challenges.challenge.returned", reason=reason)
        reindex(challenge)
    return challenge


def challenge_vet(
    *, actor: User, challenge: Challenge, request: HttpRequest | None = None
) -> Challenge:
    """The officer has checked the challenge (and may have edited it): ready to publish."""
    require(is_officer(actor))
    with transaction.atomic():
        challenge = locked(challenge)
        require_move("vet", challenge)
        challenge.status = workflow.TARGET["vet"]
        challenge.save(update_fields=["status", "updated_at"])
        log_action(challenge, "challenges.challenge.vet", actor=actor, request=request)
        reindex(challenge)
    return challenge


def challenge_publish(
    *, actor: User, challenge: Challenge, request: HttpRequest | None = None
) -> Challenge:
    """Put a vetted challenge on the public board; its deadline must still lie ahead."""
    require(is_officer(actor))
    now = timezone.now()
    with transaction.atomic():
        challenge = locked(challenge)
        require_move("publish", challenge)
        if challenge.deadline is None or challenge.deadline <= now:
            raise ChallengesError(ChallengesError.DEADLINE_PAST, code="deadline_past")
        challenge.status = workflow.TARGET["publish"]
        challenge.published_at = now
        challenge.save(update_fields=["status", "published_at", "updated_at"])
        log_action(
            challenge,
            "challenges.challenge.publish",
            actor=actor,
            data={"deadline": challenge.deadline.isoformat()},
            request=request,
        )
        notify_proposers(challenge, "challenges.challenge.published")
        reindex(challenge)
    return challenge


def challenge_merge(
    *,
    actor: User,
    duplicate: Challenge,
    into: Challenge,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Challenge:
    """Withdraw a duplicate as merged into another challenge; the link is kept both ways."""
    require(is_officer(actor))
    if duplicate.pk == into.pk:
        raise ChallengesError(ChallengesError.MERGE_INTO_ITSELF, code="merge_into_itself")
    with transaction.atomic():
        # lock in id order, so two officers merging a pair both ways cannot deadlock
        first, second = sorted([duplicate.pk, into.pk])
        rows = {
            row.pk: row
            for row in Challenge.objects.select_for_update()
            .filter(pk__in=[first, second])
            .order_by("pk")
        }
        duplicate, into = rows[duplicate.pk], rows[into.pk]
        require_move("merge", duplicate)
        if into.status == Challenge.Status.WITHDRAWN:
            raise ChallengesError(
                ChallengesError.MERGE_TARGET_WITHDRAWN, code="merge_target_withdrawn"
            )
        with translation.override(settings.LANGUAGE_CODE):
            stated = gettext("Merged into #%(id)s") % {"id": into.pk}
        if reason.strip():
            stated = f"{stated}: {reason.strip()}"
        duplicate.status = workflow.TARGET["merge"]
        duplicate.merged_into = into
        duplicate.withdraw_reason = stated[:300]
        duplicate.save(update_fields=["status", "merged_into", "withdraw_reason", "updated_at"])
        log_action(
            duplicate,
            "challenges.challenge.merge",
            actor=actor,
            data={"into": into.pk, "reason": reason.strip()},
            request=request,
        )
        log_action(
            into,
            "challenges.challenge.absorb",
            actor=actor,
            data={"duplicate": duplicate.pk},
            request=request,
        )
        notify_proposers(duplicate, "challenges.challenge.withdrawn", reason=stated)
        reindex(duplicate)
    return duplicate
