"""Reference definitions and sample text shared by the engine.dedup tests.

The brute-force normalisation, shingle sets, overlap coefficient and Jaccard index below are the
definitions that the fast implementation in :mod:`engine.dedup` is checked against.
"""

from __future__ import annotations

import re

from engine import dedup
from engine.text import fold

K = dedup.DEFAULT_K

TEXT = (
    "针对大规模储能系统热失控风险高、循环寿命衰减快等问题，本项目拟采用原位聚合工艺与液冷热管理"
    "技术相结合的技术路线，重点突破磷酸铁锂电池模组的安全防护关键技术。项目完成后，系统往返效率"
    "达到88.5%，循环寿命不低于8000次，能量密度超过180瓦时每千克。前期研制的储能变流器已在包头市"
    "新能源场站配储项目中连续运行3600小时，温度范围为-20℃至45℃……"
)


def reference_normalise(text: str) -> str:
    """The definition: engine.text.fold, then drop every non-alphanumeric character."""
    return re.sub(r"[\W_]+", "", fold(re.sub("[\ud800-\udfff]", "", text)))


def brute_shingles(text: str, k: int = K) -> set[str]:
    norm = reference_normalise(text)
    if not norm:
        return set()
    if len(norm) < k:
        return {norm}
    return {norm[i : i + k] for i in range(len(norm) - k + 1)}


def brute_overlap(a: str, b: str, k: int = K) -> float:
    sa, sb = brute_shingles(a, k), brute_shingles(b, k)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def brute_jaccard(a: str, b: str, k: int = K) -> float:
    sa, sb = brute_shingles(a, k), brute_shingles(b, k)
    return len(sa & sb) / len(sa | sb)
