"""Shared array types, default parameters and argument checks of :mod:`engine.dedup`.

The reasons behind the defaults are in the package docstring (:mod:`engine.dedup`).
"""

from __future__ import annotations

from typing import Final

import numpy as np
from numpy.typing import NDArray

U32 = NDArray[np.uint32]
U64 = NDArray[np.uint64]
IntArray = NDArray[np.intp]

DocId = int | str

#: Shingle length in characters, about two Chinese words. Longer shingles make unrelated texts on
#: one topic share less, shorter ones survive edits better. ``bench.dedup --sweep-k`` puts the 0.5
#: threshold mid-way between edited copies (overlap >= 0.64) and unrelated same-topic pairs
#: (<= 0.34) at k = 5; k = 4 lifts the latter to 0.43, k = 6 drops the former to 0.60.
DEFAULT_K: Final = 5
#: MinHash signature length (one-permutation hashing bins).
DEFAULT_NUM_PERM: Final = 256
#: LSH bands; rows per band = num_perm // bands. 128 x 2 proposes pairs with J >= 0.153 with
#: probability >= 0.95 (see the package docstring).
DEFAULT_BANDS: Final = 128
#: Default reporting threshold on the overlap coefficient.
DEFAULT_THRESHOLD: Final = 0.5
#: Shortest shared run of normalised characters that :func:`shared_passages` reports.
DEFAULT_MIN_PASSAGE: Final = 8

#: Bump whenever shingle hashing or signatures change: persisted fingerprints become invalid.
SCHEME_VERSION: Final = 1


def _check_params(k: int, num_perm: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= 64:
        raise ValueError("k must be an int between 1 and 64")
    if isinstance(num_perm, bool) or not isinstance(num_perm, int) or not 1 <= num_perm <= 65535:
        raise ValueError("num_perm must be an int between 1 and 65535")


def _check_threshold(threshold: float) -> float:
    if not isinstance(threshold, int | float) or not 0.0 < threshold <= 1.0:
        raise ValueError("threshold must be a number in (0, 1]")
    return float(threshold)


def _check_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a str, not {type(text).__name__}")
    return text
