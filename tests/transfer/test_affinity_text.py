"""engine.affinity_text against a brute-force TF-IDF written from the definition.

No database: ``python -m pytest tests/transfer/test_affinity_text.py -p no:django``.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from engine.affinity_text import similar, terms


def test_terms_are_folded_bigrams_single_characters_and_words() -> None:
    assert terms("液流电池") == ["液流", "流电", "电池"]
    assert terms("液流電池") == ["液流", "流电", "电池"]
    assert terms("铁、POE 材料") == ["铁", "poe", "材料"]
    assert terms("，。！") == []


def reference(query: list[str], candidates: list[list[str]], background: list[list[str]]):
    """TF-IDF cosine spelled out over the full vocabulary."""
    corpus = [*candidates, *background, query]
    vocabulary = sorted({term for document in corpus for term in document})
    n = len(corpus)

    def idf(term: str) -> float:
        df = sum(1 for document in corpus if term in document)
        return math.log((1 + n) / (1 + df)) + 1

    def vector(document: list[str]) -> list[float]:
        counts = Counter(document)
        raw = [(1 + math.log(counts[t])) * idf(t) if counts[t] else 0.0 for t in vocabulary]
        norm = math.sqrt(sum(x * x for x in raw))
        return [x / norm for x in raw] if norm else raw

    q = vector(query)
    return [sum(a * b for a, b in zip(q, vector(c), strict=True)) for c in candidates]


CANDIDATES = [
    "费托合成α-烯烃分离提纯工艺",
    "兆瓦级铁铬液流电池储能示范",
    "高压固体储热供暖远端云控",
    "氯碱工业无汞触媒全面应用",
    "煤基纳米碳氢炸药",
]
NEEDS = ["需要α-烯烃精馏分离技术", "寻求储能电池电解液技术", "电石法PVC无汞化改造"]


@pytest.mark.parametrize("need", NEEDS)
def test_scores_equal_the_reference(need) -> None:
    query = terms(need)
    candidates = [terms(text) for text in CANDIDATES]
    background = [terms(text) for text in NEEDS if text != need]
    expected = reference(query, candidates, background)
    matches = similar(query, candidates, background=background, limit=10, threshold=0.0)
    assert [m.index for m in matches] == sorted(
        range(len(CANDIDATES)), key=lambda i: (-expected[i], i)
    )
    for match in matches:
        assert match.score == pytest.approx(expected[match.index], abs=1e-4)


def test_the_most_similar_comes_first_and_unrelated_ones_are_left_out() -> None:
    matches = similar(terms("α-烯烃分离提纯"), [terms(text) for text in CANDIDATES])
    assert matches[0].index == 0
    assert all(m.index != 4 for m in matches)  # nothing in common with the explosive
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_ties_keep_the_candidates_order() -> None:
    matches = similar(terms("储能"), [terms("储能甲"), terms("储能乙")], threshold=0.0)
    assert [m.index for m in matches] == [0, 1]


def test_empty_inputs_give_no_matches() -> None:
    assert similar([], [terms("储能")]) == []
    assert similar(terms("储能"), []) == []
    assert similar(terms("储能"), [terms("光伏")]) == []
