"""Every transfer page, for every persona: 200, 403 (no right), 404 (out of scope) or sign-in."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import sign_in
from tests.transfer.factories import (
    AchievementFactory,
    DealFactory,
    ListedAchievementFactory,
    NeedFactory,
)

EVERYONE = {
    "officer",
    "enterprise",
    "other_enterprise",
    "bureau",
    "other_bureau",
    "team_lead",
    "expert",
    "leader",
    "sysadmin",
    "secadmin",
    "auditor",
    "outsider",
}
MEMBERS_AND_READERS = {
    "officer",
    "leader",
    "bureau",
    "other_bureau",
    "enterprise",
    "other_enterprise",
    "team_lead",
    "expert",
}
NEED_READERS = {"officer", "leader", "bureau", "other_bureau", "enterprise", "other_enterprise"}

# (url, personas that get 200, personas that get 404; the other signed-in ones get 403,
#  anonymous visitors are sent to sign in unless "anonymous" is in the 200 set)
PAGES = [
    ("/market/", EVERYONE | {"anonymous"}, set()),
    ("/market/needs/", EVERYONE | {"anonymous"}, set()),
    ("/market/achievements/{listed}/", EVERYONE | {"anonymous"}, set()),
    ("/market/needs/{need}/", EVERYONE | {"anonymous"}, set()),
    ("/transfer/achievements/", MEMBERS_AND_READERS, set()),
    ("/transfer/achievements/export.xlsx", MEMBERS_AND_READERS, set()),
    (
        "/transfer/achievements/new/",
        {"officer", "enterprise", "other_enterprise", "team_lead"},
        set(),
    ),
    ("/transfer/achievements/import/", {"officer"}, set()),
    ("/transfer/achievements/template.xlsx", {"officer"}, set()),
    (
        "/transfer/achievements/{draft}/",
        {"officer", "leader", "bureau", "enterprise"},
        {"other_bureau", "other_enterprise", "team_lead", "expert"},
    ),
    (
        "/transfer/achievements/{draft}/edit/",
        {"officer", "enterprise"},
        {"other_bureau", "other_enterprise", "team_lead", "expert"},
    ),
    ("/transfer/needs/", NEED_READERS, set()),
    ("/transfer/needs/export.xlsx", NEED_READERS, set()),
    ("/transfer/needs/new/", {"officer", "enterprise", "other_enterprise"}, set()),
    ("/transfer/needs/import/", {"officer"}, set()),
    (
        "/transfer/needs/{need}/edit/",
        {"officer", "enterprise"},
        {"other_bureau", "other_enterprise"},
    ),
    ("/transfer/deals/", MEMBERS_AND_READERS, set()),
    ("/transfer/deals/export.xlsx", MEMBERS_AND_READERS, set()),
    ("/transfer/deals/new/", {"officer", "enterprise", "other_enterprise", "team_lead"}, set()),
    ("/transfer/deals/import/", {"officer"}, set()),
    ("/transfer/deals/template.xlsx", {"officer"}, set()),
    ("/transfer/deals/summary/", {"officer", "leader", "bureau", "other_bureau"}, set()),
    (
        "/transfer/deals/{deal}/",
        {"officer", "leader", "enterprise", "other_enterprise", "other_bureau"},
        {"bureau", "team_lead", "expert"},
    ),
    (
        "/transfer/deals/{deal}/edit/",
        {"officer", "enterprise", "other_enterprise"},
        {"bureau", "team_lead", "expert"},
    ),
]


@pytest.fixture
def objects(personas):
    return {
        "listed": ListedAchievementFactory(owners=[personas.company]).pk,
        "draft": AchievementFactory(owners=[personas.company]).pk,
        "need": NeedFactory(organization=personas.company).pk,
        # the enterprise sells to the other enterprise; registered in the buyer's region
        "deal": DealFactory(sellers=[personas.company], buyer=personas.other_company).pk,
    }


@pytest.mark.parametrize(("url", "allowed", "hidden"), PAGES)
def test_each_persona_gets_exactly_its_pages(personas, objects, url, allowed, hidden) -> None:
    address = url.format(**objects)
    for name, user in personas.all().items():
        status = sign_in(Client(), user).get(address).status_code
        expected = 200 if name in allowed else 404 if name in hidden else 403
        assert status == expected, (name, address, status)
    anonymous = Client().get(address)
    if "anonymous" in allowed:
        assert anonymous.status_code == 200
    else:
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


@pytest.mark.parametrize(
    ("persona", "move", "outcome"),
    [
        ("enterprise", "approve", "refused"),
        ("leader", "submit", "refused"),
        ("bureau", "submit", "refused"),
        ("other_enterprise", "submit", 404),
        ("outsider", "submit", 403),
        ("enterprise", "submit", "done"),
    ],
)
def test_status_moves_are_guarded(personas, objects, persona, move, outcome) -> None:
    from tuwei.transfer.models import Achievement

    client = sign_in(Client(), getattr(personas, persona))
    response = client.post(f"/transfer/achievements/{objects['draft']}/{move}/")
    status = Achievement.objects.get(pk=objects["draft"]).status
    if isinstance(outcome, int):
        assert response.status_code == outcome
    else:
        assert response.status_code == 302
        assert (status == "pending") is (outcome == "done")


def test_a_move_needs_a_post(personas, objects) -> None:
    client = sign_in(Client(), personas.enterprise)
    assert client.get(f"/transfer/achievements/{objects['draft']}/submit/").status_code == 405
