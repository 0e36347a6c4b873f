"""Allowed status moves of a breakthrough point; the services consult this table."""

from __future__ import annotations

from tuwei.chains.models import Point

S = Point.Status

POINT_MOVES: dict[str, set[str]] = {
    "shortlist": {S.CANDIDATE},
    "target": {S.SHORTLISTED},
    "return_to_candidate": {S.SHORTLISTED},
    "drop": {S.CANDIDATE, S.SHORTLISTED, S.TARGETED},
    "reopen": {S.DROPPED},
}

POINT_TARGET: dict[str, str] = {
    "shortlist": S.SHORTLISTED,
    "target": S.TARGETED,
    "return_to_candidate": S.CANDIDATE,
    "drop": S.DROPPED,
    "reopen": S.CANDIDATE,
}
