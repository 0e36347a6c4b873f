"""The table of moves reads right."""

from __future__ import annotations

from tuwei.challenges import workflow
from tuwei.challenges.models import Challenge

S = Challenge.Status


def test_every_move_has_a_target_status() -> None:
    assert set(workflow.MOVES) == set(workflow.TARGET)
    assert set(workflow.TARGET.values()) <= set(S.values)


def test_nothing_moves_out_of_withdrawn_or_awarded_except_nothing() -> None:
    for move, sources in workflow.MOVES.items():
        assert S.WITHDRAWN not in sources, move
        assert S.AWARDED not in sources, move


def test_edits_happen_only_before_publication() -> None:
    assert workflow.EDITABLE_BY_PROPOSER <= workflow.BEFORE_PUBLICATION
    assert workflow.EDITABLE_BY_OFFICER <= workflow.BEFORE_PUBLICATION
