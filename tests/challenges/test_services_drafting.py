"""Creating, editing, submitting and withdrawing a challenge: every move and its refusals."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.chains.factories import ChainNodeFactory
from tuwei.chains.models import ChallengeDraft, Point
from tuwei.challenges import services
from tuwei.challenges.models import Challenge
from tuwei.challenges.services import ChallengesError
from tuwei.core.models import AuditEntry, Notification
from tuwei.programs.models import Program

S = Challenge.Status


def fields(**extra):
    data = {
        "title": "兆瓦级铁铬液流电池储能示范",
        "problem": "电堆功率密度低，容量衰减快。",
        "deliverables": "储能系统一套。",
        "acceptance": "并网运行一年。",
        "gov_funding": Decimal("20000000"),
        "enterprise_funding": Decimal("80000000"),
        "duration_months": 36,
        "deadline": timezone.now() + timedelta(days=30),
        "contact_name": "王工",
        "contact_phone": "0475-1234567",
    }
    data.update(extra)
    return data


INDICATORS = [
    {
        "name": "系统效率",
        "comparator": "gte",
        "target": Decimal("75"),
        "unit": "%",
        "verification": "第三方检测",
    }
]
MILESTONES = [{"title": "完成中试", "month_offset": 12, "deliverable": "中试报告"}]


def actions(challenge):
    return list(
        AuditEntry.objects.filter(object_id=str(challenge.pk), object_type="challenges.challenge")
        .order_by("seq")
        .values_list("action", flat=True)
    )


class TestCreate:
    def test_it_creates_a_draft_of_the_enterprise_own_organisation(self, personas, program):
        challenge = services.challenge_create(
            actor=personas.enterprise,
            data=fields(owner=personas.other_company),
            indicators=INDICATORS,
            milestones=MILESTONES,
        )
        assert challenge.status == S.DRAFT
        assert challenge.owner == personas.company  # not the one asked for
        assert challenge.region == personas.company.region
        assert challenge.program == program
        assert challenge.indicators.count() == 1 and challenge.milestones.count() == 1
        assert actions(challenge) == ["challenges.challenge.create"]

    def test_a_bureau_proposes_for_an_organisation_of_its_region(self, personas, program):
        challenge = services.challenge_create(
            actor=personas.bureau, data=fields(owner=personas.company)
        )
        assert challenge.region == personas.home_region

    def test_a_bureau_cannot_propose_for_another_region(self, personas, program):
        with pytest.raises(ChallengesError) as error:
            services.challenge_create(
                actor=personas.bureau, data=fields(owner=personas.other_company)
            )
        assert error.value.code == "owner_out_of_region"
        assert not Challenge.objects.exists()

    @pytest.mark.parametrize("name", ["outsider", "team_lead", "expert", "leader", "auditor"])
    def test_others_cannot_create(self, personas, program, name):
        with pytest.raises(ChallengesError) as error:
            services.challenge_create(actor=getattr(personas, name), data=fields())
        assert error.value.code == "not_allowed"

    def test_it_needs_a_current_program(self, personas, program):
        Program.objects.update(is_current=False)
        with pytest.raises(ChallengesError) as error:
            services.challenge_create(actor=personas.enterprise, data=fields())
        assert error.value.code == "no_program"

    def test_it_refuses_negative_funding_and_saves_nothing(self, personas, program):
        with pytest.raises(ValidationError):
            services.challenge_create(
                actor=personas.enterprise, data=fields(gov_funding=Decimal("-1"))
            )
        assert not Challenge.objects.exists()

    def test_it_refuses_a_race_of_zero_winners(self, personas, program):
        with pytest.raises(ValidationError):
            services.challenge_create(actor=personas.enterprise, data=fields(max_winners=0))

    def test_an_officer_takes_over_a_point_draft(self, personas, program):
        node = ChainNodeFactory()
        point = Point.objects.create(
            node=node, title="点位", problem="问题", advantage="优势", owner=personas.officer
        )
        draft = ChallengeDraft.objects.create(
            point=point, title="点位榜单", problem="问题", node=node, created_by=personas.officer
        )
        challenge = services.challenge_create(
            actor=personas.officer,
            data=fields(owner=personas.company, node=node),
            source_draft=draft,
        )
        draft.refresh_from_db()
        assert draft.consumed_at is not None
        assert challenge.source_draft == draft and challenge.owner == personas.company
        with pytest.raises(ChallengesError) as error:
            services.challenge_create(
                actor=personas.officer, data=fields(owner=personas.company), source_draft=draft
            )
        assert error.value.code == "draft_taken"
        assert Challenge.objects.count() == 1


class TestUpdate:
    def test_the_proposer_edits_a_draft_with_a_diff_in_the_audit(self, make, personas):
        challenge = make()
        services.challenge_update(
            actor=personas.enterprise,
            challenge=challenge,
            changes={"title": "新标题", "max_winners": 2},
            indicators=INDICATORS,
        )
        entry = AuditEntry.objects.get(action="challenges.challenge.update")
        assert entry.data["title"][1] == "新标题"
        assert entry.data["max_winners"] == [1, 2]
        assert "indicators" in entry.data

    def test_the_proposer_cannot_edit_once_submitted(self, make, personas):
        challenge = make(status=S.SUBMITTED)
        with pytest.raises(ChallengesError) as error:
            services.challenge_update(
                actor=personas.enterprise, challenge=challenge, changes={"title": "x"}
            )
        assert error.value.code == "wrong_status"

    def test_an_officer_edits_while_vetting_audited_as_edit(self, make, personas):
        challenge = make(status=S.SUBMITTED)
        services.challenge_update(
            actor=personas.officer, challenge=challenge, changes={"gov_funding": Decimal("100")}
        )
        entry = AuditEntry.objects.get(action="challenges.challenge.edit")
        assert entry.actor == personas.officer
        assert entry.data == {"gov_funding": ["3000000", "100"]}

    def test_an_officer_cannot_edit_a_published_challenge(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_update(
                actor=personas.officer, challenge=make(status=S.PUBLISHED), changes={"title": "x"}
            )
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("name", ["other_enterprise", "other_bureau", "outsider", "leader"])
    def test_others_cannot_edit(self, make, personas, name):
        with pytest.raises(ChallengesError) as error:
            services.challenge_update(
                actor=getattr(personas, name), challenge=make(), changes={"title": "x"}
            )
        assert error.value.code == "not_allowed"

    def test_an_enterprise_cannot_give_its_challenge_away(self, make, personas):
        challenge = make()
        services.challenge_update(
            actor=personas.enterprise,
            challenge=challenge,
            changes={"owner": personas.other_company},
        )
        challenge.refresh_from_db()
        assert challenge.owner == personas.company


class TestSubmit:
    def test_the_owner_submits_and_officers_hear_of_it(self, make, personas):
        challenge = services.challenge_submit(actor=personas.enterprise, challenge=make())
        assert challenge.status == S.SUBMITTED and challenge.submitted_at is not None
        assert Notification.objects.filter(
            recipient=personas.officer, verb="challenges.challenge.submitted"
        ).exists()
        assert actions(challenge)[-1] == "challenges.challenge.submit"

    def test_the_bureau_of_the_region_submits(self, make, personas):
        challenge = services.challenge_submit(actor=personas.bureau, challenge=make())
        assert challenge.status == S.SUBMITTED

    @pytest.mark.parametrize("name", ["other_bureau", "other_enterprise", "officer", "outsider"])
    def test_others_cannot_submit(self, make, personas, name):
        with pytest.raises(ChallengesError) as error:
            services.challenge_submit(actor=getattr(personas, name), challenge=make())
        assert error.value.code == "not_allowed"

    def test_it_refuses_an_incomplete_challenge_and_names_what_is_missing(self, make, personas):
        challenge = make(problem="", tables=False)
        with pytest.raises(ChallengesError) as error:
            services.challenge_submit(actor=personas.enterprise, challenge=challenge)
        assert error.value.code == "incomplete"
        assert "problem statement" in str(error.value)
        assert "technical indicators" in str(error.value)
        challenge.refresh_from_db()
        assert challenge.status == S.DRAFT

    def test_it_refuses_a_deadline_in_the_past(self, make, personas):
        challenge = make(deadline=timezone.now() - timedelta(seconds=1))
        with pytest.raises(ChallengesError) as error:
            services.challenge_submit(actor=personas.enterprise, challenge=challenge)
        assert error.value.code == "deadline_past"
        assert str(error.value) == str(ChallengesError.DEADLINE_PAST)

    def test_it_refuses_a_milestone_after_the_duration(self, make, personas):
        challenge = make(duration_months=3)
        with pytest.raises(ChallengesError) as error:
            services.challenge_submit(actor=personas.enterprise, challenge=challenge)
        assert error.value.code == "milestone_beyond_duration"

    def test_a_returned_challenge_is_resubmitted(self, make, personas):
        challenge = services.challenge_submit(
            actor=personas.enterprise, challenge=make(status=S.RETURNED)
        )
        assert challenge.status == S.SUBMITTED
        assert AuditEntry.objects.get(action="challenges.challenge.submit").data == {
            "resubmitted": True
        }

    @pytest.mark.parametrize("status", [S.SUBMITTED, S.VETTED, S.PUBLISHED, S.WITHDRAWN])
    def test_it_cannot_be_submitted_twice_or_later(self, make, personas, status):
        with pytest.raises(ChallengesError) as error:
            services.challenge_submit(actor=personas.enterprise, challenge=make(status=status))
        assert error.value.code == "wrong_status"


class TestWithdraw:
    @pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.VETTED])
    def test_the_proposer_withdraws_before_publication(self, make, personas, status):
        challenge = services.challenge_withdraw(
            actor=personas.enterprise, challenge=make(status=status), reason="方向调整"
        )
        assert challenge.status == S.WITHDRAWN and challenge.withdraw_reason == "方向调整"

    def test_the_proposer_cannot_withdraw_after_publication(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_withdraw(
                actor=personas.enterprise, challenge=make(status=S.PUBLISHED), reason="x"
            )
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("status", [S.PUBLISHED, S.CLOSED, S.SUBMITTED])
    def test_an_officer_withdraws_until_the_award_and_tells_the_owner(self, make, personas, status):
        challenge = services.challenge_withdraw(
            actor=personas.officer, challenge=make(status=status), reason="资金调整"
        )
        assert challenge.status == S.WITHDRAWN
        assert Notification.objects.filter(
            recipient=personas.enterprise, verb="challenges.challenge.withdrawn"
        ).exists()

    def test_no_one_withdraws_an_awarded_challenge(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_withdraw(
                actor=personas.officer, challenge=make(status=S.AWARDED), reason="x"
            )
        assert error.value.code == "wrong_status"

    def test_a_reason_is_required(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_withdraw(actor=personas.enterprise, challenge=make(), reason="  ")
        assert error.value.code == "reason_required"

    def test_another_enterprise_cannot_withdraw(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_withdraw(
                actor=personas.other_enterprise, challenge=make(), reason="x"
            )
        assert error.value.code == "not_allowed"
