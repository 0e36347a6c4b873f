"""The proposer's moves: create, edit, submit, withdraw (edits by officers go through here too)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.chains.models import ChallengeDraft
from tuwei.challenges import workflow
from tuwei.challenges.models import Challenge, Indicator, Milestone
from tuwei.challenges.services.common import (
    ChallengesError,
    audit_value,
    is_officer,
    locked,
    may_propose,
    notify,
    notify_proposers,
    officers,
    reindex,
    require,
    require_move,
    require_reason,
)
from tuwei.core.audit import log_action
from tuwei.programs.models import Program

# The fields a form may set; status, dates and links are the services' own.
EDITABLE_FIELDS = (
    "title",
    "problem",
    "deliverables",
    "acceptance",
    "owner",
    "node",
    "region",
    "gov_funding",
    "enterprise_funding",
    "duration_months",
    "deadline",
    "conditions",
    "allowed_kinds",
    "applicant_region",
    "consortium_allowed",
    "ip_terms",
    "max_winners",
    "contact_name",
    "contact_phone",
    "contact_email",
)
INDICATOR_FIELDS = ("name", "comparator", "target", "unit", "verification")
MILESTONE_FIELDS = ("title", "month_offset", "deliverable")


def _check_fields(data: dict[str, Any]) -> None:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable challenge fields: {sorted(unknown)}")


def _apply_proposer_bounds(actor: User, challenge: Challenge) -> None:
    """An enterprise proposes for itself; a bureau for organisations of its region."""
    if is_officer(actor):
        return
    if actor.has_role(Role.ENTERPRISE) and actor.organization_id:
        challenge.owner_id = actor.organization_id
        if challenge.region_id is None:
            challenge.region_id = actor.organization.region_id if actor.organization else None
        return
    if actor.has_role(Role.BUREAU) and actor.region_id:
        challenge.region_id = actor.region_id
        if challenge.owner_id and challenge.owner.region_id != actor.region_id:
            raise ChallengesError(ChallengesError.OWNER_OUT_OF_REGION, code="owner_out_of_region")
        return
    require(False)


def _replace_children(
    challenge: Challenge,
    indicators: Sequence[dict[str, Any]] | None,
    milestones: Sequence[dict[str, Any]] | None,
) -> dict[str, list[list[str]]]:
    """Replace the indicator and milestone tables; return what changed, for the audit."""
    diff: dict[str, list[list[str]]] = {}
    if indicators is not None:
        before = [str(item) for item in challenge.indicators.all()]
        challenge.indicators.all().delete()
        rows = [
            Indicator(challenge=challenge, order=order, **{f: row[f] for f in INDICATOR_FIELDS})
            for order, row in enumerate(indicators)
        ]
        for row in rows:
            row.full_clean(exclude=["challenge"])
        Indicator.objects.bulk_create(rows)
        after = [str(item) for item in rows]
        if before != after:
            diff["indicators"] = [before, after]
    if milestones is not None:
        before = [str(item) for item in challenge.milestones.all()]
        challenge.milestones.all().delete()
        rows_m = [
            Milestone(challenge=challenge, order=order, **{f: row[f] for f in MILESTONE_FIELDS})
            for order, row in enumerate(milestones)
        ]
        for row_m in rows_m:
            row_m.full_clean(exclude=["challenge"])
        Milestone.objects.bulk_create(rows_m)
        after = [str(item) for item in rows_m]
        if before != after:
            diff["milestones"] = [before, after]
    return diff


def challenge_create(
    *,
    actor: User,
    data: dict[str, Any],
    indicators: Sequence[dict[str, Any]] = (),
    milestones: Sequence[dict[str, Any]] = (),
    source_draft: ChallengeDraft | None = None,
    program: Program | None = None,
    request: HttpRequest | None = None,
) -> Challenge:
    """A new draft. Enterprises, bureaus and officers (the latter from a point's draft)."""
    require(
        actor.is_authenticated
        and (is_officer(actor) or actor.has_role(Role.ENTERPRISE, Role.BUREAU))
    )
    _check_fields(data)
    program = program or Program.objects.filter(is_current=True).first()
    if program is None:
        raise ChallengesError(ChallengesError.NO_PROGRAM, code="no_program")
    with transaction.atomic():
        challenge = Challenge(program=program, created_by=actor, **data)
        _apply_proposer_bounds(actor, challenge)
        if source_draft is not None:
            require(is_officer(actor))
            draft = ChallengeDraft.objects.select_for_update().get(pk=source_draft.pk)
            if draft.consumed_at is not None:
                raise ChallengesError(ChallengesError.DRAFT_TAKEN, code="draft_taken")
            draft.consumed_at = timezone.now()
            draft.save(update_fields=["consumed_at"])
            challenge.source_draft = draft
        challenge.full_clean(exclude=["created_by", "program"])
        challenge.save()
        _replace_children(challenge, indicators, milestones)
        log_action(
            challenge,
            "challenges.challenge.create",
            actor=actor,
            data={"owner": challenge.owner_id, "source_draft": challenge.source_draft_id},
            request=request,
        )
        reindex(challenge)
    return challenge


def challenge_update(
    *,
    actor: User,
    challenge: Challenge,
    changes: dict[str, Any],
    indicators: Sequence[dict[str, Any]] | None = None,
    milestones: Sequence[dict[str, Any]] | None = None,
    request: HttpRequest | None = None,
) -> Challenge:
    """Edit fields and tables. The proposer while draft/returned; an officer while vetting.

    The audit entry holds a diff of every changed field: [before, after].
    """
    _check_fields(changes)
    with transaction.atomic():
        challenge = locked(challenge)
        officer_edit = is_officer(actor) and challenge.status in workflow.EDITABLE_BY_OFFICER
        proposer_edit = (
            may_propose(actor, challenge) and challenge.status in workflow.EDITABLE_BY_PROPOSER
        )
        if not (officer_edit or proposer_edit):
            require(is_officer(actor) or may_propose(actor, challenge))
            raise ChallengesError(
                ChallengesError.WRONG_STATUS,
                code="wrong_status",
                status=Challenge.Status(challenge.status).label,
            )
        before = {field: audit_value(getattr(challenge, field)) for field in changes}
        for field, value in changes.items():
            setattr(challenge, field, value)
        if not officer_edit:
            _apply_proposer_bounds(actor, challenge)
        challenge.full_clean(exclude=["created_by", "program"])
        challenge.save()
        diff: dict[str, Any] = {
            field: [before[field], audit_value(getattr(challenge, field))]
            for field in changes
            if before[field] != audit_value(getattr(challenge, field))
        }
        diff.update(_replace_children(challenge, indicators, milestones))
        if diff:
            log_action(
                challenge,
                "challenges.challenge.edit" if officer_edit else "challenges.challenge.update",
                actor=actor,
                data=diff,
                request=request,
            )
        reindex(challenge)
    return challenge


def missing_for_submission(challenge: Challenge) -> list[str]:
    """Labels of what a challenge still lacks before it can be submitted."""

    def label(field: str) -> str:
        return str(getattr(Challenge._meta.get_field(field), "verbose_name", field))

    missing = [
        label(field)
        for field in ("title", "problem", "deliverables", "acceptance", "duration_months")
        if not getattr(challenge, field)
    ]
    if challenge.deadline is None:
        missing.append(label("deadline"))
    if not challenge.total_funding:
        missing.append(label("gov_funding"))
    if not challenge.contact_name or not (challenge.contact_phone or challenge.contact_email):
        missing.append(label("contact_name"))
    if not challenge.indicators.exists():
        missing.append(str(Indicator._meta.verbose_name_plural))
    return missing


def check_submittable(challenge: Challenge, now: datetime) -> None:
    missing = missing_for_submission(challenge)
    if missing:
        raise ChallengesError(
            ChallengesError.INCOMPLETE, code="incomplete", missing="、".join(missing)
        )
    if challenge.deadline is not None and challenge.deadline <= now:
        raise ChallengesError(ChallengesError.DEADLINE_PAST, code="deadline_past")
    for milestone in challenge.milestones.all():
        if challenge.duration_months and milestone.month_offset > challenge.duration_months:
            raise ChallengesError(
                ChallengesError.MILESTONE_BEYOND_DURATION,
                code="milestone_beyond_duration",
                title=milestone.title,
                month=milestone.month_offset,
                duration=challenge.duration_months,
            )


def challenge_submit(
    *, actor: User, challenge: Challenge, request: HttpRequest | None = None
) -> Challenge:
    """The proposer submits a complete challenge, with its deadline ahead, for vetting."""
    now = timezone.now()
    with transaction.atomic():
        challenge = locked(challenge)
        require(may_propose(actor, challenge))
        require_move("submit", challenge)
        check_submittable(challenge, now)
        resubmitted = challenge.status == Challenge.Status.RETURNED
        challenge.status = workflow.TARGET["submit"]
        challenge.submitted_at = now
        challenge.save(update_fields=["status", "submitted_at", "updated_at"])
        log_action(
            challenge,
            "challenges.challenge.submit",
            actor=actor,
            data={"resubmitted": resubmitted},
            request=request,
        )
        notify(
            officers(),
            "challenges.challenge.submitted",
            params={"title": challenge.title, "owner": challenge.owner.name},
            url="/challenges/vetting/",
        )
        reindex(challenge)
    return challenge


def challenge_withdraw(
    *, actor: User, challenge: Challenge, reason: str, request: HttpRequest | None = None
) -> Challenge:
    """The proposer before publication, an officer at any time before the award."""
    reason = require_reason(reason)
    with transaction.atomic():
        challenge = locked(challenge)
        if is_officer(actor):
            move = "withdraw_by_officer"
        else:
            require(may_propose(actor, challenge))
            move = "withdraw_by_proposer"
        require_move(move, challenge)
        challenge.status = workflow.TARGET[move]
        challenge.withdraw_reason = reason[:300]
        challenge.save(update_fields=["status", "withdraw_reason", "updated_at"])
        log_action(
            challenge,
            "challenges.challenge.withdraw",
            actor=actor,
            data={"reason": reason},
            request=request,
        )
        if move == "withdraw_by_officer":
            notify_proposers(challenge, "challenges.challenge.withdrawn", reason=reason)
        reindex(challenge)
    return challenge
