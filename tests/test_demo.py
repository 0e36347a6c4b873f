from __future__ import annotations

from django.core.management import call_command
from django.test import Client

from tuwei.accounts.demo import DEMO_PASSWORD, PERSONAS
from tuwei.accounts.models import Organization, Region, User
from tuwei.chains.models import Chain, Cluster
from tuwei.programs.models import Program


def counts() -> tuple[int, ...]:
    return (
        Region.objects.count(),
        Organization.objects.count(),
        User.objects.count(),
        Cluster.objects.count(),
        Chain.objects.count(),
        Program.objects.count(),
    )


def test_the_demo_loads_once_and_again_without_change(db) -> None:
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first[0] == 12 and first[3] == 8 and first[4] == 16


def test_the_demo_program_carries_the_reported_figures(db) -> None:
    call_command("seed_demo")
    program = Program.objects.get(year=2024)
    assert program.planned_tasks == 75
    assert program.leverage_ratio is not None
    assert float(round(program.leverage_ratio, 1)) == 4.2  # 28 亿 / 6.7 亿


def test_every_demo_persona_can_sign_in_and_is_labelled_demo(db) -> None:
    call_command("seed_demo")
    for username, *_ in PERSONAS:
        client = Client()
        response = client.post(
            "/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        page = client.get("/", follow=True)
        assert "演示数据" in page.content.decode(), username


def test_demo_credit_codes_are_valid(db) -> None:
    call_command("seed_demo")
    for organization in Organization.objects.all():
        organization.full_clean()
