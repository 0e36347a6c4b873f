"""Allowed status moves of an achievement; the services consult this table.

draft → pending (owners submit) → listed | rejected (an officer decides);
rejected → draft (owners revise); listed or rejected → archived.
"""

from __future__ import annotations

from tuwei.transfer.models import Achievement

S = Achievement.Status

ACHIEVEMENT_MOVES: dict[str, set[str]] = {
    "submit": {S.DRAFT},
    "approve": {S.PENDING},
    "reject": {S.PENDING},
    "revise": {S.REJECTED},
    "archive": {S.LISTED, S.REJECTED},
}

ACHIEVEMENT_TARGET: dict[str, str] = {
    "submit": S.PENDING,
    "approve": S.LISTED,
    "reject": S.REJECTED,
    "revise": S.DRAFT,
    "archive": S.ARCHIVED,
}

# owners may change the content only while it is theirs to change
EDITABLE = {S.DRAFT, S.REJECTED}
