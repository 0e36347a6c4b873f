"""Reads of scoring sessions, and the tables and charts the result pages show.

Scope: whoever may view sessions (officers, bureaus, leaders) reads them all; a
rater without that right (an expert) reads only the sessions they rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from tuwei.accounts.models import User
from tuwei.chains.models import PairwiseJudgement, PointScore, ScoringSession
from tuwei.chains.services.scoring import RATER_ROLES
from tuwei.core.i18n import localise_name, localise_text


def session_list(*, user: Any) -> QuerySet[ScoringSession]:
    sessions = ScoringSession.objects.select_related("created_by")
    if not user.is_authenticated:
        return sessions.none()
    if user.has_perm("chains.view_sessions"):
        return sessions
    return sessions.filter(raters__pk=user.pk)


def session_get(*, user: Any, pk: int) -> ScoringSession:
    """Raises ScoringSession.DoesNotExist for a session outside the user's scope."""
    return session_list(user=user).get(pk=pk)


def sessions_waiting_for(*, user: Any) -> QuerySet[ScoringSession]:
    """Open sessions the user rates and has not finished: comparisons (AHP) or scores."""
    my_judgement = PairwiseJudgement.objects.filter(session=OuterRef("pk"), rater=user)
    my_scores = PointScore.objects.filter(session=OuterRef("pk"), rater=user)
    return (
        ScoringSession.objects.alias(
            has_judgement=Exists(my_judgement), has_scores=Exists(my_scores)
        )
        .filter(status=ScoringSession.Status.OPEN, raters__pk=user.pk)
        .filter(
            Q(weight_method=ScoringSession.WeightMethod.AHP, has_judgement=False)
            | Q(has_scores=False)
        )
    )


def rater_choices() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, roles__role__in=RATER_ROLES)
        .distinct()
        .prefetch_related("roles")
        .order_by("real_name", "username")
    )


@dataclass(frozen=True)
class RaterProgress:
    rater: User
    consistency_ratio: float | None
    has_judgement: bool
    points_scored: int


def rater_progress(session: ScoringSession) -> list[RaterProgress]:
    judgements = {j.rater_id: j for j in session.judgements.all()}
    scored: dict[int, set[int]] = {}
    for rater_id, point_id in PointScore.objects.filter(session=session).values_list(
        "rater_id", "point_id"
    ):
        scored.setdefault(rater_id, set()).add(point_id)
    return [
        RaterProgress(
            rater=rater,
            consistency_ratio=judgements[rater.pk].consistency_ratio
            if rater.pk in judgements
            else None,
            has_judgement=rater.pk in judgements,
            points_scored=len(scored.get(rater.pk, ())),
        )
        for rater in session.raters.order_by("real_name", "username")
    ]


# --- what the result pages show -----------------------------------------------------------------


def criterion_label(entry: dict[str, Any]) -> str:
    return localise_name(entry["name"], entry.get("name_en", ""))


def weight_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    weights = result.get("weights")
    zero = set(result.get("zero_variance") or [])
    return [
        {
            "name": criterion_label(entry),
            "benefit": entry["benefit"],
            "weight": weights[index] if weights else None,
            "zero_variance": index in zero,
        }
        for index, entry in enumerate(result["criteria"])
    ]


def ranking_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per point, best TOPSIS rank first; empty until the ranking exists."""
    if not result.get("topsis"):
        return []
    topsis, wsm, spread = result["topsis"], result["wsm"], result["sensitivity"]
    rows = [
        {
            "id": point["id"],
            "title": localise_text(point["title"]),
            "url": reverse("chains:point_detail", args=[point["id"]]),
            "closeness": topsis["scores"][i],
            "rank": topsis["ranks"][i],
            "wsm_score": wsm["scores"][i],
            "wsm_rank": wsm["ranks"][i],
            "min_rank": spread["min"][i],
            "max_rank": spread["max"][i],
            "stays": spread["stays"][i],
            "in_top_n": topsis["ranks"][i] <= spread["top_n"],
        }
        for i, point in enumerate(result["points"])
    ]
    return sorted(rows, key=lambda row: row["rank"])


def top_points(result: dict[str, Any] | None, count: int = 3) -> list[str]:
    if not result or not result.get("topsis"):
        return []
    return [row["title"] for row in ranking_rows(result)[:count]]


def unscored_titles(result: dict[str, Any]) -> list[str]:
    return [localise_text(result["points"][i]["title"]) for i in result.get("unscored") or []]


def sensitivity_chart(result: dict[str, Any], *, links: bool = True) -> dict[str, Any] | None:
    """ECharts options: per point a bar from its best to its worst rank over every weight
    change, the base rank marked; rank 1 on top (inverted axis). With `links`, clicking a
    point opens it."""
    rows = ranking_rows(result)
    if not links:
        rows = [{**row, "url": ""} for row in rows]
    if not rows:
        return None
    count = len(rows)
    names = [row["title"] for row in rows]
    return {
        "aria": {"enabled": True},
        # richText draws the tooltip on the canvas: no HTML with style attributes (CSP)
        "tooltip": {"trigger": "item", "renderMode": "richText"},
        "legend": {"data": [_("Rank range"), _("Base rank")], "top": 0},
        "grid": {"left": 50, "right": 20, "top": 40, "bottom": 110},
        "xAxis": {
            "type": "category",
            "data": names,
            "axisLabel": {"interval": 0, "rotate": 30, "width": 110, "overflow": "truncate"},
        },
        "yAxis": {
            "type": "value",
            "name": _("Rank"),
            "nameLocation": "start",  # the top, as the axis is inverted
            "inverse": True,
            "min": 0,
            "max": count + 1,
            "interval": 1,
            "axisLabel": {"showMinLabel": False, "showMaxLabel": False},
        },
        "series": [
            {
                "name": "offset",
                "type": "bar",
                "stack": "range",
                "silent": True,
                "itemStyle": {"color": "transparent"},
                "tooltip": {"show": False},
                "data": [row["min_rank"] - 0.5 for row in rows],
            },
            {
                "name": _("Rank range"),
                "type": "bar",
                "stack": "range",
                "barMaxWidth": 28,
                "tooltip": {"show": False},
                "itemStyle": {"color": "#9fb3d1"},
                "data": [
                    {"value": row["max_rank"] - row["min_rank"] + 1, "url": row["url"]}
                    for row in rows
                ],
            },
            {
                "name": _("Base rank"),
                "type": "scatter",
                "symbol": "diamond",
                "symbolSize": 14,
                "itemStyle": {"color": "#c8102e"},
                "data": [{"value": row["rank"], "url": row["url"]} for row in rows],
            },
        ],
    }


# --- comparing sessions -------------------------------------------------------------------------


def comparable_sessions(*, user: Any) -> QuerySet[ScoringSession]:
    """Finished sessions: only frozen results compare like with like."""
    return session_list(user=user).filter(status=ScoringSession.Status.CLOSED)


def comparison(sessions: list[ScoringSession]) -> dict[str, Any]:
    """Each shared point's TOPSIS rank (and closeness) in every chosen session."""
    by_session = []
    for session in sessions:
        ranks = {
            row["id"]: row for row in ranking_rows(session.result or {"points": [], "topsis": None})
        }
        by_session.append(ranks)
    shared = set.intersection(*(set(ranks) for ranks in by_session)) if by_session else set()
    rows = []
    for point_id in shared:
        cells = [ranks[point_id] for ranks in by_session]
        rows.append(
            {
                "title": cells[0]["title"],
                "url": cells[0]["url"],
                "cells": [{"rank": c["rank"], "closeness": c["closeness"]} for c in cells],
                "spread": max(c["rank"] for c in cells) - min(c["rank"] for c in cells),
            }
        )
    rows.sort(key=lambda row: (sum(cell["rank"] for cell in row["cells"]), row["title"]))
    only_some = len(set().union(*(set(ranks) for ranks in by_session)) - shared)
    return {"sessions": sessions, "rows": rows, "not_shared": only_some}
