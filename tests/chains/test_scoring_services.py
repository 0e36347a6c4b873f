"""Scoring sessions: opening, AHP judgements, direct weights, scores, closing."""

from __future__ import annotations

import pytest
from django.utils import translation

from engine import mcda
from tests.accounts.factories import UserFactory
from tests.chains.factories_points import (
    PointFactory,
    consistent_upper,
    default_criteria,
    inconsistent_upper,
    make_session,
    score_all,
)
from tuwei.accounts.roles import Role
from tuwei.chains.models import PairwiseJudgement, Point, PointScore, ScoringSession
from tuwei.chains.services import scoring, scoring_ahp
from tuwei.chains.services.scoring import FieldErrors, ScoringError
from tuwei.core.models import AuditEntry, Notification


@pytest.fixture
def three_points(db):
    return [PointFactory(title=f"点位{i}") for i in range(3)]


@pytest.fixture
def session(personas, three_points):
    return make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.officer, personas.expert],
        criteria=default_criteria()[:4],
    )


def test_opening_a_session_orders_criteria_and_notifies_the_raters(personas, three_points) -> None:
    criteria = default_criteria()
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        criteria=list(reversed(criteria)),
    )
    rows = scoring.session_criteria(session)
    assert [row.criterion for row in rows] == criteria
    assert [row.position for row in rows] == list(range(len(criteria)))
    assert Notification.objects.filter(
        recipient=personas.expert, verb="chains.session.invited"
    ).exists()
    assert AuditEntry.objects.filter(action="chains.session.create").count() == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"points": "one"}, "too_few_points"),
        ({"criteria": "one"}, "too_few_criteria"),
        ({"raters": []}, "no_raters"),
        ({"raters": ["enterprise"]}, "bad_rater"),
        ({"top_n": 4}, "top_n_range"),
        ({"top_n": 0}, "top_n_range"),
        ({"points": "dropped"}, "dropped_point"),
    ],
)
def test_opening_refuses_a_session_that_cannot_work(personas, three_points, change, code) -> None:
    args = {
        "actor": personas.officer,
        "title": "t",
        "points": three_points,
        "criteria": default_criteria()[:3],
        "raters": [personas.expert],
        "top_n": 2,
    }
    if change.get("points") == "one":
        args["points"] = three_points[:1]
    elif change.get("points") == "dropped":
        args["points"] = [*three_points, PointFactory(status=Point.Status.DROPPED)]
    elif change.get("criteria") == "one":
        args["criteria"] = default_criteria()[:1]
    elif "raters" in change:
        args["raters"] = [getattr(personas, name) for name in change["raters"]]
    else:
        args.update(change)
    with pytest.raises(ScoringError) as caught:
        scoring.session_create(**args)
    assert caught.value.code == code
    assert not ScoringSession.objects.exists()


def test_only_officers_open_sessions(personas, three_points) -> None:
    with pytest.raises(ScoringError) as caught:
        make_session(officer=personas.leader, points=three_points, raters=[personas.expert])
    assert caught.value.code == "not_allowed"


# --- AHP ----------------------------------------------------------------------------------------


def test_an_inconsistent_matrix_is_refused_naming_the_worst_pair(personas, session) -> None:
    upper = inconsistent_upper(4)
    check = mcda.ahp_from_upper(4, upper)
    assert check.cr >= 0.1
    i, j = check.most_inconsistent_pair
    names = [row.criterion.name_en for row in scoring.session_criteria(session)]
    audit_count = AuditEntry.objects.count()
    with translation.override("en"), pytest.raises(ScoringError) as caught:
        scoring_ahp.judgement_save(actor=personas.expert, session=session, comparisons=upper)
    with translation.override("en"):
        message = str(caught.value)
    assert caught.value.code == "inconsistent"
    assert caught.value.pair == (i, j)
    assert f"{check.cr:.3f}" in message
    assert f"comparison of {names[i]} with {names[j]}" in message
    assert not PairwiseJudgement.objects.exists()
    assert AuditEntry.objects.count() == audit_count


def test_a_consistent_matrix_is_saved_with_its_ratio(personas, session) -> None:
    upper = consistent_upper([0.4, 0.3, 0.2, 0.1])
    judgement = scoring_ahp.judgement_save(
        actor=personas.expert, session=session, comparisons=upper
    )
    assert judgement.comparisons == {f"{i},{j}": v for (i, j), v in sorted(upper.items())}
    assert judgement.consistency_ratio == pytest.approx(mcda.ahp_from_upper(4, upper).cr)
    assert judgement.consistency_ratio < 0.1
    # saving again replaces the rater's matrix
    scoring_ahp.judgement_save(
        actor=personas.expert, session=session, comparisons=consistent_upper([1, 1, 1, 1])
    )
    assert PairwiseJudgement.objects.get().comparisons["0,1"] == 1.0


def test_an_incomplete_matrix_names_the_missing_pair(personas, session) -> None:
    upper = consistent_upper([0.4, 0.3, 0.2, 0.1])
    del upper[(1, 3)]
    names = [row.criterion.name_en for row in scoring.session_criteria(session)]
    with translation.override("en"), pytest.raises(ScoringError) as caught:
        scoring_ahp.judgement_save(actor=personas.expert, session=session, comparisons=upper)
    assert caught.value.code == "mcda_missing_comparison"
    with translation.override("en"):
        assert str(caught.value) == f"Compare {names[1]} with {names[3]}."


def test_two_raters_combine_by_geometric_mean(personas, session, three_points) -> None:
    first = consistent_upper([0.4, 0.3, 0.2, 0.1])
    second = consistent_upper([0.1, 0.2, 0.3, 0.4])
    scoring_ahp.judgement_save(actor=personas.officer, session=session, comparisons=first)
    scoring_ahp.judgement_save(actor=personas.expert, session=session, comparisons=second)
    from tuwei.chains.services.scoring_results import compute_result

    result = compute_result(session)
    combined = mcda.ahp(
        mcda.geometric_mean_aggregate(
            [mcda.reciprocal_matrix(4, first), mcda.reciprocal_matrix(4, second)]
        )
    )
    assert result["weights"] == pytest.approx(list(combined.weights), abs=1e-12)
    assert result["consistency_ratio"] == pytest.approx(combined.cr, abs=1e-12)
    assert {r["id"]: r["cr"] is not None for r in result["raters"]} == {
        personas.officer.pk: True,
        personas.expert.pk: True,
    }


def test_someone_not_rating_cannot_enter_judgements_or_scores(personas, session) -> None:
    other_expert = UserFactory(roles=[Role.EXPERT])
    with pytest.raises(ScoringError) as caught:
        scoring_ahp.judgement_save(
            actor=other_expert, session=session, comparisons=consistent_upper([1, 1, 1, 1])
        )
    assert caught.value.code == "not_a_rater"
    with pytest.raises(ScoringError):
        scoring.scores_save(actor=personas.leader, session=session, values={})


def test_judgements_are_only_for_ahp_sessions(personas, three_points) -> None:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.ENTROPY,
    )
    with pytest.raises(ScoringError) as caught:
        scoring_ahp.judgement_save(
            actor=personas.expert, session=session, comparisons=consistent_upper([1, 1, 1])
        )
    assert caught.value.code == "not_ahp"


# --- direct weights -----------------------------------------------------------------------------


def test_direct_weights_are_normalised(personas, three_points) -> None:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
    )
    ids = [row.criterion_id for row in scoring.session_criteria(session)]
    weights = scoring.session_set_direct_weights(
        actor=personas.officer,
        session=session,
        weights=dict(zip(ids, ["2", "1", "1"], strict=True)),
    )
    assert weights == pytest.approx([0.5, 0.25, 0.25])
    assert [row.direct_weight for row in scoring.session_criteria(session)] == weights


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "", "inf", "nan"])
def test_direct_weights_must_be_positive_numbers(personas, three_points, bad) -> None:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
    )
    rows = scoring.session_criteria(session)
    with pytest.raises(FieldErrors) as caught:
        scoring.session_set_direct_weights(
            actor=personas.officer,
            session=session,
            weights={rows[0].criterion_id: "1", rows[1].criterion_id: bad, rows[2].criterion_id: 1},
        )
    assert list(caught.value.errors) == [rows[1].criterion_id]
    assert all(row.direct_weight is None for row in scoring.session_criteria(session))


def test_only_officers_enter_direct_weights(personas, three_points) -> None:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
    )
    with pytest.raises(ScoringError) as caught:
        scoring.session_set_direct_weights(actor=personas.expert, session=session, weights={})
    assert caught.value.code == "not_allowed"


# --- scores -------------------------------------------------------------------------------------


def grid(session: ScoringSession, table) -> dict[tuple[int, int], object]:
    points = list(session.points.order_by("pk"))
    criteria = [row.criterion for row in scoring.session_criteria(session)]
    return {
        (p.pk, c.pk): table[r][col] for r, p in enumerate(points) for col, c in enumerate(criteria)
    }


def test_scores_are_saved_and_replace_the_raters_previous_ones(personas, session) -> None:
    score_all(session, personas.expert, [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7]])
    assert PointScore.objects.filter(rater=personas.expert).count() == 12
    score_all(session, personas.expert, [[1, 2, 3, 4], ["", "", "", ""], [9, 9, 9, 9]])
    assert PointScore.objects.filter(rater=personas.expert).count() == 8
    assert AuditEntry.objects.filter(action="chains.session.scores").count() == 2


def test_bad_cells_are_refused_one_by_one_and_nothing_is_saved(personas, session) -> None:
    score_all(session, personas.expert, [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7]])
    before = sorted(PointScore.objects.values_list("value", flat=True))
    points = list(session.points.order_by("pk"))
    criteria = [row.criterion for row in scoring.session_criteria(session)]
    table = [["abc", 5, 5, 10], [0, 6, "", 6], [7, 7, 7, 7.5]]
    with translation.override("en"), pytest.raises(FieldErrors) as caught:
        scoring.scores_save(actor=personas.expert, session=session, values=grid(session, table))
    errors = caught.value.errors
    assert set(errors) == {
        (points[0].pk, criteria[0].pk),
        (points[0].pk, criteria[3].pk),
        (points[1].pk, criteria[0].pk),
        (points[1].pk, criteria[2].pk),
    }
    name = criteria[0].name_en
    assert (
        errors[(points[0].pk, criteria[0].pk)] == f"The score of 点位0 on {name} is not a number."
    )
    assert errors[(points[1].pk, criteria[0].pk)] == (
        f"The score of 点位1 on {name} must be between 1 and 9."
    )
    assert "whole row empty" in errors[(points[1].pk, criteria[2].pk)]
    assert sorted(PointScore.objects.values_list("value", flat=True)) == before


def test_the_number_scale_takes_any_non_negative_number(personas, three_points) -> None:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.expert],
        scale=ScoringSession.Scale.NUMBER,
    )
    with translation.override("en"), pytest.raises(FieldErrors) as caught:
        scoring.scores_save(
            actor=personas.expert,
            session=session,
            values=grid(session, [[120, 0.5, -1], [3, 4, 5], [1e6, 0, 2]]),
        )
    assert list(caught.value.errors.values()) == [
        f"The score of 点位0 on {default_criteria()[2].name_en} cannot be negative."
    ]
    score_all(session, personas.expert, [[120, 0.5, 1], [3, 4, 5], [1e6, 0, 2]])
    assert PointScore.objects.count() == 9


# --- close --------------------------------------------------------------------------------------


def full_session(personas, three_points) -> ScoringSession:
    session = make_session(
        officer=personas.officer,
        points=three_points,
        raters=[personas.officer, personas.expert],
        criteria=default_criteria()[:3],
    )
    scoring_ahp.judgement_save(
        actor=personas.officer, session=session, comparisons=consistent_upper([0.5, 0.3, 0.2])
    )
    score_all(session, personas.officer, [[9, 5, 5], [5, 9, 5], [3, 3, 3]])
    score_all(session, personas.expert, [[8, 6, 5], [5, 8, 4], [3, 4, 3]])
    return session


def test_closing_freezes_the_result_and_blocks_every_change(personas, three_points) -> None:
    session = full_session(personas, three_points)
    closed = scoring.session_close(actor=personas.officer, session=session)
    assert closed.status == "closed" and closed.closed_at is not None
    result = ScoringSession.objects.get(pk=session.pk).result
    assert set(result) >= {"weights", "topsis", "wsm", "sensitivity", "points", "criteria"}
    assert "problem" not in result
    assert all(isinstance(w, float) for w in result["weights"])
    assert AuditEntry.objects.filter(action="chains.session.close").count() == 1
    assert Notification.objects.filter(verb="chains.session.closed").count() == 2
    attempts = [
        lambda: scoring_ahp.judgement_save(
            actor=personas.expert, session=session, comparisons=consistent_upper([1, 1, 1])
        ),
        lambda: score_all(session, personas.expert, [[1, 1, 1], [1, 1, 1], [1, 1, 1]]),
        lambda: scoring.session_close(actor=personas.officer, session=session),
    ]
    for attempt in attempts:
        with pytest.raises(ScoringError) as caught:
            attempt()
        assert caught.value.code == "closed"
    assert ScoringSession.objects.get(pk=session.pk).result == result
    assert PointScore.objects.filter(rater=personas.expert, value=1).count() == 0


def test_the_frozen_result_does_not_follow_later_changes(personas, three_points) -> None:
    from tuwei.chains.services.scoring_results import session_result

    session = full_session(personas, three_points)
    scoring.session_close(actor=personas.officer, session=session)
    frozen = ScoringSession.objects.get(pk=session.pk)
    three_points[0].title = "改过的标题"
    three_points[0].save()
    PointScore.objects.filter(session=session).update(value=1)
    assert session_result(frozen)["points"][0]["title"] == "点位0"
    assert session_result(frozen)["topsis"] == frozen.result["topsis"]


def test_a_session_cannot_close_before_it_can_rank(personas, session) -> None:
    with translation.override("en"), pytest.raises(ScoringError) as caught:
        scoring.session_close(actor=personas.officer, session=session)
    assert caught.value.code == "not_ready"
    with translation.override("en"):
        assert "No rater has saved pairwise comparisons" in str(caught.value)
    assert ScoringSession.objects.get(pk=session.pk).status == "open"


def test_only_officers_close(personas, three_points) -> None:
    session = full_session(personas, three_points)
    with pytest.raises(ScoringError) as caught:
        scoring.session_close(actor=personas.expert, session=session)
    assert caught.value.code == "not_allowed"
