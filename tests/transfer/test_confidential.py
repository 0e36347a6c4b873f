"""The confidential detail: owners' members and officers see it; nobody else, anywhere."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.conftest import sign_in
from tests.transfer.factories import AchievementFactory
from tuwei.transfer.models import Achievement
from tuwei.transfer.selectors.achievements import confidential_detail, confidential_details

SECRET = "催化剂配方：钯负载量0.3%"


@pytest.fixture
def listed(personas):
    return AchievementFactory(
        owners=[personas.company],
        status=Achievement.Status.LISTED,
        title="无汞触媒氯碱工艺",
        confidential=SECRET,
    )


def client_for(personas, persona):
    if persona == "anonymous":
        return Client()
    return sign_in(Client(), getattr(personas, persona))


def export_text(response) -> str:
    workbook = load_workbook(BytesIO(response.content), read_only=True)
    return " ".join(
        str(cell) for row in workbook.worksheets[0].iter_rows(values_only=True) for cell in row
    )


@pytest.mark.parametrize("persona", ["enterprise", "officer"])
def test_owners_and_officers_see_it(personas, listed, persona) -> None:
    user = getattr(personas, persona)
    assert confidential_detail(user=user, achievement=listed) == SECRET
    client = client_for(personas, persona)
    page = client.get(f"/transfer/achievements/{listed.pk}/").content.decode()
    assert SECRET in page
    assert SECRET in export_text(client.get("/transfer/achievements/export.xlsx"))


@pytest.mark.parametrize(
    "persona", ["other_enterprise", "bureau", "leader", "outsider", "team_lead"]
)
def test_no_one_else_gets_it_from_the_selectors(personas, listed, persona) -> None:
    user = getattr(personas, persona)
    assert confidential_detail(user=user, achievement=listed) is None
    assert confidential_details(user=user, achievements=[listed]) == {}


@pytest.mark.parametrize("persona", ["bureau", "leader"])
def test_readers_of_the_registry_see_the_record_but_not_the_detail(personas, listed, persona):
    client = client_for(personas, persona)
    page = client.get(f"/transfer/achievements/{listed.pk}/")
    assert page.status_code == 200
    assert listed.title in page.content.decode()
    assert SECRET not in page.content.decode()
    assert 'data-testid="confidential"' not in page.content.decode()
    listing = client.get("/transfer/achievements/")
    assert listed.title in listing.content.decode() and SECRET not in listing.content.decode()
    exported = export_text(client.get("/transfer/achievements/export.xlsx"))
    assert listed.title in exported and SECRET not in exported


@pytest.mark.parametrize(
    ("persona", "status"),
    [("other_enterprise", 404), ("team_lead", 404), ("outsider", 403), ("anonymous", 302)],
)
def test_others_cannot_open_the_registry_record(personas, listed, persona, status) -> None:
    response = client_for(personas, persona).get(f"/transfer/achievements/{listed.pk}/")
    assert response.status_code == status
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize(
    "persona",
    ["anonymous", "outsider", "other_enterprise", "bureau", "leader", "enterprise", "officer"],
)
def test_the_marketplace_never_shows_it(personas, listed, persona) -> None:
    client = client_for(personas, persona)
    for url in ("/market/", f"/market/achievements/{listed.pk}/", "/market/?q=无汞触媒"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert listed.title in response.content.decode(), url
        assert SECRET not in response.content.decode(), url
    # searching for words of the secret finds nothing
    found = client.get("/market/?q=钯负载量").content.decode()
    assert listed.title not in found


def test_other_enterprises_exports_do_not_hold_it(personas, listed) -> None:
    response = client_for(personas, "other_enterprise").get("/transfer/achievements/export.xlsx")
    text = export_text(response)
    assert listed.title not in text and SECRET not in text
