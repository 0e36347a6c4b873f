"""The scoring pages: who reaches which, the AHP grid and its live check, the score grid,
results, closing and comparing."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.accounts.factories import UserFactory
from tests.chains.factories_points import (
    PointFactory,
    consistent_upper,
    default_criteria,
    inconsistent_upper,
    make_session,
    score_all,
)
from tests.conftest import sign_in
from tuwei.accounts.roles import Role
from tuwei.chains.forms_scoring import saaty_code
from tuwei.chains.models import PairwiseJudgement, PointScore, ScoringSession
from tuwei.chains.services import scoring, scoring_ahp

READERS = {"officer", "bureau", "other_bureau", "leader"}


def english(user) -> Client:
    client = sign_in(Client(), user)
    client.cookies["tuwei_language"] = "en"
    return client


@pytest.fixture
def points(db):
    return [PointFactory(title=f"点位{i}") for i in range(3)]


@pytest.fixture
def session(personas, points):
    return make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.officer, personas.expert],
        criteria=default_criteria()[:4],
    )


def finish(personas, session: ScoringSession) -> ScoringSession:
    n = session.session_criteria.count()
    scoring_ahp.judgement_save(
        actor=personas.officer, session=session, comparisons=consistent_upper(range(n, 0, -1))
    )
    table = [[9, 5, 5, 4][:n], [5, 9, 5, 6][:n], [3, 3, 3, 3][:n]]
    score_all(session, personas.officer, table)
    return scoring.session_close(actor=personas.officer, session=session)


def grid_post(form_upper: dict[tuple[int, int], float]) -> dict[str, str]:
    return {f"p-{i}-{j}": saaty_code(value) for (i, j), value in form_upper.items()}


# --- who reaches what ---------------------------------------------------------------------------


def test_each_persona_gets_exactly_its_scoring_pages(personas, session) -> None:
    pages = {
        "/scoring/": READERS | {"expert"},
        "/scoring/new/": {"officer"},
        "/scoring/compare/": READERS | {"expert"},
        f"/scoring/{session.pk}/": READERS | {"expert"},
        f"/scoring/{session.pk}/ahp/": {"officer", "expert"},
        f"/scoring/{session.pk}/scores/": {"officer", "expert"},
        f"/scoring/{session.pk}/results/": READERS,  # the expert rater: once finished
    }
    for url, allowed in pages.items():
        for name, user in personas.all().items():
            status = sign_in(Client(), user).get(url).status_code
            assert status == (200 if name in allowed else 403), (name, url, status)


def test_a_visitor_is_sent_to_sign_in(session) -> None:
    for url in [
        "/scoring/",
        "/scoring/new/",
        "/scoring/compare/",
        f"/scoring/{session.pk}/",
        f"/scoring/{session.pk}/ahp/",
        f"/scoring/{session.pk}/scores/",
        f"/scoring/{session.pk}/results/",
    ]:
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = Client().post(f"/scoring/{session.pk}/close/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_expert_sees_only_the_sessions_they_rate(personas, points, session) -> None:
    other = make_session(officer=personas.officer, points=points, raters=[personas.officer])
    client = english(personas.expert)
    listed = [row["session"].pk for row in client.get("/scoring/").context["rows"]]
    assert listed == [session.pk]
    assert client.get(f"/scoring/{other.pk}/").status_code == 404
    assert client.get(f"/scoring/{other.pk}/ahp/").status_code == 404
    assert client.post(f"/scoring/{other.pk}/ahp/check/").status_code == 404


def test_an_expert_who_rates_nothing_is_refused(personas, session) -> None:
    stranger = UserFactory(roles=[Role.EXPERT])
    client = sign_in(Client(), stranger)
    assert client.get("/scoring/").status_code == 403
    assert client.get(f"/scoring/{session.pk}/").status_code == 403


def test_an_expert_rater_sees_results_once_finished(personas, session) -> None:
    client = english(personas.expert)
    assert client.get(f"/scoring/{session.pk}/results/").status_code == 403
    finish(personas, session)
    assert client.get(f"/scoring/{session.pk}/results/").status_code == 200


@pytest.mark.parametrize("name", ["bureau", "leader", "expert", "enterprise", "outsider"])
def test_only_officers_close_a_session(personas, session, name) -> None:
    response = sign_in(Client(), getattr(personas, name)).post(f"/scoring/{session.pk}/close/")
    assert response.status_code == 403
    assert ScoringSession.objects.get(pk=session.pk).status == "open"


def test_the_workbench_lists_sessions_waiting_for_the_rater(personas, session) -> None:
    label = "Scoring sessions waiting for your judgements"
    client = english(personas.expert)
    assert label in client.get("/").content.decode()
    scoring_ahp.judgement_save(
        actor=personas.expert, session=session, comparisons=consistent_upper([1, 1, 1, 1])
    )
    score_all(session, personas.expert, [[5] * 4] * 3)
    assert label not in client.get("/").content.decode()


# --- opening ------------------------------------------------------------------------------------


def test_the_new_session_form_preticks_the_default_criteria(personas, points) -> None:
    form = english(personas.officer).get("/scoring/new/").context["form"]
    assert set(form["criteria"].value()) == {c.pk for c in default_criteria()}


def test_the_officer_opens_a_session(personas, points) -> None:
    client = english(personas.officer)
    response = client.post(
        "/scoring/new/",
        {
            "title": "新评分会",
            "weight_method": "ahp",
            "scale": "saaty",
            "top_n": 2,
            "criteria": [c.pk for c in default_criteria()[:3]],
            "points": [p.pk for p in points],
            "raters": [personas.officer.pk, personas.expert.pk],
        },
    )
    session = ScoringSession.objects.get(title="新评分会")
    assert response["Location"] == f"/scoring/{session.pk}/"


def test_opening_errors_land_on_their_field(personas, points) -> None:
    response = english(personas.officer).post(
        "/scoring/new/",
        {
            "title": "x",
            "weight_method": "ahp",
            "scale": "saaty",
            "top_n": 9,
            "criteria": [c.pk for c in default_criteria()[:3]],
            "points": [p.pk for p in points],
            "raters": [personas.expert.pk],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["top_n"] == [
        "Top N must be between 1 and the number of points (3)."
    ]


# --- the AHP grid -------------------------------------------------------------------------------


def test_the_live_check_shows_cr_and_names_the_worst_pair(personas, session) -> None:
    upper = inconsistent_upper(4)
    response = english(personas.expert).post(
        f"/scoring/{session.pk}/ahp/check/", grid_post(upper), headers={"hx-request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and 'id="consistency"' in body
    assert 'id="cr-inline" class="muted" data-testid="cr-inline" hx-swap-oob="true"' in body
    from engine import mcda

    check = mcda.ahp_from_upper(4, upper)
    i, j = check.most_inconsistent_pair
    names = [row.criterion.name_en for row in scoring.session_criteria(session)]
    assert f"{check.cr:.3f}" in body
    assert 'data-testid="cr-warning"' in body
    assert f"comparison of {names[i]} with {names[j]}" in body
    assert f'data-bad-pair="{i}-{j}"' in body


def test_the_live_check_of_a_consistent_grid_has_no_warning(personas, session) -> None:
    response = english(personas.expert).post(
        f"/scoring/{session.pk}/ahp/check/", grid_post(consistent_upper([4, 3, 2, 1]))
    )
    body = response.content.decode()
    assert 'data-testid="cr-ok"' in body and 'data-testid="cr-warning"' not in body


def test_saving_an_inconsistent_grid_is_refused_and_keeps_the_choices(personas, session) -> None:
    upper = inconsistent_upper(4)
    response = english(personas.expert).post(f"/scoring/{session.pk}/ahp/", grid_post(upper))
    assert response.status_code == 200
    body = response.content.decode()
    assert "The comparisons are not consistent enough" in body
    form = response.context["form"]
    assert form["p-0-1"].value() == "9" and form["p-0-2"].value() == "1/9"
    assert not PairwiseJudgement.objects.exists()


def test_saving_a_consistent_grid_redirects_and_shows_it_again(personas, session) -> None:
    client = english(personas.expert)
    upper = consistent_upper([4, 3, 2, 1])
    response = client.post(f"/scoring/{session.pk}/ahp/", grid_post(upper))
    assert response.status_code == 302
    judgement = PairwiseJudgement.objects.get(rater=personas.expert)
    assert judgement.consistency_ratio < 0.1
    form = client.get(f"/scoring/{session.pk}/ahp/").context["form"]
    assert form["p-0-3"].value() == saaty_code(upper[(0, 3)])


def test_a_tampered_grid_value_is_refused(personas, session) -> None:
    data = grid_post(consistent_upper([1, 1, 1, 1])) | {"p-0-1": "12"}
    response = english(personas.expert).post(f"/scoring/{session.pk}/ahp/check/", data)
    assert 'data-testid="cr-error"' in response.content.decode()


# --- the score grid -----------------------------------------------------------------------------


def test_bad_scores_are_marked_per_cell_and_nothing_is_saved(personas, session, points) -> None:
    criteria = [row.criterion for row in scoring.session_criteria(session)]
    data = {f"s-{p.pk}-{c.pk}": "5" for p in points for c in criteria}
    data[f"s-{points[0].pk}-{criteria[1].pk}"] = "high"
    data[f"s-{points[2].pk}-{criteria[3].pk}"] = "11"
    response = english(personas.expert).post(f"/scoring/{session.pk}/scores/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"The score of 点位0 on {criteria[1].name_en} is not a number." in body
    assert f"The score of 点位2 on {criteria[3].name_en} must be between 1 and 9." in body
    assert 'value="high"' in body and 'value="11"' in body
    assert not PointScore.objects.exists()


def test_good_scores_are_saved(personas, session, points) -> None:
    criteria = [row.criterion for row in scoring.session_criteria(session)]
    data = {f"s-{p.pk}-{c.pk}": "6" for p in points[:2] for c in criteria}
    response = english(personas.expert).post(f"/scoring/{session.pk}/scores/", data, follow=True)
    assert "Your scores were saved: 2 of 3 points scored." in response.content.decode()
    assert PointScore.objects.filter(rater=personas.expert).count() == 8


# --- results, closing, comparing ----------------------------------------------------------------


def test_the_results_page_names_points_nobody_scored(personas, session) -> None:
    scoring_ahp.judgement_save(
        actor=personas.officer, session=session, comparisons=consistent_upper([4, 3, 2, 1])
    )
    score_all(session, personas.officer, [[5] * 4, [""] * 4, [6] * 4])
    body = english(personas.leader).get(f"/scoring/{session.pk}/results/").content.decode()
    assert 'data-testid="unscored"' in body and "点位1" in body
    assert 'data-testid="ranking-table"' not in body
    assert 'data-testid="weights-table"' in body


def test_the_results_page_shows_ranks_and_the_chart(personas, session) -> None:
    n = 4
    scoring_ahp.judgement_save(
        actor=personas.officer, session=session, comparisons=consistent_upper([4, 3, 2, 1])
    )
    score_all(session, personas.officer, [[9, 5, 5, 4][:n], [5, 9, 5, 6][:n], [3, 3, 3, 3][:n]])
    response = english(personas.officer).get(f"/scoring/{session.pk}/results/")
    body = response.content.decode()
    ranking = response.context["ranking"]
    assert [row["rank"] for row in ranking] == [1, 2, 3]
    assert ranking[-1]["title"] == "点位2"
    assert 'data-testid="combined-cr"' in body and 'data-testid="session-close"' in body
    options = json.loads(
        body.split('<script id="sensitivity-options" type="application/json">')[1].split(
            "</script>"
        )[0]
    )
    assert options["yAxis"]["inverse"] is True
    assert [item["value"] for item in options["series"][2]["data"]] == [1, 2, 3]


def test_closing_from_the_page_freezes_and_reports_a_refusal(personas, session) -> None:
    client = english(personas.officer)
    response = client.post(f"/scoring/{session.pk}/close/", follow=True)
    assert "The session cannot be finished yet" in response.content.decode()
    n = 4
    scoring_ahp.judgement_save(
        actor=personas.officer, session=session, comparisons=consistent_upper(range(n, 0, -1))
    )
    score_all(session, personas.officer, [[9, 5, 5, 4], [5, 9, 5, 6], [3, 3, 3, 3]])
    response = client.post(f"/scoring/{session.pk}/close/", follow=True)
    body = response.content.decode()
    assert 'data-testid="frozen"' in body and 'data-testid="session-close"' not in body
    detail = client.get(f"/scoring/{session.pk}/").content.decode()
    assert 'data-testid="enter-scores"' not in detail
    response = client.post(f"/scoring/{session.pk}/scores/", {}, follow=True)
    assert "This scoring session is finished" in response.content.decode()


def test_the_sessions_list_shows_each_finished_sessions_top_points(personas, session) -> None:
    finish(personas, session)
    body = english(personas.leader).get("/scoring/").content.decode()
    top = body.split(f'data-testid="session-top-{session.pk}">')[1].split("</td>")[0]
    assert top.index("点位0") < top.index("点位1") < top.index("点位2")


def test_the_comparison_puts_shared_points_side_by_side(personas, points) -> None:
    extra = PointFactory(title="只在第二场")
    first = make_session(
        officer=personas.officer, points=points, raters=[personas.officer], title="第一场"
    )
    second = make_session(
        officer=personas.officer,
        points=[*points, extra],
        raters=[personas.officer],
        criteria=default_criteria()[:3],
        title="第二场",
    )
    first = finish(personas, first)
    scoring_ahp.judgement_save(
        actor=personas.officer, session=second, comparisons=consistent_upper([1, 2, 3])
    )
    score_all(second, personas.officer, [[3, 3, 3], [5, 9, 5], [9, 5, 5], [1, 1, 1]])
    scoring.session_close(actor=personas.officer, session=second)

    client = english(personas.bureau)
    response = client.get(f"/scoring/compare/?sessions={first.pk}&sessions={second.pk}")
    table = response.context["table"]
    assert [s.pk for s in table["sessions"]] == [first.pk, second.pk]
    ranks = {row["title"]: [cell["rank"] for cell in row["cells"]] for row in table["rows"]}
    first_ranks = dict(
        zip(
            [p["title"] for p in first.result["points"]],
            first.result["topsis"]["ranks"],
            strict=True,
        )
    )
    second_result = ScoringSession.objects.get(pk=second.pk).result
    second_ranks = dict(
        zip(
            [p["title"] for p in second_result["points"]],
            second_result["topsis"]["ranks"],
            strict=True,
        )
    )
    assert ranks == {t: [first_ranks[t], second_ranks[t]] for t in ("点位0", "点位1", "点位2")}
    assert table["not_shared"] == 1
    assert "只在第二场" not in response.content.decode().split('data-testid="compare-table"')[1]


def test_the_comparison_needs_two_finished_sessions(personas, session) -> None:
    finish(personas, session)
    response = english(personas.officer).get(f"/scoring/compare/?sessions={session.pk}")
    assert "Choose at least two sessions to compare." in response.content.decode()
    assert response.context["table"] is None


def test_direct_weights_are_entered_on_their_page(personas, points) -> None:
    session = make_session(
        officer=personas.officer,
        points=points,
        raters=[personas.expert],
        weight_method=ScoringSession.WeightMethod.DIRECT,
    )
    rows = scoring.session_criteria(session)
    client = english(personas.officer)
    bad = {f"w-{r.criterion_id}": "1" for r in rows} | {f"w-{rows[0].criterion_id}": "-2"}
    response = client.post(f"/scoring/{session.pk}/weights/", bad)
    assert (
        f"The weight of {rows[0].criterion.name_en} must be a positive number."
        in response.content.decode()
    )
    good = {f"w-{r.criterion_id}": "1" for r in rows}
    assert client.post(f"/scoring/{session.pk}/weights/", good).status_code == 302
    assert (
        sign_in(Client(), personas.leader).get(f"/scoring/{session.pk}/weights/").status_code == 403
    )
    ahp = make_session(officer=personas.officer, points=points, raters=[personas.expert])
    assert client.get(f"/scoring/{ahp.pk}/weights/").status_code == 404
