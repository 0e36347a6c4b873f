"""The deadline holds to the second, with or without the closing job; the award."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from tests.challenges.conftest import english
from tuwei.challenges import search, services
from tuwei.challenges.models import Challenge
from tuwei.challenges.services import ChallengesError
from tuwei.core.models import AuditEntry

S = Challenge.Status
DEADLINE = datetime(2031, 3, 15, 17, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def live(make):
    with time_machine.travel(DEADLINE - timedelta(days=10), tick=False):
        return make(status=S.PUBLISHED, deadline=DEADLINE, title="液流电池储能示范")


def on_board(challenge) -> bool:
    return challenge.title in english().get("/board/").content.decode()


class TestDeadline:
    def test_open_one_second_before_the_deadline(self, live):
        with time_machine.travel(DEADLINE - timedelta(seconds=1), tick=False):
            assert live.is_open() and live.public_status() == S.PUBLISHED
            assert services.challenge_close_due() == 0
            assert on_board(live)
            assert search.search("液流", facets=[search.OPEN]).ids() == [live.pk]

    def test_closed_one_second_after_even_before_the_job_runs(self, live):
        with time_machine.travel(DEADLINE + timedelta(seconds=1), tick=False):
            live.refresh_from_db()
            assert live.status == S.PUBLISHED  # the job has not run
            assert not live.is_open() and live.public_status() == S.CLOSED
            assert not on_board(live)  # the board lists open challenges by default
            page = english().get("/board/", {"status": "closed"}).content.decode()
            assert live.title in page
            response = english().get(f"/board/{live.pk}/")
            assert "Applications are closed." in response.content.decode()
            assert english().get("/board/open.json").json()["challenges"] == []
            # the search index still calls it open; the board search takes it out exactly
            assert english().get("/board/", {"q": "液流"}).context["page"].paginator.count == 0

    def test_the_job_closes_it_once_and_audits_it(self, live):
        with time_machine.travel(DEADLINE + timedelta(seconds=1), tick=False):
            call_command("close_due_challenges")
            assert services.challenge_close_due() == 0  # idempotent
        live.refresh_from_db()
        assert live.status == S.CLOSED and live.closed_at == DEADLINE
        entry = AuditEntry.objects.get(action="challenges.challenge.close")
        assert entry.actor is None
        assert datetime.fromisoformat(entry.data["deadline"]) == DEADLINE
        assert search.search("液流", facets=[search.OPEN]).ids() == []
        assert search.search("液流", facets=[search.PUBLIC]).ids() == [live.pk]

    def test_the_task_closes_due_challenges(self, live):
        from tuwei.challenges.tasks import close_due_challenges

        with time_machine.travel(DEADLINE + timedelta(minutes=5), tick=False):
            close_due_challenges.enqueue()
        live.refresh_from_db()
        assert live.status == S.CLOSED


class TestAward:
    def test_a_closed_challenge_is_awarded(self, make, personas):
        challenge = services.challenge_award(
            actor=personas.officer, challenge=make(status=S.CLOSED)
        )
        assert challenge.status == S.AWARDED
        assert AuditEntry.objects.filter(action="challenges.challenge.award").exists()

    def test_a_published_one_past_its_deadline_counts_as_closed(self, make, personas):
        challenge = make(status=S.PUBLISHED, deadline=DEADLINE)
        with time_machine.travel(DEADLINE + timedelta(seconds=1), tick=False):
            assert (
                services.challenge_award(actor=personas.officer, challenge=challenge).status
                == S.AWARDED
            )

    def test_an_open_challenge_cannot_be_awarded(self, make, personas):
        challenge = make(status=S.PUBLISHED, deadline=DEADLINE)
        with (
            time_machine.travel(DEADLINE - timedelta(seconds=1), tick=False),
            pytest.raises(ChallengesError) as error,
        ):
            services.challenge_award(actor=personas.officer, challenge=challenge)
        assert error.value.code == "wrong_status"

    def test_only_officers_award(self, make, personas):
        with pytest.raises(ChallengesError):
            services.challenge_award(actor=personas.enterprise, challenge=make(status=S.CLOSED))
