"""Evidence files of a report: checked by size, name and content before they are stored."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import IO

from django.core.files import File
from django.db import transaction
from django.http import HttpRequest

from tuwei.accounts.models import User
from tuwei.core.audit import log_action
from tuwei.plans.errors import PlansError
from tuwei.plans.models import Evidence, Report
from tuwei.plans.services.reports import check_bureau, check_move, check_period_open, lock_report

MAX_EVIDENCE_BYTES = 10 * 2**20
# extension → (content type, the file's first bytes)
ACCEPTED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
}


def check_upload(name: str, size: int, head: bytes) -> str:
    """The content type to store, or PlansError: the extension must match the content."""
    if size == 0:
        raise PlansError(PlansError.FILE_EMPTY, code="file_empty")
    if size > MAX_EVIDENCE_BYTES:
        raise PlansError(
            PlansError.FILE_TOO_LARGE, code="file_too_large", limit=MAX_EVIDENCE_BYTES // 2**20
        )
    accepted = ACCEPTED.get(PurePosixPath(name).suffix.lower())
    if accepted is None or not any(head.startswith(magic) for magic in accepted[1]):
        raise PlansError(PlansError.FILE_TYPE, code="file_type")
    return accepted[0]


def evidence_add(
    *,
    actor: User,
    report: Report,
    file: IO[bytes],
    name: str,
    size: int,
    request: HttpRequest | None = None,
) -> Evidence:
    check_bureau(actor, report)
    head = file.read(16)
    file.seek(0)
    content_type = check_upload(name, size, head)
    with transaction.atomic():
        report = lock_report(report)
        check_period_open(report.period)
        check_move(report, "edit")
        evidence = Evidence(
            report=report,
            name=PurePosixPath(name).name[:200],
            size=size,
            content_type=content_type,
            uploaded_by=actor,
        )
        content = file if isinstance(file, File) else File(file, name=evidence.name)
        evidence.file.save(evidence.name, content, save=False)
        evidence.save()
        log_action(
            report,
            "plans.evidence.add",
            actor=actor,
            data={"evidence": evidence.pk, "name": evidence.name, "size": size},
            request=request,
        )
    return evidence


def evidence_remove(*, actor: User, evidence: Evidence, request: HttpRequest | None = None) -> None:
    check_bureau(actor, evidence.report)
    with transaction.atomic():
        report = lock_report(evidence.report)
        check_period_open(report.period)
        check_move(report, "edit")
        storage_name = evidence.file.name or ""
        log_action(
            report,
            "plans.evidence.remove",
            actor=actor,
            data={"evidence": evidence.pk, "name": evidence.name},
            request=request,
        )
        evidence.delete()
        storage = evidence.file.storage
        if storage_name:
            transaction.on_commit(lambda: storage.delete(storage_name))
