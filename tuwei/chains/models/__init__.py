"""The industry map (clusters → chains → nodes), breakthrough points and scoring sessions."""

from tuwei.chains.models.map import Chain, ChainNode, Cluster
from tuwei.chains.models.points import ChallengeDraft, Point
from tuwei.chains.models.scoring import (
    Criterion,
    PairwiseJudgement,
    PointScore,
    ScoringSession,
    SessionCriterion,
)

__all__ = [
    "Chain",
    "ChainNode",
    "ChallengeDraft",
    "Cluster",
    "Criterion",
    "PairwiseJudgement",
    "Point",
    "PointScore",
    "ScoringSession",
    "SessionCriterion",
]
