"""Shared passages of two texts by greedy string tiling, mapped back to the original offsets.

:func:`shared_passages` is what an officer sees side by side once the index has flagged a pair.
"""

from __future__ import annotations

import heapq

import numpy as np

from engine.dedup.params import DEFAULT_MIN_PASSAGE, IntArray, _check_text
from engine.dedup.text import normalise_with_offsets

_MAX_OCCURRENCES = 64  # shared_passages: seed positions considered per repeated n-gram


def _common_prefix(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:], by galloping slice comparison (C speed)."""
    limit = min(len(a) - i, len(b) - j)
    n, step = 0, 16
    while n < limit:
        s = min(step, limit - n)
        if a[i + n : i + n + s] == b[j + n : j + n + s]:
            n += s
            step *= 2
        elif s == 1:
            break
        else:
            step = max(1, s // 2)
    return n


def _tiles(a: str, b: str, min_len: int) -> list[tuple[int, int, int]]:
    """Greedy string tiling (Wise 1993) of two strings: (a_start, b_start, length) tiles.

    Unlike ``difflib.SequenceMatcher``, which only finds matches in the same order in both
    strings, tiling finds passages that were moved around: copied applications are reordered.
    Maximal matches are found by seeding on every ``min_len``-gram of ``a`` and extending from
    left-maximal seed pairs; they are then accepted longest first, each character of either text
    belonging to at most one tile, and a match cut by an accepted tile is re-queued as its
    uncovered pieces.
    """
    if len(a) < min_len or len(b) < min_len:
        return []
    seeds: dict[str, list[int]] = {}
    for i in range(len(a) - min_len + 1):
        seeds.setdefault(a[i : i + min_len], []).append(i)
    heap: list[tuple[int, int, int]] = []
    for j in range(len(b) - min_len + 1):
        occurrences = seeds.get(b[j : j + min_len])
        if not occurrences:
            continue
        for i in occurrences[:_MAX_OCCURRENCES]:
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a longer match starting one character earlier
            length = min_len + _common_prefix(a, i + min_len, b, j + min_len)
            heap.append((-length, i, j))
    heapq.heapify(heap)
    used_a = bytearray(len(a))
    used_b = bytearray(len(b))
    view_a = np.frombuffer(used_a, dtype=np.uint8)
    view_b = np.frombuffer(used_b, dtype=np.uint8)
    tiles: list[tuple[int, int, int]] = []
    while heap:
        neg, i, j = heapq.heappop(heap)
        length = -neg
        if used_a.find(1, i, i + length) < 0 and used_b.find(1, j, j + length) < 0:
            used_a[i : i + length] = b"\x01" * length
            used_b[j : j + length] = b"\x01" * length
            tiles.append((i, j, length))
            continue
        if used_a.find(0, i, i + length) < 0 or used_b.find(0, j, j + length) < 0:
            continue  # entirely covered on one side
        # Re-queue the runs of this diagonal still uncovered on both sides.
        free = np.zeros(length + 2, dtype=np.int8)
        free[1:-1] = (view_a[i : i + length] | view_b[j : j + length]) == 0
        edges = np.flatnonzero(np.diff(free))
        for start, stop in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            if stop - start >= min_len:
                heapq.heappush(heap, (start - stop, i + start, j + start))
    return tiles


def _snap(
    start_a: int, start_b: int, length: int, map_a: IntArray, map_b: IntArray
) -> tuple[int, int, int]:
    """Shrink a tile so that both ends fall on whole source characters in both texts.

    One source character can expand to several normalised ones (℃ → °c): a tile starting or
    ending inside such an expansion would highlight a character only partly shared.
    """

    def clean_start(m: IntArray, s: int) -> bool:
        return s == 0 or m[s] != m[s - 1]

    def clean_end(m: IntArray, e: int) -> bool:
        return e == m.size or m[e] != m[e - 1]

    while length > 0 and not (clean_start(map_a, start_a) and clean_start(map_b, start_b)):
        start_a, start_b, length = start_a + 1, start_b + 1, length - 1
    while length > 0 and not (
        clean_end(map_a, start_a + length) and clean_end(map_b, start_b + length)
    ):
        length -= 1
    return start_a, start_b, length


def shared_passages(
    a: str, b: str, min_len: int = DEFAULT_MIN_PASSAGE
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Passages shared by two texts, as ``((a_start, a_end), (b_start, b_end))`` offsets.

    Offsets are half-open character ranges into the ORIGINAL strings, ready for side-by-side
    highlighting; matching is done on the normalised texts (so a traditional-script copy with
    different punctuation still lines up) with ``min_len`` normalised characters as the shortest
    passage worth showing. Passages may appear in a different order in the two texts; each
    character belongs to at most one passage. Sorted by position in ``a``.
    """
    _check_text(a, "a")
    _check_text(b, "b")
    if isinstance(min_len, bool) or not isinstance(min_len, int) or min_len < 1:
        raise ValueError("min_len must be a positive int")
    norm_a, map_a = normalise_with_offsets(a)
    norm_b, map_b = normalise_with_offsets(b)
    result: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for i, j, length in _tiles(norm_a, norm_b, min_len):
        i, j, length = _snap(i, j, length, map_a, map_b)
        if length < min_len:
            continue
        span_a = (int(map_a[i]), int(map_a[i + length - 1]) + 1)
        span_b = (int(map_b[j]), int(map_b[j + length - 1]) + 1)
        result.append((span_a, span_b))
    result.sort()
    return result
