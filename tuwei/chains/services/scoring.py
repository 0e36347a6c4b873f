"""Every change to a scoring session: open it, direct weights, scores, close it.

Officers (`chains.manage_sessions`) open and close sessions and enter direct
weights; each rater (`chains.rate_session`, any user on the session's raters)
enters their own scores here and pairwise comparisons in `scoring_ahp`. A closed
session refuses every change. The score grid is checked as a whole and saved all
or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engine import mcda
from tuwei.accounts.models import User
from tuwei.accounts.roles import Role
from tuwei.chains.models import (
    Criterion,
    Point,
    PointScore,
    ScoringSession,
    SessionCriterion,
)
from tuwei.chains.services.score_grid import validate_score_grid
from tuwei.core.audit import log_action
from tuwei.core.errors import DomainError
from tuwei.core.i18n import localise_name
from tuwei.core.notifications import notify

RATER_ROLES = (Role.OFFICER, Role.EXPERT)
MAX_AHP_CRITERIA = max(mcda.SAATY_RANDOM_INDEX)


class ScoringError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    NOT_A_RATER = _("Only the session's raters can enter comparisons and scores.")
    CLOSED = _("This scoring session is finished; it can no longer be changed.")
    TOO_FEW_POINTS = _("Choose at least two points to score.")
    TOO_FEW_CRITERIA = _("Choose at least two criteria.")
    TOO_MANY_CRITERIA = _(
        "Pairwise comparison handles at most %(max)s criteria; choose fewer or another method."
    )
    NO_RATERS = _("Choose at least one rater.")
    BAD_RATER = _("%(name)s cannot rate: raters must be program officers or experts.")
    TOP_N_RANGE = _("Top N must be between 1 and the number of points (%(count)s).")
    DROPPED_POINT = _("%(title)s was dropped; reopen it before scoring it.")
    NOT_AHP = _("This session does not use pairwise comparison.")
    NOT_DIRECT = _("This session's weights are not entered directly.")
    WEIGHTS_INVALID = _("Some weights are not valid; nothing was saved.")
    WEIGHT_NOT_POSITIVE = _("The weight of %(criterion)s must be a positive number.")
    INCONSISTENT = _(
        "The comparisons are not consistent enough: the consistency ratio is %(cr)s and must "
        "stay below 0.10. Revisit the comparison of %(a)s with %(b)s first."
    )
    SCORES_INVALID = _("Some scores are not valid; nothing was saved. Correct the marked cells.")
    NOT_READY = _("The session cannot be finished yet: %(problem)s")


class FieldErrors(ScoringError):
    """A refusal that points at form fields: `errors` maps a key to its message."""

    def __init__(self, message: Any, *, code: str, errors: Mapping[Any, str]) -> None:
        super().__init__(message, code=code)
        self.errors = dict(errors)


# --- rights -------------------------------------------------------------------------------------


def _require_manager(actor: User) -> None:
    if not actor.is_authenticated or not actor.has_perm("chains.manage_sessions"):
        raise ScoringError(ScoringError.NOT_ALLOWED, code="not_allowed")


def require_rater(actor: User, session: ScoringSession) -> None:
    if not actor.is_authenticated or not actor.has_perm("chains.rate_session", session):
        raise ScoringError(ScoringError.NOT_A_RATER, code="not_a_rater")


def lock_open_session(session: ScoringSession) -> ScoringSession:
    session = ScoringSession.objects.select_for_update().get(pk=session.pk)
    if session.status != ScoringSession.Status.OPEN:
        raise ScoringError(ScoringError.CLOSED, code="closed")
    return session


def session_url(session: ScoringSession) -> str:
    return reverse("chains:session_detail", args=[session.pk])


# --- open a session -----------------------------------------------------------------------------


def session_create(
    *,
    actor: User,
    title: str,
    points: Iterable[Point],
    criteria: Iterable[Criterion],
    raters: Iterable[User],
    weight_method: str = ScoringSession.WeightMethod.AHP,
    scale: str = ScoringSession.Scale.SAATY,
    top_n: int = 5,
    description: str = "",
    request: HttpRequest | None = None,
) -> ScoringSession:
    _require_manager(actor)
    point_list = list({point.pk: point for point in points}.values())
    criterion_list = sorted(
        {criterion.pk: criterion for criterion in criteria}.values(),
        key=lambda criterion: (criterion.order, criterion.code),
    )
    rater_list = list({user.pk: user for user in raters}.values())
    if len(point_list) < 2:
        raise ScoringError(ScoringError.TOO_FEW_POINTS, code="too_few_points")
    for point in point_list:
        if point.status == Point.Status.DROPPED:
            raise ScoringError(ScoringError.DROPPED_POINT, code="dropped_point", title=point.title)
    if len(criterion_list) < 2:
        raise ScoringError(ScoringError.TOO_FEW_CRITERIA, code="too_few_criteria")
    if weight_method == ScoringSession.WeightMethod.AHP and len(criterion_list) > MAX_AHP_CRITERIA:
        raise ScoringError(
            ScoringError.TOO_MANY_CRITERIA, code="too_many_criteria", max=MAX_AHP_CRITERIA
        )
    if not rater_list:
        raise ScoringError(ScoringError.NO_RATERS, code="no_raters")
    for rater in rater_list:
        if not rater.is_active or not rater.has_role(*RATER_ROLES):
            raise ScoringError(ScoringError.BAD_RATER, code="bad_rater", name=str(rater))
    if not 1 <= top_n <= len(point_list):
        raise ScoringError(ScoringError.TOP_N_RANGE, code="top_n_range", count=len(point_list))
    with transaction.atomic():
        session = ScoringSession.objects.create(
            title=title.strip(),
            description=description.strip(),
            weight_method=weight_method,
            scale=scale,
            top_n=top_n,
            created_by=actor,
        )
        session.points.set(point_list)
        session.raters.set(rater_list)
        SessionCriterion.objects.bulk_create(
            SessionCriterion(session=session, criterion=criterion, position=position)
            for position, criterion in enumerate(criterion_list)
        )
        log_action(
            session,
            "chains.session.create",
            actor=actor,
            data={
                "weight_method": weight_method,
                "scale": scale,
                "top_n": top_n,
                "points": [point.pk for point in point_list],
                "criteria": [criterion.code for criterion in criterion_list],
                "raters": [rater.pk for rater in rater_list],
            },
            request=request,
        )
        notify(
            rater_list,
            "chains.session.invited",
            params={"title": session.title},
            url=session_url(session),
        )
    return session


# --- weights ------------------------------------------------------------------------------------


def session_criteria(session: ScoringSession) -> list[SessionCriterion]:
    return list(session.session_criteria.select_related("criterion").order_by("position"))


def criterion_names(session: ScoringSession) -> list[str]:
    return [
        localise_name(row.criterion.name, row.criterion.name_en)
        for row in session_criteria(session)
    ]


def session_set_direct_weights(
    *,
    actor: User,
    session: ScoringSession,
    weights: Mapping[int, Any],
    request: HttpRequest | None = None,
) -> list[float]:
    """Store weights entered by the officer, keyed by criterion id, normalised to sum 1."""
    _require_manager(actor)
    if session.weight_method != ScoringSession.WeightMethod.DIRECT:
        raise ScoringError(ScoringError.NOT_DIRECT, code="not_direct")
    rows = session_criteria(session)
    values: dict[int, float] = {}
    errors: dict[int, str] = {}
    for row in rows:
        raw = weights.get(row.criterion_id)
        try:
            value = float(str(raw).strip())
        except ValueError:
            value = float("nan")
        if not value > 0 or value == float("inf"):
            name = localise_name(row.criterion.name, row.criterion.name_en)
            errors[row.criterion_id] = str(ScoringError.WEIGHT_NOT_POSITIVE) % {"criterion": name}
        values[row.criterion_id] = value
    if errors:
        raise FieldErrors(ScoringError.WEIGHTS_INVALID, code="weights_invalid", errors=errors)
    total = sum(values.values())
    normalised = [values[row.criterion_id] / total for row in rows]
    with transaction.atomic():
        lock_open_session(session)
        for row, weight in zip(rows, normalised, strict=True):
            row.direct_weight = weight
            row.save(update_fields=["direct_weight"])
        log_action(
            session,
            "chains.session.weights",
            actor=actor,
            data={row.criterion.code: round(w, 6) for row, w in zip(rows, normalised, strict=True)},
            request=request,
        )
    return normalised


# --- scores -------------------------------------------------------------------------------------


def scores_save(
    *,
    actor: User,
    session: ScoringSession,
    values: Mapping[tuple[int, int], Any],
    request: HttpRequest | None = None,
) -> int:
    """Replace the rater's scores with `values`, keyed by (point id, criterion id).

    A row left wholly empty means "not scored by me"; a half-filled row, a non-number
    or a value off the scale refuses the whole grid. Returns the number of points scored.
    """
    require_rater(actor, session)
    points = list(session.points.order_by("pk"))
    rows = session_criteria(session)
    criteria = [row.criterion for row in rows]
    parsed, errors = validate_score_grid(
        scale=session.scale, points=points, criteria=criteria, values=values
    )
    if errors:
        raise FieldErrors(ScoringError.SCORES_INVALID, code="scores_invalid", errors=errors)
    with transaction.atomic():
        lock_open_session(session)
        PointScore.objects.filter(session=session, rater=actor).delete()
        PointScore.objects.bulk_create(
            PointScore(
                session=session, rater=actor, point_id=point_id, criterion_id=criterion_id, value=v
            )
            for (point_id, criterion_id), v in parsed.items()
        )
        scored = sorted({point_id for point_id, _criterion in parsed})
        log_action(
            session,
            "chains.session.scores",
            actor=actor,
            data={"points": scored, "cells": len(parsed)},
            request=request,
        )
    return len(scored)


# --- close --------------------------------------------------------------------------------------


def session_close(
    *, actor: User, session: ScoringSession, request: HttpRequest | None = None
) -> ScoringSession:
    """Finish the session: compute and freeze weights, ranks and sensitivity into `result`."""
    from tuwei.chains.services.scoring_results import compute_result

    _require_manager(actor)
    with transaction.atomic():
        session = lock_open_session(session)
        result = compute_result(session)
        problem = result.pop("problem", None)
        if problem:
            raise ScoringError(ScoringError.NOT_READY, code="not_ready", problem=problem)
        session.result = result
        session.status = ScoringSession.Status.CLOSED
        session.closed_at = timezone.now()
        session.save(update_fields=["result", "status", "closed_at"])
        ranked = sorted(
            zip(result["topsis"]["ranks"], result["points"], strict=True), key=lambda p: p[0]
        )
        log_action(
            session,
            "chains.session.close",
            actor=actor,
            data={
                "weights": [round(w, 6) for w in result["weights"]],
                "top": [point["id"] for _rank, point in ranked[: session.top_n]],
            },
            request=request,
        )
        notify(
            session.raters.all(),
            "chains.session.closed",
            params={"title": session.title},
            url=reverse("chains:session_results", args=[session.pk]),
        )
    return session
