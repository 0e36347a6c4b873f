"""Tests for engine.dedup.DedupIndex: finding copies, exact match figures, mutation,
persistence of fingerprints and of the index.

Runs without Django or a database:
``python -m pytest tests/engine/test_dedup_text.py tests/engine/test_dedup_index.py
-p no:django --noconftest -q`` (``--noconftest`` because tests/conftest.py imports Django
models); under the full suite they run as is.
The corpus comes from the benchmark's generator (``bench.dedup_corpus``), so both exercise the
same kind of text. Normalisation, similarity and shared passages are tested in test_dedup_text.py.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from bench.dedup_corpus import FRESH_OFFSET, generate, plant_copy
from engine.dedup import DedupIndex, Fingerprint, Match
from engine.dedup import index as dedup_index
from engine.text import to_traditional
from tests.engine.dedup_reference import TEXT, brute_jaccard, brute_overlap, brute_shingles


@pytest.fixture(scope="module")
def corpus() -> dict[int, str]:
    return {n: generate(n).text for n in range(300)}


@pytest.fixture(scope="module")
def index(corpus: dict[int, str]) -> DedupIndex:
    idx = DedupIndex()
    for doc_id, text in corpus.items():
        idx.add(doc_id, text)
    return idx


def test_bad_doc_ids_are_type_errors() -> None:
    idx = DedupIndex()
    for bad in (None, 1.5, True, ("a",)):
        with pytest.raises(TypeError, match="doc_id"):
            idx.add(bad, TEXT)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------------------------


def test_traditional_copy_is_found(index: DedupIndex, corpus: dict[int, str]) -> None:
    copy = to_traditional(corpus[5])
    assert copy != corpus[5]
    matches = index.query(copy)
    assert matches[0].doc_id == 5
    assert matches[0].similarity > 0.95
    idx = DedupIndex()
    idx.add("a", "本项目研究大规模储能系统的安全防护关键技术，提升电池循环寿命。")
    [match] = idx.query("本項目研究大規模儲能系統的安全防護關鍵技術，提升電池循環壽命。")
    assert match.doc_id == "a"
    assert match.similarity == 1.0


def test_punctuation_and_whitespace_do_not_hide_copying(
    index: DedupIndex, corpus: dict[int, str]
) -> None:
    original = corpus[17]
    restyled = original.translate(str.maketrans("，。；：（）", ",.;:()"))
    restyled = re.sub(r"([,.])", r"\1 \n ", restyled).replace("储能", "储 能")
    restyled = restyled.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})  # full-width digits
    matches = index.query(restyled)
    assert matches[0].doc_id == 17
    assert matches[0].similarity == 1.0


@pytest.mark.parametrize("share", [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
def test_planted_partial_copies_are_detected(index: DedupIndex, share: float) -> None:
    for trial in range(4):
        source = 40 * trial + int(share * 10)
        copy, _ = plant_copy(generate(source), seed=trial, share=share)
        matches = index.query(copy)
        assert matches, f"{share:.0%} copy of {source} not found"
        assert matches[0].doc_id == source
        assert matches[0].similarity >= 0.5
        assert all(m.doc_id == source for m in matches)  # nothing unrelated


def test_unrelated_documents_on_the_same_topics_are_not_flagged(index: DedupIndex) -> None:
    best = []
    for q in range(30):
        fresh = generate(FRESH_OFFSET + q).text
        assert index.query(fresh) == []
        near = index.query(fresh, threshold=0.05)
        best.append(near[0].similarity if near else 0.0)
    # Same topics and vocabulary: they do share phrases, but stay well below the threshold.
    assert 0.1 < max(best) < 0.45


def test_match_figures_equal_brute_force(corpus: dict[int, str]) -> None:
    idx = DedupIndex(threshold=0.05)
    for doc_id in range(40):
        idx.add(doc_id, corpus[doc_id])
    query, _ = plant_copy(generate(3), seed=1, share=0.5)
    matches = idx.query(query)
    assert matches[0].doc_id == 3
    for m in matches:
        text = corpus[int(m.doc_id)]
        assert m.similarity == pytest.approx(brute_overlap(query, text), abs=1e-12)
        assert m.jaccard == pytest.approx(brute_jaccard(query, text), abs=1e-12)
        assert m.shared == len(brute_shingles(query) & brute_shingles(text))
        assert abs(m.estimated - m.similarity) < 0.25
    assert [m.similarity for m in matches] == sorted((m.similarity for m in matches), reverse=True)


def test_empty_inputs() -> None:
    idx = DedupIndex()
    assert idx.query(TEXT) == []  # empty index
    assert idx.query("") == []
    idx.add("empty", "")
    idx.add("punctuation", "，。！")
    assert len(idx) == 2
    assert idx.query(TEXT) == []
    idx.add("text", TEXT)
    assert idx.query("") == []
    assert [m.doc_id for m in idx.query(TEXT)] == ["text"]
    assert idx.get("empty").size == 0


def test_exclude_and_query_id(index: DedupIndex, corpus: dict[int, str]) -> None:
    assert index.query(corpus[9], exclude=9) == []
    assert index.query(corpus[9], exclude=[9, 10]) == []
    assert [m.doc_id for m in index.query(corpus[9], exclude={10})] == [9]
    assert index.query_id(9) == []


def test_remove_and_replace(corpus: dict[int, str]) -> None:
    idx = DedupIndex()
    for doc_id in range(50):
        idx.add(doc_id, corpus[doc_id])
    idx.remove(7)
    assert 7 not in idx
    assert len(idx) == 49
    assert idx.query(corpus[7]) == []
    with pytest.raises(KeyError):
        idx.remove(7)
    idx.discard(7)  # no error
    idx.add(8, corpus[7])  # replacing 8's text
    assert [m.doc_id for m in idx.query(corpus[7])] == [8]
    assert idx.query(corpus[8]) == []
    for doc_id in range(0, 50, 2):
        idx.discard(doc_id)
    idx.optimise()  # compacts the removed slots away
    remaining = [d for d in range(1, 50, 2) if d != 7]
    assert sorted(idx.doc_ids) == remaining  # type: ignore[type-var]
    for doc_id in remaining:
        assert [m.doc_id for m in idx.query(corpus[doc_id])] == [doc_id]
    assert idx.query(corpus[8]) == [] and idx.query(corpus[7]) == []


def test_interleaved_adds_and_queries_match_a_bulk_build(
    corpus: dict[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dedup_index, "_TAIL_MAX", 20)
    bulk = DedupIndex(threshold=0.2)
    incremental = DedupIndex(threshold=0.2)
    for doc_id in range(300):
        bulk.add(doc_id, corpus[doc_id])
    bulk.optimise()
    for doc_id in range(300):
        incremental.add(doc_id, corpus[doc_id])
        if doc_id % 37 == 0:
            incremental.query(corpus[doc_id])  # merges the tail into the sorted table
    for q in range(0, 300, 15):
        copy, _ = plant_copy(generate(q), seed=q)
        assert bulk.query(copy) == incremental.query(copy)


def test_random_adds_removals_and_queries_match_a_fresh_index(
    corpus: dict[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dedup_index, "_TAIL_MAX", 16)  # merge and compact often
    rng = random.Random(5)
    fps = {doc_id: Fingerprint.of(text) for doc_id, text in corpus.items()}
    live = DedupIndex(threshold=0.3)
    stored: set[int] = set()
    for step in range(600):
        doc_id = rng.randrange(300)
        if doc_id in stored and rng.random() < 0.4:
            live.remove(doc_id)
            stored.discard(doc_id)
        else:
            live.add(doc_id, fps[(doc_id + step) % 300])  # sometimes replaces the text
            stored.add(doc_id)
        if step % 25 == 0:
            fresh = DedupIndex(threshold=0.3)
            for d in sorted(stored):
                fresh.add(d, live.get(d))
            probe = fps[rng.randrange(300)]
            assert live.query(probe) == fresh.query(probe)
            assert len(live) == len(stored)
    assert set(live.doc_ids) == stored  # type: ignore[arg-type]


def test_serialisation_round_trip(corpus: dict[int, str]) -> None:
    idx = DedupIndex()
    for doc_id in range(60):
        idx.add(doc_id if doc_id % 2 else f"app-{doc_id}", corpus[doc_id])
    idx.remove(3)
    restored = DedupIndex.from_bytes(idx.to_bytes())
    assert sorted(map(str, restored.doc_ids)) == sorted(map(str, idx.doc_ids))
    assert (restored.k, restored.num_perm, restored.bands, restored.threshold) == (
        idx.k,
        idx.num_perm,
        idx.bands,
        idx.threshold,
    )
    for q in range(60):
        copy, _ = plant_copy(generate(q), seed=q)
        assert restored.query(copy) == idx.query(copy)
    assert restored.query(corpus[3]) == []
    with pytest.raises(ValueError, match="DedupIndex"):
        DedupIndex.from_bytes(Fingerprint.of(TEXT).to_bytes())


def test_fingerprint_bytes_round_trip_and_validation() -> None:
    fp = Fingerprint.of(TEXT)
    back = Fingerprint.from_bytes(fp.to_bytes())
    assert np.array_equal(back.shingles, fp.shingles)
    assert np.array_equal(back.signature, fp.signature)
    assert (back.k, back.num_perm) == (fp.k, fp.num_perm)
    idx = DedupIndex()
    idx.add("stored", back)  # the web app rebuilds the index from persisted fingerprints
    assert idx.query(TEXT)[0].similarity == 1.0
    data = fp.to_bytes()
    with pytest.raises(ValueError, match="magic"):
        Fingerprint.from_bytes(b"XXXX" + data[4:])
    with pytest.raises(ValueError, match="truncated"):
        Fingerprint.from_bytes(data[:-1])
    with pytest.raises(ValueError, match="scheme"):
        Fingerprint.from_bytes(data[:4] + bytes([99]) + data[5:])
    with pytest.raises(TypeError):
        Fingerprint.from_bytes("text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="num_perm"):
        DedupIndex(num_perm=128, bands=64).add(1, fp)


def test_constructor_validation() -> None:
    with pytest.raises(ValueError):
        DedupIndex(k=0)
    with pytest.raises(ValueError):
        DedupIndex(num_perm=128, bands=200)
    with pytest.raises(ValueError):
        DedupIndex(threshold=0.0)
    assert "128x2" in repr(DedupIndex())


def test_match_is_a_plain_value() -> None:
    m = Match(doc_id=1, similarity=0.5, estimated=0.5, jaccard=0.3, shared=10)
    assert m == Match(doc_id=1, similarity=0.5, estimated=0.5, jaccard=0.3, shared=10)
