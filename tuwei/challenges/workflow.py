"""Allowed status moves of a challenge; the services consult this table.

draft ─submit→ submitted ─vet→ vetted ─publish→ published ─close→ closed ─award→ awarded
  ↑               │              │                (at the deadline)
  └─ returned ←return────────────┘
withdraw: the proposer before publication, an officer at any time before the award
merge:    an officer withdraws a duplicate, linking it to the challenge it joins
"""

from __future__ import annotations

from tuwei.challenges.models import Challenge

S = Challenge.Status

BEFORE_PUBLICATION = frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED, S.VETTED})
BEFORE_AWARD = BEFORE_PUBLICATION | {S.PUBLISHED, S.CLOSED}

MOVES: dict[str, frozenset[str]] = {
    "submit": frozenset({S.DRAFT, S.RETURNED}),
    "return": frozenset({S.SUBMITTED, S.VETTED}),
    "vet": frozenset({S.SUBMITTED}),
    "publish": frozenset({S.VETTED}),
    "close": frozenset({S.PUBLISHED}),
    # a published challenge past its deadline is closed for every reader, job or not
    "award": frozenset({S.CLOSED, S.PUBLISHED}),
    "withdraw_by_proposer": BEFORE_PUBLICATION,
    "withdraw_by_officer": BEFORE_AWARD,
    "merge": BEFORE_AWARD,
}

TARGET: dict[str, str] = {
    "submit": S.SUBMITTED,
    "return": S.RETURNED,
    "vet": S.VETTED,
    "publish": S.PUBLISHED,
    "close": S.CLOSED,
    "award": S.AWARDED,
    "withdraw_by_proposer": S.WITHDRAWN,
    "withdraw_by_officer": S.WITHDRAWN,
    "merge": S.WITHDRAWN,
}

# Editing changes no status, but only in these states: the proposer edits its own
# draft or a returned challenge; an officer edits while vetting (audited with a diff).
EDITABLE_BY_PROPOSER = frozenset({S.DRAFT, S.RETURNED})
EDITABLE_BY_OFFICER = frozenset({S.DRAFT, S.SUBMITTED, S.VETTED})


def allowed(move: str, status: str) -> bool:
    return status in MOVES[move]
