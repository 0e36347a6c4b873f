"""An achievement's status moves, one function each (the table is in `workflow.py`).

Owners submit and revise, an officer approves the listing or rejects it with a
reason, owners or officers archive. Each move locks the row, checks the table,
saves, writes the audit entry and queues notifications in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.core.audit import log_action
from tuwei.core.notifications import notify
from tuwei.resources.selectors.scope import MEMBER_ROLES, is_officer
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Achievement
from tuwei.transfer.selectors.achievements import owns
from tuwei.transfer.workflow import ACHIEVEMENT_MOVES, ACHIEVEMENT_TARGET


def _officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct())


def _owner_members(achievement: Achievement) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            organization__owned_achievements__achievement=achievement,
            roles__role__in=MEMBER_ROLES,
        ).distinct()
    )


def _move(
    *,
    actor: User,
    achievement: Achievement,
    move: str,
    request: HttpRequest | None,
    data: dict[str, Any] | None = None,
    **changes: Any,
) -> Achievement:
    with transaction.atomic():
        locked = Achievement.objects.select_for_update().get(pk=achievement.pk)
        if locked.status not in ACHIEVEMENT_MOVES[move]:
            raise TransferError(
                TransferError.BAD_MOVE, code="bad_move", status=locked.get_status_display()
            )
        locked.status = ACHIEVEMENT_TARGET[move]
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.save(update_fields=["status", *changes])
        log_action(
            locked, f"transfer.achievement.{move}", actor=actor, data=data or {}, request=request
        )
    return locked


def _require_owner_or_officer(actor: User, achievement: Achievement) -> None:
    if not (is_officer(actor) or owns(actor, achievement)):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")


def _require_officer(actor: User) -> None:
    if not is_officer(actor):
        raise TransferError(TransferError.NOT_ALLOWED, code="not_allowed")


def achievement_submit(
    *, actor: User, achievement: Achievement, request: HttpRequest | None = None
) -> Achievement:
    """Owners ask for the listing; officers are told."""
    _require_owner_or_officer(actor, achievement)
    with transaction.atomic():
        done = _move(
            actor=actor,
            achievement=achievement,
            move="submit",
            request=request,
            submitted_at=timezone.now(),
            review_note="",
        )
        notify(
            _officers(),
            "transfer.achievement.submitted",
            params={"title": done.title},
            url=reverse("transfer:achievement_detail", args=[done.pk]),
        )
    return done


def achievement_approve(
    *, actor: User, achievement: Achievement, request: HttpRequest | None = None
) -> Achievement:
    """An officer lists the achievement on the marketplace (as its visibility allows)."""
    _require_officer(actor)
    with transaction.atomic():
        done = _move(
            actor=actor,
            achievement=achievement,
            move="approve",
            request=request,
            listed_at=timezone.now(),
        )
        notify(
            _owner_members(done),
            "transfer.achievement.listed",
            params={"title": done.title},
            url=reverse("transfer:achievement_detail", args=[done.pk]),
        )
    return done


def achievement_reject(
    *, actor: User, achievement: Achievement, reason: str, request: HttpRequest | None = None
) -> Achievement:
    _require_officer(actor)
    if not reason.strip():
        raise TransferError(TransferError.REASON_REQUIRED, code="reason_required")
    with transaction.atomic():
        done = _move(
            actor=actor,
            achievement=achievement,
            move="reject",
            request=request,
            data={"reason": reason.strip()},
            review_note=reason.strip()[:300],
        )
        notify(
            _owner_members(done),
            "transfer.achievement.rejected",
            params={"title": done.title, "reason": done.review_note},
            url=reverse("transfer:achievement_detail", args=[done.pk]),
        )
    return done


def achievement_revise(
    *, actor: User, achievement: Achievement, request: HttpRequest | None = None
) -> Achievement:
    """A rejected achievement goes back to draft for its owners to change and resubmit."""
    _require_owner_or_officer(actor, achievement)
    return _move(actor=actor, achievement=achievement, move="revise", request=request)


def achievement_archive(
    *, actor: User, achievement: Achievement, request: HttpRequest | None = None
) -> Achievement:
    """Takes a listed (or rejected) achievement off the marketplace for good."""
    _require_owner_or_officer(actor, achievement)
    return _move(actor=actor, achievement=achievement, move="archive", request=request)
