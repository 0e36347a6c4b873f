"""Near-duplicate detection (查重) for Chinese-language applications.

Officers must be warned when a new application largely repeats another one already in the system,
past rounds included. Copying rarely survives verbatim: passages are reordered, words swapped,
punctuation changed, the text is pasted through a traditional-script converter. This package finds
such copies among ~10^5 stored applications in well under a second per query.

Pipeline
========
1. :func:`normalise` folds script, width and case (:func:`engine.text.fold`) and drops everything
   that is not a letter or digit, so 儲能 = 储能, and "，" or "," or a line break cannot hide
   copying.
2. The normalised text is cut into overlapping *k-character shingles* (Chinese has no spaces, so
   words are not available without a segmenter, and characters are informative enough that
   k = :data:`DEFAULT_K` consecutive ones rarely repeat between independently written texts;
   ``python -m bench.dedup --k ...`` shows the trade-off). Each shingle is hashed to a 32-bit id;
   a document is the *set* of its ids (:class:`Fingerprint`).
3. A :class:`DedupIndex` keeps a MinHash signature per document and a banded LSH table, which
   proposes candidates without comparing the query with every stored document; candidates are
   screened on their signatures, then *verified exactly* on the shingle sets, so what is reported
   never rests on an estimate.

Similarity
==========
The reported similarity is the **overlap coefficient** of the two shingle sets::

    similarity(A, B) = |A ∩ B| / min(|A|, |B|) = max(|A∩B|/|A|, |A∩B|/|B|)

i.e. the share of the *shorter* application that also occurs in the other. It is chosen over the
Jaccard index |A∩B| / |A∪B| because copying is asymmetric. In the benchmark (``bench.dedup``),
an application assembled from 30-90 % of another's sentences, reordered and edited, overlaps its
source by 0.62-0.8 but has a Jaccard index as low as 0.20, while two unrelated applications of
the same field, sharing its stock phrases (关键技术, 产业化应用 …), have a Jaccard index of
≈ 0.12: no Jaccard threshold separates the two, an overlap threshold of 0.5 does (unrelated
pairs overlap by ≈ 0.23, and the closest of 100,000 stored by at most 0.36). The Jaccard index is
reported too (:attr:`Match.jaccard`).

Because MinHash estimates Jaccard, not overlap, the LSH banding is tuned for the Jaccard floor
the threshold implies (:func:`jaccard_floor`): a copy 30 % the size of its source and 60 %
contained in it has J = 0.16 only. The default 128 bands of 2 rows (``num_perm=256``) propose every
pair with J >= 0.153 with probability >= 0.95 (:func:`lsh_probability`), i.e. every pair at the
0.5 threshold whose smaller document is at least 36 % the size of the larger (0.89 at 30 %;
``num_perm=384, bands=192`` raises that to 0.96 for 1.5x the memory). The many unrelated
candidates so low a floor lets through are screened on their full signatures against the same
floor and only the survivors are verified exactly, so they cost little.

Only numpy and :mod:`engine.text` (OpenCC) are imported, never Django: the web layer persists
:meth:`Fingerprint.to_bytes` per application and rebuilds a :class:`DedupIndex` from them.

Modules
=======
* :mod:`engine.dedup.params`: shared array types, default parameters, argument checks.
* :mod:`engine.dedup.text`: :func:`normalise` and :func:`normalise_with_offsets`, with the
  per-character lookup tables that make them fast (:func:`warm_up`).
* :mod:`engine.dedup.fingerprint`: shingle hashing, one-permutation MinHash, exact overlap
  (:func:`shingles`, :func:`overlap`, :func:`similarity`) and :class:`Fingerprint`.
* :mod:`engine.dedup.lsh`: the banding arithmetic (:func:`lsh_probability`,
  :func:`jaccard_floor`, band keys and the band-count rule).
* :mod:`engine.dedup.index`: :class:`DedupIndex`, with its persistence format in
  :mod:`engine.dedup.serialise` and what its queries return in :mod:`engine.dedup.results`
  (:class:`Match`, :class:`QueryStats`).
* :mod:`engine.dedup.passages`: :func:`shared_passages` by greedy string tiling.

Everything public is re-exported here: import from ``engine.dedup``, not from the submodules.
"""

from engine.dedup.fingerprint import Fingerprint, overlap, shingles, similarity
from engine.dedup.index import PREFILTER_SIGMAS, DedupIndex
from engine.dedup.lsh import BAND_HIT_DELTA, jaccard_floor, lsh_probability
from engine.dedup.params import (
    DEFAULT_BANDS,
    DEFAULT_K,
    DEFAULT_MIN_PASSAGE,
    DEFAULT_NUM_PERM,
    DEFAULT_THRESHOLD,
    SCHEME_VERSION,
    U32,
    U64,
    DocId,
    IntArray,
)
from engine.dedup.passages import shared_passages
from engine.dedup.results import Match, QueryStats
from engine.dedup.text import normalise, normalise_with_offsets, warm_up

__all__ = [
    "BAND_HIT_DELTA",
    "DEFAULT_BANDS",
    "DEFAULT_K",
    "DEFAULT_MIN_PASSAGE",
    "DEFAULT_NUM_PERM",
    "DEFAULT_THRESHOLD",
    "PREFILTER_SIGMAS",
    "SCHEME_VERSION",
    "U32",
    "U64",
    "DedupIndex",
    "DocId",
    "Fingerprint",
    "IntArray",
    "Match",
    "QueryStats",
    "jaccard_floor",
    "lsh_probability",
    "normalise",
    "normalise_with_offsets",
    "overlap",
    "shared_passages",
    "shingles",
    "similarity",
    "warm_up",
]
