from __future__ import annotations

import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from tuwei.core.audit import log_action, mask_secrets, preferred_algorithm, verify_chain
from tuwei.core.models import AuditEntry


def _tamper(sql: str, params: list) -> None:
    """Change the table behind the application's back, as an attacker with SQL access would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # a superuser can switch triggers off for the transaction
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


@pytest.fixture
def chain(personas):
    return [
        log_action(personas.company, f"test.step{i}", actor=personas.officer, data={"i": i})
        for i in range(5)
    ]


def test_it_uses_sm3_where_the_platform_has_it(chain) -> None:
    expected = "sm3" if "sm3" in hashlib.algorithms_available else "sha256"
    assert preferred_algorithm() == expected
    assert {entry.algorithm for entry in chain} == {expected}


def test_an_untouched_chain_verifies(chain) -> None:
    assert verify_chain() == []
    call_command("audit_verify")


def test_a_changed_row_is_detected(chain) -> None:
    _tamper("UPDATE core_auditentry SET action = %s WHERE seq = %s", ["test.forged", chain[2].seq])
    problems = verify_chain()
    assert [problem.seq for problem in problems] == [chain[2].seq]
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_a_deleted_row_is_detected(chain) -> None:
    _tamper("DELETE FROM core_auditentry WHERE seq = %s", [chain[1].seq])
    assert any(problem.seq == chain[2].seq for problem in verify_chain())


def test_deleting_the_newest_rows_is_detected(chain) -> None:
    _tamper("DELETE FROM core_auditentry WHERE seq >= %s", [chain[3].seq])
    assert verify_chain()


def test_the_application_cannot_change_or_delete_entries(chain) -> None:
    entry = chain[0]
    entry.action = "changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_raw_changes(chain) -> None:
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_auditentry SET action = 'x'")


def test_secrets_are_masked_at_any_depth() -> None:
    masked = mask_secrets(
        {"password": "p", "nested": {"api_token": "t", "keep": 1}, "l": [{"otp": 1}]}
    )
    assert masked == {
        "password": "***",
        "nested": {"api_token": "***", "keep": 1},
        "l": [{"otp": "***"}],
    }


def test_an_entry_rolls_back_with_its_change(personas) -> None:
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        log_action(personas.company, "test.rolled_back", actor=personas.officer)
        raise RuntimeError
    assert AuditEntry.objects.count() == before
    log_action(personas.company, "test.after", actor=personas.officer)
    assert verify_chain() == []
