"""Shingle hashing, one-permutation MinHash, exact overlap and :class:`Fingerprint`.

A document is the set of 32-bit ids of its k-character shingles (:func:`shingles`) plus a MinHash
signature of that set (:func:`_signature`); :class:`Fingerprint` holds both and is what the web
layer persists. :func:`overlap` and :func:`similarity` compute the reported measure exactly.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from engine.dedup.params import (
    DEFAULT_K,
    DEFAULT_NUM_PERM,
    SCHEME_VERSION,
    U32,
    U64,
    IntArray,
    _check_params,
    _check_text,
)
from engine.dedup.text import _normalised_codes

_SHINGLE_MUL = np.uint64(0x9E3779B97F4A7C15)


def _mix64(x: U64) -> U64:
    """splitmix64 finaliser: a bijection on 64-bit ints with full avalanche (arrays wrap)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _mix32(x: U32) -> U32:
    """murmur3 fmix32: an independent-looking bijection of the 32-bit shingle ids."""
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x85EBCA6B)
    x = x ^ (x >> np.uint32(13))
    x = x * np.uint32(0xC2B2AE35)
    return x ^ (x >> np.uint32(16))


def _shingle_ids(codes: U32, k: int) -> U32:
    """Sorted unique 32-bit ids of the k-character shingles of normalised code points.

    A polynomial over the code points, mixed by splitmix64, keeps the high 32 bits. Two documents
    of 3,000 shingles share on average 3000² / 2³² ≈ 0.002 ids by accident: negligible next to a
    0.5 threshold, for half the memory of 64-bit ids. A non-empty text shorter than ``k`` is one
    shingle (so very short fields still match); an empty one has none.
    """
    n = codes.size
    if n == 0:
        return np.zeros(0, dtype=np.uint32)
    c = codes.astype(np.uint64)
    width = min(k, n)
    h = np.zeros(n - width + 1, dtype=np.uint64)
    for j in range(width):
        h = h * _SHINGLE_MUL + c[j : n - width + 1 + j]
    h = h + np.uint64(width)
    ids = (_mix64(h) >> np.uint64(32)).astype(np.uint32)
    return _sorted_unique(ids)


def _sorted_unique[G: np.generic](x: NDArray[G]) -> NDArray[G]:
    """``np.unique`` by sort and compare: numpy 2's hash-based unique is 10x slower here."""
    s = np.sort(x)
    if s.size < 2:
        return s
    keep = np.empty(s.size, dtype=np.bool_)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def shingles(text: str, k: int = DEFAULT_K) -> U32:
    """The sorted, unique 32-bit shingle ids of ``text`` (see :func:`_shingle_ids`)."""
    _check_text(text)
    _check_params(k, DEFAULT_NUM_PERM)
    return _shingle_ids(_normalised_codes(text), k)


@cache
def _probe_table(num_perm: int, attempts: int) -> IntArray:
    """Deterministic probe sequence for densification: bin i tries bins probe[i, 0], [i, 1], …

    Derived from splitmix64, not a numpy RNG, whose streams are not promised stable across
    versions: persisted signatures must stay valid.
    """
    i = np.arange(num_perm, dtype=np.uint64)[:, None]
    t = np.arange(attempts, dtype=np.uint64)[None, :]
    h = _mix64(i * np.uint64(0x100000001B3) + t + np.uint64(0x632BE59BD9B4E019))
    return ((h >> np.uint64(32)) * np.uint64(num_perm) >> np.uint64(32)).astype(np.intp)


def _signature(ids: U32, num_perm: int) -> U32:
    """One-permutation MinHash with optimal densification (Shrivastava, ICML 2017).

    Classic MinHash hashes every shingle ``num_perm`` times; here each shingle is hashed once into
    one of ``num_perm`` bins and each bin keeps its minimum, ``num_perm`` times less work for an
    estimator as good: ``P[sig_a[i] == sig_b[i]] = Jaccard(a, b)``, with a variance no larger
    than classic MinHash's (the tests check bias and spread). Bins left empty (short texts)
    borrow the value of the first non-empty bin along a fixed pseudo-random probe sequence, so
    the collision probability stays the Jaccard index.
    """
    sig = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    if ids.size == 0:
        return sig
    mixed = _mix32(ids)
    bins = ((mixed.astype(np.uint64) * np.uint64(num_perm)) >> np.uint64(32)).astype(np.intp)
    # Rank within a bin by a second bijection, not by the id itself: ids computed elsewhere need
    # not be random (in tests they are 0, 1, 2, …), and ranking by them would bias the estimate.
    np.minimum.at(sig, bins, _mix32(mixed ^ np.uint32(0x5BD1E995)))
    filled = np.bincount(bins, minlength=num_perm) > 0
    if filled.all():
        return sig
    empty = np.flatnonzero(~filled)
    out = sig.copy()
    probes = _probe_table(num_perm, 32)
    for attempt in range(probes.shape[1]):
        target = probes[empty, attempt]
        hit = filled[target]
        out[empty[hit]] = sig[target[hit]]
        empty = empty[~hit]
        if empty.size == 0:
            return out
    # Almost-empty signature (a handful of shingles): rotate to the next filled bin.
    full_bins = np.flatnonzero(filled)
    nxt = np.searchsorted(full_bins, empty) % full_bins.size
    out[empty] = sig[full_bins[nxt]]
    return out


def _intersection_size(a: U32, b: U32) -> int:
    """|a ∩ b| for sorted unique id arrays.

    Concatenate, stable-sort (radix sort for 32-bit ints) and count equal neighbours: 3x faster
    than a binary search of one array in the other at application sizes.
    """
    if a.size == 0 or b.size == 0:
        return 0
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    return int(np.count_nonzero(both[1:] == both[:-1]))


def overlap(a: U32, b: U32) -> float:
    """The overlap coefficient |a∩b| / min(|a|, |b|) of two shingle sets (0 if one is empty)."""
    if a.size == 0 or b.size == 0:
        return 0.0
    return _intersection_size(a, b) / min(a.size, b.size)


def similarity(a: str, b: str, k: int = DEFAULT_K) -> float:
    """Exact similarity (overlap coefficient of the k-shingle sets) of two texts."""
    return overlap(shingles(_check_text(a, "a"), k), shingles(_check_text(b, "b"), k))


# --------------------------------------------------------------------------------------------
# Fingerprints
# --------------------------------------------------------------------------------------------

_FP_MAGIC = b"TWDF"
_FP_HEADER = struct.Struct("<4sBBHI")  # magic, scheme version, k, num_perm, number of shingles


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What the index needs to know about one document: its shingle set and MinHash signature.

    Persist :meth:`to_bytes` (≈ 4 bytes per character of text) with each application, and an
    index can be rebuilt without re-reading or re-normalising any text.
    """

    shingles: U32
    signature: U32
    k: int
    num_perm: int

    @property
    def size(self) -> int:
        return int(self.shingles.size)

    @classmethod
    def of(cls, text: str, k: int = DEFAULT_K, num_perm: int = DEFAULT_NUM_PERM) -> Fingerprint:
        """Fingerprint ``text`` with k-character shingles and a ``num_perm``-bin signature."""
        _check_text(text)
        _check_params(k, num_perm)
        ids = _shingle_ids(_normalised_codes(text), k)
        return cls(ids, _signature(ids, num_perm), k, num_perm)

    def to_bytes(self) -> bytes:
        header = _FP_HEADER.pack(_FP_MAGIC, SCHEME_VERSION, self.k, self.num_perm, self.size)
        return (
            header
            + self.signature.astype("<u4", copy=False).tobytes()
            + self.shingles.astype("<u4", copy=False).tobytes()
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        data = bytes(data)
        if len(data) < _FP_HEADER.size:
            raise ValueError("not a dedup fingerprint: too short")
        magic, version, k, num_perm, n = _FP_HEADER.unpack_from(data)
        if magic != _FP_MAGIC:
            raise ValueError("not a dedup fingerprint: bad magic")
        if version != SCHEME_VERSION:
            raise ValueError(f"fingerprint scheme {version} is not {SCHEME_VERSION}: recompute it")
        if len(data) != _FP_HEADER.size + 4 * (num_perm + n):
            raise ValueError("dedup fingerprint is truncated or has trailing bytes")
        _check_params(k, num_perm)
        body = np.frombuffer(data, dtype="<u4", offset=_FP_HEADER.size)
        sig = body[:num_perm].astype(np.uint32)
        ids = body[num_perm:].astype(np.uint32)
        if ids.size > 1 and not bool(np.all(ids[1:] > ids[:-1])):
            raise ValueError("dedup fingerprint is corrupt: shingles not sorted and unique")
        return cls(ids, sig, k, num_perm)
