"""Reads with data scope applied (private pages) and the public board's reads."""

from tuwei.challenges.selectors.board import (
    BoardFilters,
    board_get,
    board_page_challenges,
    board_results,
    open_challenges,
    public_challenges,
)
from tuwei.challenges.selectors.scope import (
    challenge_get,
    challenge_list,
    drafts_to_take_over,
    history,
    merge_targets,
    returned_for,
    vetting_queue,
)

__all__ = [
    "BoardFilters",
    "board_get",
    "board_page_challenges",
    "board_results",
    "challenge_get",
    "challenge_list",
    "drafts_to_take_over",
    "history",
    "merge_targets",
    "open_challenges",
    "public_challenges",
    "returned_for",
    "vetting_queue",
]
