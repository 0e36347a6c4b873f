"""What a query of :class:`engine.dedup.DedupIndex` returns (:class:`Match`) and what it
cost (:class:`QueryStats`).
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.dedup.params import DocId


@dataclass(frozen=True)
class Match:
    """One stored document found similar to a query.

    ``similarity`` is the exact overlap coefficient (the share of the shorter document's shingles
    found in the other), ``estimated`` the same quantity as estimated from the MinHash signatures
    alone, ``jaccard`` the exact Jaccard index, ``shared`` the number of shingles in common.
    """

    doc_id: DocId
    similarity: float
    estimated: float
    jaccard: float
    shared: int


@dataclass(frozen=True)
class QueryStats:
    """What the last query cost, stage by stage.

    ``colliding``: stored documents sharing at least one LSH band with the query; ``candidates``:
    those sharing enough bands for their size; ``verified``: those whose signatures passed the
    screen and were compared exactly; ``matches``: those at or above the threshold.
    """

    colliding: int
    candidates: int
    verified: int
    matches: int
