"""The create/edit page with its two tables: validation, and nothing half-saved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.challenges.conftest import english
from tuwei.challenges.models import Challenge, Indicator, Milestone

S = Challenge.Status


def post_data(**overrides):
    deadline = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "title": "兆瓦级铁铬液流电池储能示范",
        "problem": "电堆功率密度低。",
        "deliverables": "储能系统一套。",
        "acceptance": "并网运行一年。",
        "gov_funding": "20000000",
        "enterprise_funding": "80000000",
        "duration_months": "36",
        "deadline": deadline,
        "max_winners": "1",
        "consortium_allowed": "on",
        "contact_name": "王工",
        "contact_phone": "0475-1234567",
        "ind-TOTAL_FORMS": "2",
        "ind-INITIAL_FORMS": "0",
        "ind-0-name": "系统效率",
        "ind-0-comparator": "gte",
        "ind-0-target": "75",
        "ind-0-unit": "%",
        "ind-1-name": "",
        "ind-1-comparator": "gte",
        "ind-1-target": "",
        "ms-TOTAL_FORMS": "1",
        "ms-INITIAL_FORMS": "0",
        "ms-0-title": "完成中试",
        "ms-0-month_offset": "12",
    }
    data.update(overrides)
    return data


def test_an_enterprise_creates_and_submits_in_one_go(personas, program):
    client = english(personas.enterprise)
    response = client.post("/challenges/new/", post_data(submit="1"))
    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert challenge.status == S.SUBMITTED and challenge.owner == personas.company
    assert list(challenge.indicators.values_list("name", flat=True)) == ["系统效率"]
    assert challenge.milestones.get().month_offset == 12


def test_a_saved_draft_keeps_the_deadline_in_beijing_time(personas, program):
    english(personas.enterprise).post("/challenges/new/", post_data(deadline="2031-07-01T17:00"))
    deadline = Challenge.objects.get().deadline
    assert deadline.isoformat() == "2031-07-01T09:00:00+00:00"
    page = english(personas.enterprise).get(f"/challenges/{Challenge.objects.get().pk}/edit/")
    assert 'value="2031-07-01T17:00"' in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ind-0-target": "很多"}, "target", "Enter a number."),
        ({"ms-0-month_offset": "十二"}, "month_offset", "Enter a whole number."),
        ({"ms-0-month_offset": "0"}, "month_offset", "greater than or equal to 1"),
        ({"gov_funding": "-5"}, "gov_funding", "greater than or equal to 0"),
        ({"enterprise_funding": "abc"}, "enterprise_funding", "Enter a number."),
        ({"max_winners": "0"}, "max_winners", "greater than or equal to 1"),
        ({"deadline": "next week"}, "deadline", "Enter a valid date/time."),
        ({"title": ""}, "title", "This field is required."),
        ({"ind-0-name": ""}, "name", "This field is required."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(personas, program, changes, field, message):
    response = english(personas.enterprise).post(
        "/challenges/new/", post_data(submit="1", **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Challenge.objects.exists()
    assert not Indicator.objects.exists() and not Milestone.objects.exists()
    assert 'value="兆瓦级铁铬液流电池储能示范"' in response.content.decode() or field == "title"


def test_a_past_deadline_refuses_the_submission_and_saves_nothing(personas, program):
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = english(personas.enterprise).post(
        "/challenges/new/", post_data(deadline=past, submit="1")
    )
    assert response.status_code == 200
    assert "The application deadline must lie in the future." in response.content.decode()
    assert not Challenge.objects.exists() and not Indicator.objects.exists()


def test_a_refused_resubmission_leaves_the_returned_challenge_as_it_was(personas, make):
    challenge = make(status=S.RETURNED, title="原标题")
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = english(personas.enterprise).post(
        f"/challenges/{challenge.pk}/edit/",
        post_data(title="新标题", deadline=past, submit="1", **{"ind-0-name": "新指标"}),
    )
    assert response.status_code == 200
    challenge.refresh_from_db()
    assert challenge.title == "原标题" and challenge.status == S.RETURNED
    assert list(challenge.indicators.values_list("name", flat=True)) == ["产品纯度"]


def test_rows_are_replaced_and_ticked_rows_deleted(personas, make):
    challenge = make()
    data = post_data(
        **{
            "ind-TOTAL_FORMS": "2",
            "ind-1-name": "循环寿命",
            "ind-1-target": "10000",
            "ind-1-comparator": "gte",
            "ind-1-DELETE": "on",
        }
    )
    english(personas.enterprise).post(f"/challenges/{challenge.pk}/edit/", data)
    assert list(challenge.indicators.values_list("name", flat=True)) == ["系统效率"]


def test_the_edit_page_is_refused_once_submitted(personas, make):
    challenge = make(status=S.SUBMITTED)
    response = english(personas.enterprise).get(f"/challenges/{challenge.pk}/edit/")
    assert response.status_code == 302


def test_an_officer_edits_while_vetting_and_the_owner_field_is_offered(personas, make):
    challenge = make(status=S.SUBMITTED)
    client = english(personas.officer)
    page = client.get(f"/challenges/{challenge.pk}/edit/")
    assert 'name="owner"' in page.content.decode()
    assert "Save and submit" not in page.content.decode()
    client.post(
        f"/challenges/{challenge.pk}/edit/",
        post_data(
            owner=str(personas.company.pk), region=str(personas.home_region.pk), title="改后"
        ),
    )
    challenge.refresh_from_db()
    assert challenge.title == "改后" and challenge.status == S.SUBMITTED


def test_a_bureau_chooses_among_organisations_of_its_region(personas, program):
    page = english(personas.bureau).get("/challenges/new/")
    options = page.context["form"].fields["owner"].queryset
    assert personas.company in options and personas.other_company not in options
    assert "region" not in page.context["form"].fields


def test_the_form_script_is_a_static_file(personas, program):
    body = english(personas.enterprise).get("/challenges/new/").content.decode()
    assert "js/challenges.js" in body and "<script>" not in body
    assert 'data-add-row="ind"' in body and "__prefix__" in body
