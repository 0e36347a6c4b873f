"""The officer's moves: return, vet, publish, merge; and who may not make them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tuwei.challenges import services
from tuwei.challenges.models import Challenge
from tuwei.challenges.services import ChallengesError
from tuwei.core.models import AuditEntry, Notification

S = Challenge.Status
NOT_OFFICERS = ["enterprise", "bureau", "leader", "outsider", "sysadmin"]


class TestReturn:
    @pytest.mark.parametrize("status", [S.SUBMITTED, S.VETTED])
    def test_an_officer_returns_with_reasons_and_the_owner_hears(self, make, personas, status):
        challenge = services.challenge_return(
            actor=personas.officer, challenge=make(status=status), reason="请补充验收标准"
        )
        assert challenge.status == S.RETURNED and challenge.return_reason == "请补充验收标准"
        note = Notification.objects.get(
            recipient=personas.enterprise, verb="challenges.challenge.returned"
        )
        assert note.params["reason"] == "请补充验收标准"
        assert note.url == f"/challenges/{challenge.pk}/"
        assert AuditEntry.objects.get(action="challenges.challenge.return").data == {
            "reason": "请补充验收标准"
        }

    def test_a_reason_is_required(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_return(
                actor=personas.officer, challenge=make(status=S.SUBMITTED), reason=""
            )
        assert error.value.code == "reason_required"

    @pytest.mark.parametrize("status", [S.DRAFT, S.PUBLISHED, S.RETURNED])
    def test_only_submitted_or_vetted_ones_go_back(self, make, personas, status):
        with pytest.raises(ChallengesError) as error:
            services.challenge_return(
                actor=personas.officer, challenge=make(status=status), reason="x"
            )
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("name", NOT_OFFICERS)
    def test_only_officers_return(self, make, personas, name):
        with pytest.raises(ChallengesError) as error:
            services.challenge_return(
                actor=getattr(personas, name), challenge=make(status=S.SUBMITTED), reason="x"
            )
        assert error.value.code == "not_allowed"


class TestVet:
    def test_an_officer_vets_a_submitted_challenge(self, make, personas):
        challenge = services.challenge_vet(
            actor=personas.officer, challenge=make(status=S.SUBMITTED)
        )
        assert challenge.status == S.VETTED
        assert AuditEntry.objects.filter(action="challenges.challenge.vet").count() == 1

    @pytest.mark.parametrize("status", [S.DRAFT, S.RETURNED, S.VETTED, S.PUBLISHED])
    def test_only_submitted_ones_are_vetted(self, make, personas, status):
        with pytest.raises(ChallengesError) as error:
            services.challenge_vet(actor=personas.officer, challenge=make(status=status))
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("name", NOT_OFFICERS)
    def test_only_officers_vet(self, make, personas, name):
        with pytest.raises(ChallengesError):
            services.challenge_vet(
                actor=getattr(personas, name), challenge=make(status=S.SUBMITTED)
            )


class TestPublish:
    def test_an_officer_publishes_and_the_owner_hears(self, make, personas):
        challenge = services.challenge_publish(
            actor=personas.officer, challenge=make(status=S.VETTED)
        )
        assert challenge.status == S.PUBLISHED and challenge.published_at is not None
        assert challenge.is_open()
        assert Notification.objects.filter(
            recipient=personas.enterprise, verb="challenges.challenge.published"
        ).exists()

    def test_a_deadline_that_has_passed_stops_publication(self, make, personas):
        challenge = make(status=S.VETTED, deadline=timezone.now() - timedelta(minutes=1))
        with pytest.raises(ChallengesError) as error:
            services.challenge_publish(actor=personas.officer, challenge=challenge)
        assert error.value.code == "deadline_past"
        challenge.refresh_from_db()
        assert challenge.status == S.VETTED

    @pytest.mark.parametrize("status", [S.SUBMITTED, S.DRAFT, S.PUBLISHED])
    def test_only_vetted_ones_are_published(self, make, personas, status):
        with pytest.raises(ChallengesError) as error:
            services.challenge_publish(actor=personas.officer, challenge=make(status=status))
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("name", NOT_OFFICERS)
    def test_only_officers_publish(self, make, personas, name):
        with pytest.raises(ChallengesError):
            services.challenge_publish(
                actor=getattr(personas, name), challenge=make(status=S.VETTED)
            )


class TestMerge:
    def test_a_duplicate_is_withdrawn_as_merged_with_the_link_kept(self, make, personas):
        keep, duplicate = make(status=S.PUBLISHED), make(status=S.SUBMITTED)
        merged = services.challenge_merge(
            actor=personas.officer, duplicate=duplicate, into=keep, reason="同一需求"
        )
        assert merged.status == S.WITHDRAWN and merged.merged_into == keep
        # stored once, in the site's language, whoever reads it later
        with translation.override("zh-hans"):
            stated = translation.gettext("Merged into #%(id)s") % {"id": keep.pk}
        assert merged.withdraw_reason == f"{stated}: 同一需求"
        assert list(keep.merged_duplicates.all()) == [merged]
        assert AuditEntry.objects.get(action="challenges.challenge.merge").data["into"] == keep.pk
        assert AuditEntry.objects.get(action="challenges.challenge.absorb").object_id == str(
            keep.pk
        )
        assert Notification.objects.filter(verb="challenges.challenge.withdrawn").exists()

    def test_not_into_itself(self, make, personas):
        challenge = make(status=S.SUBMITTED)
        with pytest.raises(ChallengesError) as error:
            services.challenge_merge(actor=personas.officer, duplicate=challenge, into=challenge)
        assert error.value.code == "merge_into_itself"

    def test_not_into_a_withdrawn_one(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_merge(
                actor=personas.officer,
                duplicate=make(status=S.SUBMITTED),
                into=make(status=S.WITHDRAWN),
            )
        assert error.value.code == "merge_target_withdrawn"

    def test_not_once_awarded(self, make, personas):
        with pytest.raises(ChallengesError) as error:
            services.challenge_merge(
                actor=personas.officer,
                duplicate=make(status=S.AWARDED),
                into=make(status=S.PUBLISHED),
            )
        assert error.value.code == "wrong_status"

    @pytest.mark.parametrize("name", NOT_OFFICERS)
    def test_only_officers_merge(self, make, personas, name):
        with pytest.raises(ChallengesError):
            services.challenge_merge(
                actor=getattr(personas, name), duplicate=make(status=S.SUBMITTED), into=make()
            )
