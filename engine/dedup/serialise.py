"""Persistence of a :class:`engine.dedup.DedupIndex` as one ``.npz`` blob (no pickle).

:meth:`DedupIndex.to_bytes` and :meth:`DedupIndex.from_bytes` delegate here.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING

import numpy as np

from engine.dedup.params import SCHEME_VERSION

if TYPE_CHECKING:
    from engine.dedup.index import DedupIndex

_INDEX_FORMAT = "tuwei-dedup-index"


def index_to_bytes(index: DedupIndex) -> bytes:
    """The whole index as one ``.npz`` blob (no pickle; ids must be JSON ints or strs)."""
    live = np.flatnonzero(index._alive[: index._n])
    ids = [index._ids[i] for i in live]
    sets = [index._shingles[i] for i in live]
    offsets = np.zeros(live.size + 1, dtype=np.int64)
    np.cumsum([s.size for s in sets if s is not None], out=offsets[1:])
    meta = {
        "format": _INDEX_FORMAT,
        "scheme": SCHEME_VERSION,
        "k": index.k,
        "num_perm": index.num_perm,
        "bands": index.bands,
        "threshold": index.threshold,
        "ids": ids,
    }
    shingle_data = (
        np.concatenate([s for s in sets if s is not None]) if sets else np.zeros(0, dtype=np.uint32)
    )
    buf = io.BytesIO()
    np.savez(
        buf,
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
        signatures=index._sigs[live],
        offsets=offsets,
        shingles=shingle_data.astype(np.uint32),
    )
    return buf.getvalue()


def index_from_bytes(cls: type[DedupIndex], data: bytes) -> DedupIndex:
    """Inverse of :func:`index_to_bytes`, building a ``cls``. Raises ValueError on anything else."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if bytes(data[:4]) != b"PK\x03\x04":  # an .npz is a zip archive
        raise ValueError("not a serialised DedupIndex")
    try:
        npz = np.load(io.BytesIO(data), allow_pickle=False)
        meta = json.loads(npz["meta"].tobytes().decode())
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ValueError("not a serialised DedupIndex") from exc
    with npz:
        if not isinstance(meta, dict) or meta.get("format") != _INDEX_FORMAT:
            raise ValueError("not a serialised DedupIndex")
        if meta["scheme"] != SCHEME_VERSION:
            raise ValueError(f"index scheme {meta['scheme']} is not {SCHEME_VERSION}")
        index = cls(
            k=meta["k"],
            num_perm=meta["num_perm"],
            bands=meta["bands"],
            threshold=meta["threshold"],
        )
        sigs = npz["signatures"].astype(np.uint32)
        offsets = npz["offsets"]
        data_ids = npz["shingles"].astype(np.uint32)
    ids = meta["ids"]
    if (
        not isinstance(ids, list)
        or not all(isinstance(d, int | str) and not isinstance(d, bool) for d in ids)
        or len(set(ids)) != len(ids)
        or sigs.shape != (len(ids), index.num_perm)
        or offsets.shape != (len(ids) + 1,)
        or offsets[0] != 0
        or offsets[-1] != data_ids.size
        or np.any(np.diff(offsets) < 0)
    ):
        raise ValueError("serialised DedupIndex is inconsistent")
    n = len(ids)
    index._grow(n)
    index._sigs[:n] = sigs
    index._sizes[:n] = np.diff(offsets)
    index._alive[:n] = True
    index._ids = list(ids)
    index._shingles = [data_ids[offsets[i] : offsets[i + 1]] for i in range(n)]
    index._slot = {d: i for i, d in enumerate(ids)}
    index._n = n
    index._rebuild()
    return index
