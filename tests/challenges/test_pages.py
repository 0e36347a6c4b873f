"""The signed-in pages drive the moves; the workbench and navigation show the work."""

from __future__ import annotations

from tests.chains.factories import ChainNodeFactory
from tests.challenges.conftest import english
from tuwei.chains.models import ChallengeDraft, Point
from tuwei.challenges.models import Challenge

S = Challenge.Status


def test_the_officer_vets_and_publishes_through_the_pages(personas, make):
    challenge = make(status=S.SUBMITTED)
    client = english(personas.officer)
    detail = client.get(f"/challenges/{challenge.pk}/")
    assert detail.context["actions"]["vet"] and detail.context["actions"]["return"]
    client.post(f"/challenges/{challenge.pk}/vet/")
    response = client.post(f"/challenges/{challenge.pk}/publish/", follow=True)
    assert "The challenge is published on the board." in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == S.PUBLISHED


def test_a_return_without_reason_is_refused_with_a_message(personas, make):
    challenge = make(status=S.SUBMITTED)
    response = english(personas.officer).post(
        f"/challenges/{challenge.pk}/return/", {"reason": " "}, follow=True
    )
    assert "Please give a reason." in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == S.SUBMITTED


def test_the_owner_sees_the_return_reason_and_resubmits(personas, make):
    challenge = make(status=S.SUBMITTED)
    english(personas.officer).post(f"/challenges/{challenge.pk}/return/", {"reason": "补充指标"})
    client = english(personas.enterprise)
    page = client.get(f"/challenges/{challenge.pk}/").content.decode()
    assert "补充指标" in page
    client.post(f"/challenges/{challenge.pk}/submit/")
    challenge.refresh_from_db()
    assert challenge.status == S.SUBMITTED


def test_merging_by_number_through_the_page(personas, make):
    keep, duplicate = make(status=S.PUBLISHED), make(status=S.SUBMITTED)
    client = english(personas.officer)
    response = client.post(f"/challenges/{duplicate.pk}/merge/", {"into": 999999}, follow=True)
    assert "There is no challenge #999999" in response.content.decode()
    client.post(f"/challenges/{duplicate.pk}/merge/", {"into": keep.pk, "reason": "重复"})
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    page = client.get(f"/challenges/{keep.pk}/").content.decode()
    assert f"#{duplicate.pk}" in page


def test_the_workbench_lists_the_challenge_work_of_each_persona(personas, make):
    make(status=S.SUBMITTED)
    make(status=S.VETTED)
    make(status=S.RETURNED)
    officer = english(personas.officer).get("/")
    labels = {str(todo.label): todo.count for todo in officer.context["todos"]}
    assert labels["Challenges to vet"] == 1 and labels["Vetted challenges to publish"] == 1
    for name in ("enterprise", "bureau"):
        todos = english(getattr(personas, name)).get("/").context["todos"]
        assert {str(t.label): t.count for t in todos}["Returned challenges"] == 1, name
    for name in ("other_enterprise", "other_bureau", "outsider"):
        todos = english(getattr(personas, name)).get("/").context["todos"]
        assert not any("challenge" in str(t.label).lower() for t in todos), name


def test_navigation_by_role(personas, program):
    def nav(name):
        return {
            str(item["label"])
            for item in english(getattr(personas, name)).get("/").context["nav_items"]
        }

    assert {"Challenges", "Vetting queue", "Challenge board"} <= nav("officer")
    assert "Challenges" in nav("enterprise") and "Vetting queue" not in nav("enterprise")
    assert "Challenges" not in nav("outsider") and "Challenge board" in nav("outsider")


def test_an_officer_makes_a_challenge_from_a_point_draft(personas, program):
    node = ChainNodeFactory()
    point = Point.objects.create(
        node=node, title="点位", problem="问题", advantage="优势", owner=personas.officer
    )
    draft = ChallengeDraft.objects.create(
        point=point,
        title="来自点位的榜单",
        problem="点位问题",
        node=node,
        created_by=personas.officer,
    )
    client = english(personas.officer)
    queue = client.get("/challenges/vetting/").content.decode()
    assert f"?draft={draft.pk}" in queue
    page = client.get(f"/challenges/new/?draft={draft.pk}")
    assert page.context["form"].initial["title"] == "来自点位的榜单"
    assert english(personas.enterprise).get(f"/challenges/new/?draft={draft.pk}").status_code == 404
