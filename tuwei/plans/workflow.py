"""Allowed moves of a report; the services consult this table (DESIGN.md workflows)."""

from __future__ import annotations

from tuwei.plans.models import Report

S = Report.Status

REPORT_MOVES: dict[str, set[str]] = {
    "edit": {S.DRAFT, S.RETURNED},
    "submit": {S.DRAFT, S.RETURNED},
    "return": {S.SUBMITTED},
    "approve": {S.SUBMITTED},
    "correct": {S.APPROVED},
}

REPORT_TARGET: dict[str, str] = {
    "submit": S.SUBMITTED,
    "return": S.RETURNED,
    "approve": S.APPROVED,
    "correct": S.DRAFT,
}


def can(move: str, status: str) -> bool:
    return status in REPORT_MOVES[move]
