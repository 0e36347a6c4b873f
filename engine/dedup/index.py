"""The MinHash-LSH index of application texts: :class:`DedupIndex`."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Final

import numpy as np
from numpy.typing import NDArray

from engine.dedup.fingerprint import Fingerprint, _intersection_size
from engine.dedup.lsh import BAND_HIT_DELTA, _band_hit_minimum, _band_keys, _pair_floor
from engine.dedup.params import (
    DEFAULT_BANDS,
    DEFAULT_K,
    DEFAULT_NUM_PERM,
    DEFAULT_THRESHOLD,
    U32,
    U64,
    DocId,
    IntArray,
    _check_params,
    _check_threshold,
)
from engine.dedup.results import Match, QueryStats
from engine.dedup.serialise import index_from_bytes, index_to_bytes

#: Candidates whose MinHash estimate is this many standard deviations below the Jaccard floor of
#: the threshold are dropped without exact verification (a pair at the threshold is lost with
#: probability Φ(-4) ≈ 3e-5; pairs above it even less often).
PREFILTER_SIGMAS: Final = 4.0


#: Documents added since the last merge are scanned linearly (~2 ms per 1,000); beyond this many
#: the next query merges them into the sorted table.
_TAIL_MAX = 2048


class DedupIndex:
    """MinHash-LSH index of application texts with exact verification of every candidate.

    ``add`` stores a document's fingerprint; ``query`` returns stored documents whose exact
    similarity (overlap coefficient, see the package docstring) with a text reaches the threshold.

    Storage is columnar numpy (signature matrix, sizes, one sorted table of all band keys) rather
    than dicts of buckets: 100,000 documents with 128 bands would be 12.8 million Python objects.
    Added documents go to an unsorted *tail* scanned linearly, merged into the sorted table by the
    first query after 2,048 additions, so both bulk loading and add-then-query interleaving stay
    cheap. Removed documents are only marked dead; :meth:`optimise` compacts them away, as does a
    query once they outnumber the live ones. Not thread-safe: guard it
    with a lock if shared.

    Typical use by the web layer, which stores ``Fingerprint.to_bytes()`` with each application::

        index = DedupIndex()
        for pk, blob in stored_fingerprints:          # at start-up
            index.add(pk, Fingerprint.from_bytes(blob))
        fp = index.fingerprint(application_text)      # on submission
        warnings = index.query(fp, exclude=application_pk)
        index.add(application_pk, fp)                 # and persist fp.to_bytes()
    """

    def __init__(
        self,
        *,
        k: int = DEFAULT_K,
        num_perm: int = DEFAULT_NUM_PERM,
        bands: int = DEFAULT_BANDS,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        _check_params(k, num_perm)
        if (
            isinstance(bands, bool)
            or not isinstance(bands, int)
            or not 1 <= bands <= min(num_perm, 256)
        ):
            raise ValueError("bands must be between 1 and min(num_perm, 256)")
        _check_threshold(threshold)
        self.k = k
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.threshold = threshold
        self._ids: list[DocId | None] = []
        self._slot: dict[DocId, int] = {}
        self._shingles: list[U32 | None] = []
        self._sigs: U32 = np.zeros((0, num_perm), dtype=np.uint32)
        self._sizes: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._alive: NDArray[np.bool_] = np.zeros(0, dtype=np.bool_)
        self._n = 0  # slots used
        self._sorted_n = 0  # slots [0, _sorted_n) are in the sorted band tables
        # All bands' keys of the first _sorted_n slots, sorted, and the slot of each key.
        self._table_keys: U64 = np.zeros(0, dtype=np.uint64)
        self._table_slots: NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        #: Cost of the most recent query (diagnostics for tuning and the benchmark).
        self.last_stats = QueryStats(0, 0, 0, 0)

    # -- bookkeeping ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._slot

    def __repr__(self) -> str:
        return (
            f"DedupIndex({len(self)} documents, k={self.k}, num_perm={self.num_perm}, "
            f"bands={self.bands}x{self.rows}, threshold={self.threshold})"
        )

    @property
    def doc_ids(self) -> list[DocId]:
        return list(self._slot)

    def fingerprint(self, text: str) -> Fingerprint:
        """The fingerprint of ``text`` under this index's parameters."""
        return Fingerprint.of(text, self.k, self.num_perm)

    def nbytes(self) -> int:
        """Bytes held in numpy arrays (signatures, shingle sets, band tables)."""
        shingle_bytes = sum(s.nbytes for s in self._shingles if s is not None)
        return int(
            self._sigs[: self._n].nbytes
            + self._sizes[: self._n].nbytes
            + shingle_bytes
            + self._table_keys.nbytes
            + self._table_slots.nbytes
        )

    def _check_fingerprint(self, fp: Fingerprint) -> None:
        if not isinstance(fp, Fingerprint):
            raise TypeError(f"expected a Fingerprint, not {type(fp).__name__}")
        if fp.k != self.k or fp.num_perm != self.num_perm:
            raise ValueError(
                f"fingerprint has k={fp.k}, num_perm={fp.num_perm}; "
                f"the index uses k={self.k}, num_perm={self.num_perm}"
            )

    @staticmethod
    def _check_id(doc_id: object) -> DocId:
        if isinstance(doc_id, bool) or not isinstance(doc_id, int | str):
            raise TypeError(f"doc_id must be an int or a str, not {type(doc_id).__name__}")
        return doc_id

    def _as_fingerprint(self, text: str | Fingerprint) -> Fingerprint:
        if isinstance(text, Fingerprint):
            self._check_fingerprint(text)
            return text
        if not isinstance(text, str):
            raise TypeError(f"text must be a str or a Fingerprint, not {type(text).__name__}")
        return self.fingerprint(text)

    def _grow(self, needed: int) -> None:
        capacity = self._sigs.shape[0]
        if needed <= capacity:
            return
        new_cap = max(needed, 2 * capacity, 64)
        sigs = np.zeros((new_cap, self.num_perm), dtype=np.uint32)
        sigs[: self._n] = self._sigs[: self._n]
        sizes = np.zeros(new_cap, dtype=np.int64)
        sizes[: self._n] = self._sizes[: self._n]
        alive = np.zeros(new_cap, dtype=np.bool_)
        alive[: self._n] = self._alive[: self._n]
        self._sigs, self._sizes, self._alive = sigs, sizes, alive

    # -- mutation ------------------------------------------------------------------------------

    def add(self, doc_id: DocId, text: str | Fingerprint) -> Fingerprint:
        """Store a document (replacing any with the same id); returns its fingerprint.

        ``text`` may be a precomputed :class:`Fingerprint` (e.g. loaded from the database).
        An empty text is stored but never matches anything.
        """
        self._check_id(doc_id)
        fp = self._as_fingerprint(text)
        if doc_id in self._slot:
            self.remove(doc_id)
        self._grow(self._n + 1)
        slot = self._n
        self._n += 1
        self._ids.append(doc_id)
        self._shingles.append(fp.shingles)
        self._sigs[slot] = fp.signature
        self._sizes[slot] = fp.size
        self._alive[slot] = True
        self._slot[doc_id] = slot
        return fp

    def add_many(self, items: Iterable[tuple[DocId, str | Fingerprint]]) -> None:
        """``add`` for each (doc_id, text or fingerprint) pair."""
        for doc_id, text in items:
            self.add(doc_id, text)

    def remove(self, doc_id: DocId) -> None:
        """Forget a document. Raises KeyError if it is not stored."""
        slot = self._slot.pop(doc_id)
        self._ids[slot] = None
        self._shingles[slot] = None
        self._alive[slot] = False
        self._sizes[slot] = 0

    def discard(self, doc_id: DocId) -> None:
        """Forget a document if it is stored."""
        if doc_id in self._slot:
            self.remove(doc_id)

    def _compact(self) -> None:
        """Drop removed slots, renumbering the rest in order (sorted tables stay sorted)."""
        alive = self._alive[: self._n]
        live = np.flatnonzero(alive)
        if live.size == self._n:
            return
        renumber = np.cumsum(alive, dtype=np.int64) - 1
        if self._table_slots.size:
            kept = alive[self._table_slots]
            self._table_keys = self._table_keys[kept]
            self._table_slots = renumber[self._table_slots[kept]].astype(np.int32)
        self._sorted_n = int(np.count_nonzero(alive[: self._sorted_n]))
        self._ids = [self._ids[i] for i in live]
        self._shingles = [self._shingles[i] for i in live]
        n = live.size
        self._sigs[:n] = self._sigs[live]
        self._sizes[:n] = self._sizes[live]
        self._alive[:n] = True
        self._alive[n : self._n] = False
        self._n = n
        self._slot = {d: i for i, d in enumerate(self._ids) if d is not None}

    def _rebuild(self) -> None:
        """Compact removed slots away and merge the tail into the sorted band-key table.

        Merging (sort the tail's keys, ``np.insert`` them) moves the table once instead of
        re-sorting it: ~0.1 s at 100,000 documents rather than seconds, so the query that
        triggers it stays well inside its budget.
        """
        self._compact()
        if self._n == self._sorted_n:
            return
        keys = _band_keys(self._sigs[self._sorted_n : self._n], self.bands, self.rows).ravel()
        order = np.argsort(keys)
        keys = keys[order]
        slots = (order // self.bands + self._sorted_n).astype(np.int32)
        if self._table_keys.size:
            at = np.searchsorted(self._table_keys, keys)
            self._table_keys = np.insert(self._table_keys, at, keys)
            self._table_slots = np.insert(self._table_slots, at, slots)
        else:
            self._table_keys, self._table_slots = keys, slots
        self._sorted_n = self._n

    def optimise(self) -> None:
        """Compact and merge now, e.g. after a bulk load or from a background task (otherwise
        the next query does it once enough documents were added or removed)."""
        self._rebuild()

    def _maybe_rebuild(self) -> None:
        dead = self._n - len(self._slot)
        if self._n - self._sorted_n > _TAIL_MAX or dead > max(_TAIL_MAX, self._n // 2):
            self._rebuild()

    # -- queries -------------------------------------------------------------------------------

    def _band_hits(self, sig: U32) -> tuple[IntArray, IntArray]:
        """Live non-empty slots sharing at least one band with ``sig``, and how many bands."""
        self._maybe_rebuild()
        qkeys = _band_keys(sig, self.bands, self.rows)
        found: list[NDArray[np.integer]] = []
        if self._sorted_n:
            lo = np.searchsorted(self._table_keys, qkeys, side="left")
            hi = np.searchsorted(self._table_keys, qkeys, side="right")
            lengths = hi - lo
            total = int(lengths.sum())
            if total:
                starts = np.cumsum(lengths) - lengths
                at = np.arange(total) + np.repeat(lo - starts, lengths)
                found.append(self._table_slots[at])
        if self._n > self._sorted_n:
            tail_keys = _band_keys(self._sigs[self._sorted_n : self._n], self.bands, self.rows)
            tail_hits = (tail_keys == qkeys).sum(axis=1)
            tail = np.flatnonzero(tail_hits)
            found.append(np.repeat(tail + self._sorted_n, tail_hits[tail]))
        if not found:
            empty = np.zeros(0, dtype=np.intp)
            return empty, empty
        slots = np.sort(np.concatenate(found).astype(np.intp))
        if slots.size == 0:
            return slots, slots
        first = np.flatnonzero(np.r_[True, slots[1:] != slots[:-1]])
        cand = slots[first]
        hits = np.diff(np.r_[first, slots.size])
        keep = self._alive[cand] & (self._sizes[cand] > 0)
        return cand[keep], hits[keep]

    def _candidates(self, fp: Fingerprint, limit: float) -> tuple[IntArray, int]:
        """LSH candidates for a query, and how many documents shared any band at all.

        A pair of Jaccard index J shares each band with probability J^rows, so the number of
        shared bands is ~Binomial(bands, J^rows). Classic banding asks for one shared band; here
        the pair's own sizes give its Jaccard floor (:func:`jaccard_floor`), and the candidate
        must share as many bands as a pair AT that floor shares with probability at least
        1 - BAND_HIT_DELTA. Two documents of similar size (floor 1/3, ~14 shared bands expected)
        must share 5 bands, which drops most same-topic collisions (J ≈ 0.1, ~1.3 expected); a
        short copy of a long source (floor ≈ 0.15) still needs only one.
        """
        cand, hits = self._band_hits(fp.signature)
        floor = _pair_floor(limit, self._sizes[cand], fp.size)
        minimum = _band_hit_minimum(self.bands, BAND_HIT_DELTA)
        needed = minimum[np.floor(floor**self.rows * (minimum.size - 1)).astype(np.intp)]
        return cand[hits >= needed], int(cand.size)

    def candidates(self, text: str | Fingerprint) -> list[DocId]:
        """Ids the LSH tables propose for ``text`` before exact verification (for tuning)."""
        fp = self._as_fingerprint(text)
        if fp.size == 0 or not self._slot:
            return []
        slots = self._candidates(fp, self.threshold)[0].tolist()
        return [d for d in (self._ids[s] for s in slots) if d is not None]

    def query(
        self,
        text: str | Fingerprint,
        exclude: DocId | Collection[DocId] | None = None,
        *,
        threshold: float | None = None,
    ) -> list[Match]:
        """Stored documents with exact similarity >= threshold, most similar first.

        ``exclude`` is one id or a collection of ids to leave out (typically the application
        itself). ``threshold`` overrides the index's for this call: the band-count rule and the
        signature screen follow it, but banding proposes pairs with a Jaccard index below ~0.15
        only by chance, so far lower thresholds miss some pairs of very unequal size.
        ``last_stats`` tells what the call cost.
        """
        fp = self._as_fingerprint(text)
        limit = self.threshold if threshold is None else _check_threshold(threshold)
        self.last_stats = QueryStats(0, 0, 0, 0)
        if fp.size == 0 or not self._slot:
            return []
        cand, colliding = self._candidates(fp, limit)
        if exclude is not None:
            excluded = {exclude} if isinstance(exclude, int | str) else set(exclude)
            slots = [self._slot[d] for d in excluded if d in self._slot]
            if slots:
                cand = cand[~np.isin(cand, slots)]
        n_candidates = int(cand.size)
        # Screen candidates on the full signatures before touching shingle sets: the fraction of
        # equal signature positions estimates the Jaccard index, and the sizes turn the threshold
        # into the Jaccard floor it implies for this very pair (jaccard_floor). A pair exactly at
        # the threshold survives the screen with probability 1 - Φ(-PREFILTER_SIGMAS).
        sizes = self._sizes[cand]
        est_j = (self._sigs[cand] == fp.signature).mean(axis=1)
        floor = _pair_floor(limit, sizes, fp.size)
        sigma = np.sqrt(floor * (1.0 - floor) / self.num_perm)
        keep = est_j >= floor - PREFILTER_SIGMAS * sigma - 1.0 / self.num_perm
        cand, sizes, est_j = cand[keep], sizes[keep], est_j[keep]
        matches: list[Match] = []
        for slot, size, ej in zip(cand.tolist(), sizes.tolist(), est_j.tolist(), strict=True):
            other = self._shingles[slot]
            assert other is not None
            shared = _intersection_size(fp.shingles, other)
            small = min(size, fp.size)
            sim = shared / small
            if sim < limit:
                continue
            est_shared = ej * (size + fp.size) / (1.0 + ej)
            doc_id = self._ids[slot]
            assert doc_id is not None
            matches.append(
                Match(
                    doc_id=doc_id,
                    similarity=sim,
                    estimated=min(1.0, est_shared / small),
                    jaccard=shared / (size + fp.size - shared),
                    shared=shared,
                )
            )
        self.last_stats = QueryStats(colliding, n_candidates, int(cand.size), len(matches))
        matches.sort(key=lambda m: (-m.similarity, str(m.doc_id)))
        return matches

    def get(self, doc_id: DocId) -> Fingerprint:
        """The stored fingerprint of a document (KeyError if absent)."""
        slot = self._slot[doc_id]
        ids = self._shingles[slot]
        assert ids is not None
        return Fingerprint(ids, self._sigs[slot].copy(), self.k, self.num_perm)

    def query_id(self, doc_id: DocId, *, threshold: float | None = None) -> list[Match]:
        """Stored documents similar to a stored one (itself excluded)."""
        return self.query(self.get(doc_id), exclude=doc_id, threshold=threshold)

    def to_bytes(self) -> bytes:
        """The whole index as one ``.npz`` blob (no pickle; ids must be JSON ints or strs)."""
        return index_to_bytes(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> DedupIndex:
        """Inverse of :meth:`to_bytes`. Raises ValueError on anything else."""
        return index_from_bytes(cls, data)
