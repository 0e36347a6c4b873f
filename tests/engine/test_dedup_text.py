"""Tests for engine.dedup on texts: normalisation, shingles and MinHash, the LSH arithmetic, exact
similarity, shared passages.

Runs without Django or a database:
``python -m pytest tests/engine/test_dedup_text.py tests/engine/test_dedup_index.py
-p no:django --noconftest -q`` (``--noconftest`` because tests/conftest.py imports Django
models); under the full suite they run as is.
The corpus comes from the benchmark's generator (``bench.dedup_corpus``), so both exercise the
same kind of text. The index itself is tested in test_dedup_index.py.
"""

from __future__ import annotations

import math
import random
import time

import numpy as np
import pytest

from bench.dedup_corpus import FRESH_OFFSET, generate, plant_copy
from engine import dedup
from engine.dedup import DedupIndex, Fingerprint, normalise, shared_passages
from engine.dedup.fingerprint import _signature
from engine.dedup.lsh import _band_hit_minimum
from engine.text import to_traditional
from tests.engine.dedup_reference import TEXT, brute_overlap, brute_shingles, reference_normalise

# --------------------------------------------------------------------------------------------
# normalise
# --------------------------------------------------------------------------------------------


def test_normalise_folds_script_width_case_and_drops_punctuation() -> None:
    dedup.warm_up()  # idempotent; builds the per-character tables
    assert normalise("儲能系統，安全！") == "储能系统安全"
    assert normalise("储能 系统\n\t安全。") == "储能系统安全"
    assert normalise("ＡＢＣ－１２３（Ｗｈ/ｋｇ）") == "abc123whkg"
    assert normalise("“磷酸铁锂”、《电池》；：？！…—·") == "磷酸铁锂电池"
    assert normalise("温度25℃，质量3㎏") == "温度25c质量3kg"
    assert normalise("") == ""
    assert normalise("，。 \n") == ""


def test_normalise_matches_its_definition_on_random_text() -> None:
    # Full-width forms, traditional phrases, expanding compatibility characters, and the cases
    # the fast path hands to the exact one: combining marks, Hangul jamo, final sigma, surrogates.
    pool = list("储能儲能乾隆干燥後后發髮著着，。、；：？！“”（）《》…℃㎏①²ＡＢａｂ１２ 　\n\t")
    pool += [*"ABCabc-_/%ΣσςἈéϹ", "e\u0301", "\u1100\u1161", "ㄱㅏ", "İ", "\ud800", "𠀀", "ﾞｶ"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert normalise(text) == reference_normalise(text), repr(text)


def test_normalise_with_offsets_points_at_source_characters() -> None:
    text = "储能，系统 ＡＢ℃……儲能" + TEXT
    norm, offsets = dedup.normalise_with_offsets(text)
    assert norm == normalise(text)
    assert len(offsets) == len(norm)
    assert np.all(np.diff(offsets) >= 0)
    for ch, at in zip(norm, offsets.tolist(), strict=True):
        assert ch in normalise(text[at])


@pytest.mark.parametrize("bad", [None, b"bytes", 12, ["list"]])
def test_non_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        normalise(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        dedup.shingles(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        shared_passages("储能", bad)  # type: ignore[arg-type]
    idx = DedupIndex()
    with pytest.raises(TypeError, match="str or a Fingerprint"):
        idx.add(1, bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str or a Fingerprint"):
        idx.query(bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Shingles, signatures, exact similarity
# --------------------------------------------------------------------------------------------


def test_shingles_of_empty_and_short_texts() -> None:
    assert dedup.shingles("").size == 0
    assert dedup.shingles("，。 ").size == 0
    assert dedup.shingles("储能").size == 1  # shorter than k: one shingle, so it can still match
    assert np.array_equal(dedup.shingles("储能"), dedup.shingles("儲能"))
    ids = dedup.shingles(TEXT)
    assert ids.dtype == np.uint32
    assert np.all(np.diff(ids.astype(np.int64)) > 0)  # sorted, unique
    assert ids.size == len(brute_shingles(TEXT))


PINNED_SHINGLE_SUM = 11554121267
PINNED_SIGNATURE_SUM = 658445838755


def test_shingle_hashing_is_pinned() -> None:
    # Fingerprints are persisted: a change of hashing must bump SCHEME_VERSION, not slip through.
    ids = dedup.shingles("储能系统安全防护关键技术")
    assert ids.size == 8
    assert int(ids.astype(np.uint64).sum()) == PINNED_SHINGLE_SUM
    sig = Fingerprint.of("储能系统安全防护关键技术").signature
    assert int(sig.astype(np.uint64).sum()) == PINNED_SIGNATURE_SUM


def test_exact_similarity_equals_brute_force() -> None:
    rng = random.Random(3)
    words = [
        "储能",
        "系统",
        "电池",
        "关键技术",
        "本项目",
        "稀土",
        "永磁",
        "氢能",
        "电解槽",
        "，",
        "。",
    ]
    for _ in range(150):
        a = "".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        k = rng.choice((2, 3, 5))
        assert dedup.similarity(a, b, k) == pytest.approx(brute_overlap(a, b, k), abs=1e-12)


def test_minhash_estimates_jaccard_without_bias() -> None:
    rng = np.random.default_rng(11)
    errors = []
    for _ in range(100):
        universe = rng.choice(2**32, size=6000, replace=False).astype(np.uint32)
        n = int(rng.integers(20, 3000))
        a = np.sort(rng.choice(universe, n, replace=False))
        b = np.sort(rng.choice(universe, n, replace=False))
        exact = np.intersect1d(a, b).size / np.union1d(a, b).size
        est = float(np.mean(_signature(a, 256) == _signature(b, 256)))
        errors.append(est - exact)
    assert abs(np.mean(errors)) < 0.01
    assert np.std(errors) < 0.04  # binomial bound sqrt(0.25/256) = 0.031
    # Consecutive small ids (not hash-like) must not bias it either.
    a = np.arange(0, 1000, dtype=np.uint32)
    b = np.arange(500, 1500, dtype=np.uint32)
    est = float(np.mean(_signature(a, 256) == _signature(b, 256)))
    assert est == pytest.approx(500 / 1500, abs=0.1)


def test_banding_catches_the_jaccard_floor_of_the_threshold() -> None:
    # The claims of the module docstring, at the default banding.
    bands, rows = dedup.DEFAULT_BANDS, dedup.DEFAULT_NUM_PERM // dedup.DEFAULT_BANDS
    assert dedup.jaccard_floor(0.5, 1.0) == pytest.approx(1 / 3)
    assert dedup.jaccard_floor(0.6, 0.3) == pytest.approx(0.18 / 1.12)
    for threshold, ratio in ((0.5, 1.0), (0.5, 0.36), (0.6, 0.3)):
        floor = dedup.jaccard_floor(threshold, ratio)
        assert dedup.lsh_probability(floor, bands, rows) > 0.95
    assert dedup.lsh_probability(dedup.jaccard_floor(0.5, 0.3), bands, rows) > 0.88
    assert dedup.lsh_probability(dedup.jaccard_floor(0.5, 0.3), 192, 2) > 0.96
    assert dedup.lsh_probability(0.0, bands, rows) == 0.0


def binom_cdf(m: int, n: int, p: float) -> float:
    """P[Binomial(n, p) <= m], summed directly (n is small)."""
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(m + 1))


def test_band_count_rule_keeps_pairs_at_the_floor() -> None:
    bands, delta = dedup.DEFAULT_BANDS, dedup.BAND_HIT_DELTA
    minimum = _band_hit_minimum(bands, delta)
    for i in range(0, minimum.size, 41):
        p = i / (minimum.size - 1)
        m = int(minimum[i])
        assert m >= 1
        assert m == 1 or binom_cdf(m - 1, bands, p) <= delta * 1.0001  # loses at most delta
        if m < bands:
            assert binom_cdf(m, bands, p) > delta * 0.9999  # and demands no more than that
    # Equal sizes at 0.5: floor 1/3, five bands; same-topic background (J ≈ 0.12) rarely has 5.
    assert minimum[int((1 / 3) ** 2 * (minimum.size - 1))] == 5
    assert 1 - binom_cdf(4, bands, 0.12**2) < 0.05


# --------------------------------------------------------------------------------------------
# shared_passages
# --------------------------------------------------------------------------------------------


def assert_passages_consistent(
    a: str, b: str, passages: list[tuple[tuple[int, int], tuple[int, int]]], min_len: int
) -> None:
    used_a: set[int] = set()
    used_b: set[int] = set()
    for (a0, a1), (b0, b1) in passages:
        assert 0 <= a0 < a1 <= len(a) and 0 <= b0 < b1 <= len(b)
        norm = normalise(a[a0:a1])
        assert norm == normalise(b[b0:b1]), (a[a0:a1], b[b0:b1])
        assert len(norm) >= min_len
        assert normalise(a[a0]) and normalise(a[a1 - 1])  # trimmed to letters and digits
        assert used_a.isdisjoint(range(a0, a1)) and used_b.isdisjoint(range(b0, b1))
        used_a.update(range(a0, a1))
        used_b.update(range(b0, b1))


def test_shared_passages_map_back_to_the_originals() -> None:
    source = generate(21)
    copy, _ = plant_copy(source, seed=4, share=0.6, traditional=True)
    passages = shared_passages(source.text, copy)
    assert_passages_consistent(source.text, copy, passages, dedup.DEFAULT_MIN_PASSAGE)
    assert passages == sorted(passages)
    covered = sum(len(normalise(copy[b0:b1])) for _, (b0, b1) in passages)
    assert covered > 0.6 * len(normalise(copy))  # most of the copy is highlighted


def test_shared_passages_find_reordered_passages() -> None:
    p1 = "本项目拟采用原位聚合工艺制备固态电解质，"
    p2 = "重点突破钠离子电池低温性能差的关键技术，"
    p3 = "建成年产五百吨硬碳负极材料中试生产线。"
    a = p1 + p2 + p3
    b = "前言：" + to_traditional(p3) + " " + p1.replace("，", ", ") + "另外写的内容。" + p2
    passages = shared_passages(a, b)
    assert_passages_consistent(a, b, passages, 8)
    assert [a[a0:a1] for (a0, a1), _ in passages] == [p1[:-1], p2[:-1], p3[:-1]]
    assert [b[b0:b1] for _, (b0, b1) in passages] == [
        p1[:-1].replace("，", ", "),
        p2[:-1],
        to_traditional(p3[:-1]),
    ]


def test_shared_passages_with_expanding_characters() -> None:
    a = "在零下20℃至45℃范围内运行……容量保持率达到95%以上"
    b = "在零下20°C至45°C范围内运行...容量保持率达到95％以上"
    passages = shared_passages(a, b, min_len=4)
    assert_passages_consistent(a, b, passages, 4)
    assert len(passages) == 1


def test_shared_passages_edge_cases() -> None:
    assert shared_passages("", TEXT) == []
    assert shared_passages(TEXT, "") == []
    assert shared_passages("完全不同的一句话", "另外一段毫无关系的文本内容") == []
    whole = shared_passages(TEXT, TEXT)
    assert whole == [((0, len(TEXT) - 2), (0, len(TEXT) - 2))]  # up to the final "……"
    with pytest.raises(ValueError):
        shared_passages(TEXT, TEXT, min_len=0)
    repetitive = "储能" * 3000
    assert_passages_consistent(repetitive, repetitive, shared_passages(repetitive, repetitive), 8)


def test_shared_passages_is_fast_on_10k_characters() -> None:
    docs = [generate(FRESH_OFFSET * 2 + i) for i in range(6)]
    a = "".join(d.text for d in docs)[:10_000]
    b = "".join(plant_copy(d, seed=i, share=0.9)[0] for i, d in enumerate(docs))[:10_000]
    shared_passages(a, b)  # warm the lookup tables
    start = time.perf_counter()
    passages = shared_passages(a, b)
    elapsed = time.perf_counter() - start
    assert passages
    assert elapsed < 1.0  # ~40 ms measured; generous for a busy CI machine
