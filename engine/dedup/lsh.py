"""Banded LSH arithmetic: band keys, the probability of proposing a pair, Jaccard floors and
the band-count rule that :class:`engine.dedup.DedupIndex` applies to candidates.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import numpy as np
from numpy.typing import NDArray

from engine.dedup.fingerprint import _mix64
from engine.dedup.params import U32, U64

#: Per-pair probability, at the Jaccard floor of the threshold, that the band-count rule of
#: :meth:`DedupIndex._candidates` drops a pair that one shared band would have kept.
BAND_HIT_DELTA: Final = 1e-3


def _band_keys(sigs: U32, bands: int, rows: int) -> U64:
    """One 64-bit key per (document, band): the band number in the top 8 bits, a hash of the
    band's ``rows`` signature values in the other 56.

    Carrying the band number lets all bands live in ONE sorted table, searched with one
    vectorised ``searchsorted`` per query instead of one per band. Two different band contents
    share a key with probability 2^-56: at worst a spurious candidate, which verification drops.
    """
    s = sigs[..., : bands * rows].reshape(*sigs.shape[:-1], bands, rows).astype(np.uint64)
    h = s[..., 0]
    for r in range(1, rows):
        h = _mix64(h) ^ s[..., r]
    band_no = np.arange(bands, dtype=np.uint64) << np.uint64(56)
    return band_no | (_mix64(h) >> np.uint64(8))


def lsh_probability(jaccard: float, bands: int, rows: int) -> float:
    """Probability that banded LSH proposes a pair with the given Jaccard index: 1-(1-J^r)^b."""
    return 1.0 - (1.0 - jaccard**rows) ** bands


def jaccard_floor(threshold: float, size_ratio: float) -> float:
    """Smallest Jaccard index of a pair whose overlap coefficient is ``threshold``.

    With |B| = ratio·|A| (ratio <= 1) and |A∩B| = t·|B|: J = t·ratio / (1 + ratio - t·ratio).
    This is what the banding must catch: a copy a third the size of its source and 60 % contained
    in it has J = 0.176; two documents of equal size at t = 0.5 have J = 1/3.
    """
    inter = threshold * size_ratio
    return inter / (1.0 + size_ratio - inter)


def _pair_floor(threshold: float, sizes: NDArray[np.int64], query_size: int) -> NDArray[np.float64]:
    """:func:`jaccard_floor` for a query against many stored documents of the given sizes."""
    inter = threshold * np.minimum(sizes, query_size)
    return inter / (sizes + query_size - inter)


@cache
def _band_hit_minimum(bands: int, delta: float) -> NDArray[np.int64]:
    """For p = i/4096, the most shared bands to demand when each band is shared w.p. p.

    That is the largest m with P[Binomial(bands, p) < m] <= delta (at least 1). Queries look the
    table up at floor(p·4096), a slightly lower p, so the demand errs on the low side.
    """
    grid = 4096
    p = np.arange(grid + 1, dtype=np.float64) / grid
    q = np.clip(1.0 - p, 1e-300, None)
    pmf = q**bands
    cdf = pmf.copy()
    minimum = np.ones(grid + 1, dtype=np.int64)
    for m in range(1, bands + 1):
        # cdf = P[X <= m-1]; a demand of m hits loses that much.
        minimum[cdf <= delta] = m
        pmf = pmf * (bands - m + 1) / m * p / q
        cdf = cdf + pmf
    return minimum
