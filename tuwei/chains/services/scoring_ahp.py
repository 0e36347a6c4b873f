"""Pairwise comparisons (AHP): check a rater's grid, refuse it when inconsistent, save it.

A rater's matrix is saved only when its consistency ratio is below 0.1; the refusal
names the pair the engine finds furthest from the weights the matrix implies
(`AHPResult.most_inconsistent_pair`), so the rater knows what to revisit.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.http import HttpRequest

from engine import mcda
from tuwei.accounts.models import User
from tuwei.chains.models import PairwiseJudgement, ScoringSession
from tuwei.chains.services.mcda_messages import mcda_message
from tuwei.chains.services.scoring import (
    ScoringError,
    criterion_names,
    lock_open_session,
    require_rater,
)
from tuwei.core.audit import log_action


def ahp_check(
    session: ScoringSession, comparisons: Mapping[tuple[int, int], float]
) -> mcda.AHPResult:
    """The weights and consistency of one rater's comparisons, without saving anything.

    Raises ScoringError (with the engine's problem in the reader's words) when the
    comparisons are incomplete or off the scale; an inconsistent matrix is returned,
    not refused, so the page can show its consistency ratio.
    """
    names = criterion_names(session)
    try:
        return mcda.ahp_from_upper(len(names), comparisons)
    except mcda.MCDAError as exc:
        message = mcda_message(exc, criteria=names, pairwise=True)
        raise ScoringError(message, code=f"mcda_{exc.code}") from exc


def inconsistency_error(session: ScoringSession, result: mcda.AHPResult) -> ScoringError:
    names = criterion_names(session)
    i, j = result.most_inconsistent_pair or (0, 1)
    error = ScoringError(
        ScoringError.INCONSISTENT,
        code="inconsistent",
        cr=f"{result.cr:.3f}",
        a=names[i],
        b=names[j],
    )
    error.pair = (i, j)  # type: ignore[attr-defined]
    return error


def judgement_save(
    *,
    actor: User,
    session: ScoringSession,
    comparisons: Mapping[tuple[int, int], float],
    request: HttpRequest | None = None,
) -> PairwiseJudgement:
    """Save a rater's comparisons; a matrix with CR ≥ 0.1 is refused and nothing is saved."""
    require_rater(actor, session)
    if session.weight_method != ScoringSession.WeightMethod.AHP:
        raise ScoringError(ScoringError.NOT_AHP, code="not_ahp")
    result = ahp_check(session, comparisons)
    if not result.is_consistent:
        raise inconsistency_error(session, result)
    stored = {f"{i},{j}": float(value) for (i, j), value in sorted(comparisons.items())}
    with transaction.atomic():
        lock_open_session(session)
        judgement, _created = PairwiseJudgement.objects.update_or_create(
            session=session,
            rater=actor,
            defaults={"comparisons": stored, "consistency_ratio": result.cr},
        )
        log_action(
            session,
            "chains.session.judgement",
            actor=actor,
            data={"consistency_ratio": round(result.cr, 6), "comparisons": stored},
            request=request,
        )
    return judgement


def stored_comparisons(judgement: PairwiseJudgement) -> dict[tuple[int, int], float]:
    pairs: dict[tuple[int, int], float] = {}
    for key, value in (judgement.comparisons or {}).items():
        i, j = (int(part) for part in key.split(","))
        pairs[(i, j)] = float(value)
    return pairs
