"""Every change to a breakthrough point: create, edit, each status move, promotion.

Each function checks the actor's right and the point's current status against
`workflow.POINT_MOVES`, locks the row, saves, and writes the audit entry in the
same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuwei.accounts.models import Region, User
from tuwei.chains.models import ChainNode, ChallengeDraft, Point
from tuwei.chains.workflow import POINT_MOVES, POINT_TARGET
from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError


class PointsError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    MOVE_NOT_ALLOWED = _("A point that is %(status)s cannot be %(move)s.")
    REASON_REQUIRED = _("Please give a reason for dropping the point.")
    ALREADY_PROMOTED = _("This point has already been promoted to a challenge draft.")
    NOT_PROMOTABLE = _("Only a shortlisted or targeted point can be promoted to a challenge.")
    TITLE_REQUIRED = _("Please give the point a title.")


# How each move reads in "A point that is <status> cannot be <move>."
MOVE_LABELS = {
    "shortlist": _("shortlisted"),
    "target": _("targeted"),
    "return_to_candidate": _("returned to the candidates"),
    "drop": _("dropped"),
    "reopen": _("reopened"),
}
PROMOTABLE = {Point.Status.SHORTLISTED, Point.Status.TARGETED}
EDITABLE_FIELDS = ("node", "title", "problem", "advantage", "expected_output", "region")


def _require_editor(actor: User) -> None:
    if not actor.is_authenticated or not actor.has_perm("chains.edit_points"):
        raise PointsError(PointsError.NOT_ALLOWED, code="not_allowed")


def point_create(
    *,
    actor: User,
    node: ChainNode,
    title: str,
    problem: str,
    advantage: str,
    expected_output: str = "",
    region: Region | None = None,
    request: HttpRequest | None = None,
) -> Point:
    _require_editor(actor)
    if not title.strip():
        raise PointsError(PointsError.TITLE_REQUIRED, code="title_required")
    with transaction.atomic():
        point = Point.objects.create(
            node=node,
            title=title.strip(),
            problem=problem.strip(),
            advantage=advantage.strip(),
            expected_output=expected_output.strip(),
            region=region,
            owner=actor,
        )
        log_action(
            point,
            "chains.point.create",
            actor=actor,
            data={"node": node.code, "region": region.code if region else ""},
            request=request,
        )
    return point


def _display(value: Any) -> str:
    if isinstance(value, ChainNode | Region):
        return value.code
    return str(value or "")


def point_update(
    *, actor: User, point: Point, changes: dict[str, Any], request: HttpRequest | None = None
) -> Point:
    _require_editor(actor)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable point fields: {sorted(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise PointsError(PointsError.TITLE_REQUIRED, code="title_required")
    with transaction.atomic():
        point = Point.objects.select_for_update().get(pk=point.pk)
        before = {field: _display(getattr(point, field)) for field in changes}
        for field, value in changes.items():
            setattr(point, field, value.strip() if isinstance(value, str) else value)
        after = {field: _display(getattr(point, field)) for field in changes}
        diff = {f: [before[f], after[f]] for f in changes if before[f] != after[f]}
        if diff:
            point.save(update_fields=[*changes, "updated_at"])
            log_action(point, "chains.point.update", actor=actor, data=diff, request=request)
    return point


def _point_move(
    *,
    actor: User,
    point: Point,
    move: str,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Point:
    _require_editor(actor)
    with transaction.atomic():
        point = Point.objects.select_for_update().get(pk=point.pk)
        if point.status not in POINT_MOVES[move]:
            raise PointsError(
                PointsError.MOVE_NOT_ALLOWED,
                code="move_not_allowed",
                status=point.get_status_display(),
                move=MOVE_LABELS[move],
            )
        before = point.status
        point.status = POINT_TARGET[move]
        point.drop_reason = reason.strip()[:300] if move == "drop" else ""
        point.save(update_fields=["status", "drop_reason", "updated_at"])
        data: dict[str, Any] = {"from": before, "to": point.status}
        if reason:
            data["reason"] = reason.strip()
        log_action(point, f"chains.point.{move}", actor=actor, data=data, request=request)
    return point


def point_shortlist(*, actor: User, point: Point, request: HttpRequest | None = None) -> Point:
    return _point_move(actor=actor, point=point, move="shortlist", request=request)


def point_target(*, actor: User, point: Point, request: HttpRequest | None = None) -> Point:
    return _point_move(actor=actor, point=point, move="target", request=request)


def point_return_to_candidate(
    *, actor: User, point: Point, request: HttpRequest | None = None
) -> Point:
    return _point_move(actor=actor, point=point, move="return_to_candidate", request=request)


def point_drop(
    *, actor: User, point: Point, reason: str, request: HttpRequest | None = None
) -> Point:
    if not reason.strip():
        raise PointsError(PointsError.REASON_REQUIRED, code="reason_required")
    return _point_move(actor=actor, point=point, move="drop", reason=reason, request=request)


def point_reopen(*, actor: User, point: Point, request: HttpRequest | None = None) -> Point:
    return _point_move(actor=actor, point=point, move="reopen", request=request)


def point_promote(
    *, actor: User, point: Point, request: HttpRequest | None = None
) -> ChallengeDraft:
    """Carry a shortlisted (or targeted) point over as a challenge draft; once per point."""
    _require_editor(actor)
    with transaction.atomic():
        point = Point.objects.select_for_update().get(pk=point.pk)
        if ChallengeDraft.objects.filter(point=point).exists():
            raise PointsError(PointsError.ALREADY_PROMOTED, code="already_promoted")
        if point.status not in PROMOTABLE:
            raise PointsError(PointsError.NOT_PROMOTABLE, code="not_promotable")
        try:
            with transaction.atomic():
                draft = ChallengeDraft.objects.create(
                    point=point,
                    title=point.title,
                    problem=point.problem,
                    node=point.node,
                    region=point.region,
                    created_by=actor,
                )
        except IntegrityError as exc:  # two officers promoting at the same moment
            raise PointsError(PointsError.ALREADY_PROMOTED, code="already_promoted") from exc
        log_action(
            point,
            "chains.point.promote",
            actor=actor,
            data={"draft": draft.pk},
            request=request,
        )
    return draft
