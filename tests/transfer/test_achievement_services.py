"""Achievement services: content rules (owners' shares), the workflow and who may move it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.transfer.factories import AchievementFactory
from tuwei.core.models import AuditEntry, Notification
from tuwei.transfer.errors import TransferError
from tuwei.transfer.models import Achievement, ConfidentialDetail
from tuwei.transfer.services import achievement_moves as moves
from tuwei.transfer.services.achievements import (
    OwnerShare,
    achievement_create,
    achievement_update,
)

VALUES = {
    "kind": Achievement.Kind.NEW_PROCESS,
    "title": "费托合成α-烯烃分离提纯工艺",
    "summary": "千吨级费托合成α-烯烃分离提纯成套工艺。",
    "trl": 7,
    "visibility": Achievement.Visibility.PUBLIC,
}


def create(personas, actor=None, owners=None, **values):
    return achievement_create(
        actor=actor or personas.enterprise,
        values={**VALUES, **values},
        owners=owners or [OwnerShare(personas.company, Decimal(100))],
        confidential_detail="精馏塔板数与回流比",
    )


def test_it_creates_a_draft_owned_by_the_enterprise(personas) -> None:
    achievement = create(personas)
    assert achievement.status == Achievement.Status.DRAFT
    assert achievement.region == personas.company.region
    assert ConfidentialDetail.objects.get(achievement=achievement).text == "精馏塔板数与回流比"
    assert "精馏塔板数" not in achievement.search_document
    assert AuditEntry.objects.filter(action="transfer.achievement.create").count() == 1


@pytest.mark.parametrize("shares", [(60, 30), (60, 50), (100, Decimal("0.01"))])
def test_shares_that_do_not_add_up_to_100_save_nothing(personas, shares) -> None:
    owners = [
        OwnerShare(personas.company, Decimal(shares[0])),
        OwnerShare(personas.university, Decimal(shares[1])),
    ]
    with pytest.raises(TransferError) as caught:
        create(personas, owners=owners)
    assert caught.value.code == "shares_not_100"
    total = (Decimal(shares[0]) + Decimal(shares[1])).normalize()
    assert f"{total:f}%" in str(caught.value)
    assert "100%" in str(caught.value)
    assert Achievement.objects.count() == 0
    assert ConfidentialDetail.objects.count() == 0


def test_shares_that_add_up_to_100_are_kept(personas) -> None:
    owners = [
        OwnerShare(personas.company, Decimal("66.67")),
        OwnerShare(personas.university, Decimal("33.33")),
    ]
    achievement = create(personas, owners=owners)
    assert {o.organization_id: o.share for o in achievement.owners.all()} == {
        personas.company.pk: Decimal("66.67"),
        personas.university.pk: Decimal("33.33"),
    }


def test_an_update_with_bad_shares_changes_nothing(personas) -> None:
    achievement = create(personas)
    with pytest.raises(TransferError):
        achievement_update(
            actor=personas.enterprise,
            achievement=achievement,
            values={**VALUES, "title": "改过的标题"},
            owners=[OwnerShare(personas.company, Decimal(90))],
        )
    achievement.refresh_from_db()
    assert achievement.title == VALUES["title"]
    assert achievement.owners.get().share == 100


def test_an_organisation_is_named_once(personas) -> None:
    owners = [OwnerShare(personas.company, Decimal(50)), OwnerShare(personas.company, Decimal(50))]
    with pytest.raises(TransferError) as caught:
        create(personas, owners=owners)
    assert caught.value.code == "duplicate_owner"


def test_a_member_must_name_their_own_organisation(personas) -> None:
    with pytest.raises(TransferError) as caught:
        create(personas, owners=[OwnerShare(personas.other_company, Decimal(100))])
    assert caught.value.code == "own_organization_required"


def test_an_officer_records_for_any_owner(personas) -> None:
    achievement = create(
        personas, actor=personas.officer, owners=[OwnerShare(personas.other_company, Decimal(100))]
    )
    assert achievement.region == personas.other_company.region


@pytest.mark.parametrize("persona", ["outsider", "bureau", "leader", "expert"])
def test_others_cannot_record_achievements(personas, persona) -> None:
    with pytest.raises(TransferError) as caught:
        create(personas, actor=getattr(personas, persona))
    assert caught.value.code == "not_allowed"


def test_the_listing_workflow(personas) -> None:
    achievement = create(personas)
    submitted = moves.achievement_submit(actor=personas.enterprise, achievement=achievement)
    assert submitted.status == Achievement.Status.PENDING
    assert Notification.objects.filter(
        recipient=personas.officer, verb="transfer.achievement.submitted"
    ).exists()
    listed = moves.achievement_approve(actor=personas.officer, achievement=achievement)
    assert listed.status == Achievement.Status.LISTED and listed.listed_at is not None
    assert Notification.objects.filter(
        recipient=personas.enterprise, verb="transfer.achievement.listed"
    ).exists()
    archived = moves.achievement_archive(actor=personas.enterprise, achievement=achievement)
    assert archived.status == Achievement.Status.ARCHIVED
    actions = list(
        AuditEntry.objects.filter(object_id=str(achievement.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "transfer.achievement.create",
        "transfer.achievement.submit",
        "transfer.achievement.approve",
        "transfer.achievement.archive",
    ]


def test_a_rejection_needs_a_reason_and_can_be_revised(personas) -> None:
    achievement = create(personas)
    moves.achievement_submit(actor=personas.enterprise, achievement=achievement)
    with pytest.raises(TransferError) as caught:
        moves.achievement_reject(actor=personas.officer, achievement=achievement, reason=" ")
    assert caught.value.code == "reason_required"
    rejected = moves.achievement_reject(
        actor=personas.officer, achievement=achievement, reason="缺少中试数据"
    )
    assert rejected.status == Achievement.Status.REJECTED
    assert rejected.review_note == "缺少中试数据"
    revised = moves.achievement_revise(actor=personas.enterprise, achievement=achievement)
    assert revised.status == Achievement.Status.DRAFT


def test_moves_not_in_the_table_are_refused(personas) -> None:
    achievement = create(personas)
    with pytest.raises(TransferError) as caught:
        moves.achievement_approve(actor=personas.officer, achievement=achievement)
    assert caught.value.code == "bad_move"
    achievement.refresh_from_db()
    assert achievement.status == Achievement.Status.DRAFT


@pytest.mark.parametrize(
    ("move", "persona"),
    [
        ("achievement_submit", "other_enterprise"),
        ("achievement_submit", "bureau"),
        ("achievement_approve", "enterprise"),
        ("achievement_approve", "leader"),
        ("achievement_archive", "outsider"),
    ],
)
def test_only_owners_and_officers_move_an_achievement(personas, move, persona) -> None:
    achievement = AchievementFactory(owners=[personas.company], status=Achievement.Status.PENDING)
    if move == "achievement_submit":
        Achievement.objects.filter(pk=achievement.pk).update(status=Achievement.Status.DRAFT)
    with pytest.raises(TransferError) as caught:
        getattr(moves, move)(actor=getattr(personas, persona), achievement=achievement)
    assert caught.value.code == "not_allowed"


def test_owners_cannot_change_a_listed_achievement_but_officers_can(personas) -> None:
    achievement = create(personas)
    Achievement.objects.filter(pk=achievement.pk).update(status=Achievement.Status.LISTED)
    owners = [OwnerShare(personas.company, Decimal(100))]
    with pytest.raises(TransferError) as caught:
        achievement_update(
            actor=personas.enterprise, achievement=achievement, values=VALUES, owners=owners
        )
    assert caught.value.code == "not_editable"
    updated = achievement_update(
        actor=personas.officer,
        achievement=achievement,
        values={**VALUES, "trl": 8},
        owners=owners,
    )
    assert updated.trl == 8
