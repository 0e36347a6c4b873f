"""Fixtures for challenge tests: the current program, a chain node, challenges in each state."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from tests.chains.factories import ChainNodeFactory
from tests.challenges.factories import ChallengeFactory, ProgramFactory
from tests.conftest import sign_in
from tuwei.challenges.models import Challenge


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Service errors and labels in English, as the tests assert them."""
    with translation.override("en"):
        yield


@pytest.fixture
def program(db: Any) -> Any:
    return ProgramFactory()


@pytest.fixture
def node(db: Any) -> Any:
    return ChainNodeFactory(name="液流电池储能", name_en="Flow batteries")


@pytest.fixture
def make(personas: Any, program: Any) -> Any:
    """make(status=…, **fields): a complete challenge of the enterprise persona's company,
    in the home region, written directly (tests of the moves start from here)."""

    def factory(status: str = Challenge.Status.DRAFT, **fields: Any) -> Challenge:
        defaults: dict[str, Any] = {
            "program": program,
            "owner": personas.company,
            "region": personas.home_region,
            "created_by": personas.enterprise,
            "status": status,
        }
        if status in (Challenge.Status.PUBLISHED, Challenge.Status.CLOSED):
            defaults["published_at"] = timezone.now() - timedelta(days=1)
        defaults.update(fields)
        return ChallengeFactory(**defaults)

    return factory


def english(user: Any = None) -> Client:
    """A client that reads pages in English, signed in as `user` if given."""
    client = Client(headers={"accept-language": "en"})
    return sign_in(client, user) if user is not None else client
