"""Challenges (榜单), their indicators and milestones, and the search index rows."""

from tuwei.challenges.models.challenge import Challenge, Indicator, Milestone
from tuwei.challenges.models.search import SearchEntry

__all__ = ["Challenge", "Indicator", "Milestone", "SearchEntry"]
