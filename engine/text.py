"""Chinese script handling: convert between simplified and traditional, and fold.

Folding maps any text to one canonical form (simplified, lower-case, NFKC) so
search and duplicate checks match 储能 and 儲能 alike.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text) if text else text


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text) if text else text


def fold(text: str) -> str:
    """Canonical form for matching: NFKC (full-width → half-width), simplified, lower case."""
    if not text:
        return ""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()
