"""Every change to a challenge: one audited function per move (see workflow.py)."""

from tuwei.challenges.services.common import ChallengesError
from tuwei.challenges.services.drafting import (
    challenge_create,
    challenge_submit,
    challenge_update,
    challenge_withdraw,
)
from tuwei.challenges.services.lifecycle import challenge_award, challenge_close_due
from tuwei.challenges.services.vetting import (
    challenge_merge,
    challenge_publish,
    challenge_return,
    challenge_vet,
)

__all__ = [
    "ChallengesError",
    "challenge_award",
    "challenge_close_due",
    "challenge_create",
    "challenge_merge",
    "challenge_publish",
    "challenge_return",
    "challenge_submit",
    "challenge_update",
    "challenge_vet",
    "challenge_withdraw",
]
