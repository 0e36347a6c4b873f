"""Text affinity: TF-IDF over folded character bigrams, cosine similarity.

Chinese has no spaces, so a text is cut into overlapping character bigrams (储能 →
储能; 液流电池 → 液流, 流电, 电池) after folding (traditional = simplified, full-width
= half-width, lower case), so 儲能 and 储能 are the same term. A run of one Han
character is kept as itself; Latin words and numbers are one term each.

Weights are sublinear term frequency (1 + ln tf) times smoothed inverse document
frequency, ln((1 + n) / (1 + df)) + 1, computed over the candidates plus any
background texts (e.g. the other side of a two-sided market), so words every text
uses (技术, 研发) weigh little. Vectors are L2-normalised; the score is the cosine,
0 to 1. Pure Python and numpy: no Django.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.text import fold

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
RUN = re.compile(rf"(?P<han>[{HAN}]+)|(?P<word>[^\W_{HAN}]+)")


def terms(text: str, *, folded: bool = False) -> list[str]:
    """The terms of a text: Han bigrams (a lone Han character as itself) and words."""
    source = text if folded else fold(text)
    found: list[str] = []
    for match in RUN.finditer(source or ""):
        run = match.group()
        if match.lastgroup == "word" or len(run) == 1:
            found.append(run)
        else:
            found.extend(run[i : i + 2] for i in range(len(run) - 1))
    return found


@dataclass(frozen=True)
class Match:
    index: int  # position in the candidates
    score: float  # cosine similarity, 0..1


def _weights(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector = {term: (1.0 + math.log(tf)) * idf[term] for term, tf in counts.items() if term in idf}
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def similar(
    query: Sequence[str],
    candidates: Sequence[Sequence[str]],
    *,
    background: Sequence[Sequence[str]] = (),
    limit: int = 5,
    threshold: float = 0.05,
) -> list[Match]:
    """The candidates most like the query (all given as term lists), best first.

    Ties keep the candidates' order, so a caller that passes them newest first gets
    the newest of equally good matches first.
    """
    if not query or not candidates:
        return []
    corpus = [*candidates, *background, query]
    document_frequency: Counter[str] = Counter()
    for document in corpus:
        document_frequency.update(set(document))
    n = len(corpus)
    idf = {term: math.log((1 + n) / (1 + df)) + 1.0 for term, df in document_frequency.items()}
    query_vector = _weights(Counter(query), idf)
    vocabulary = list(query_vector)  # only shared terms add to a dot product
    if not vocabulary:
        return []
    position = {term: i for i, term in enumerate(vocabulary)}
    matrix = np.zeros((len(candidates), len(vocabulary)))
    for row, document in enumerate(candidates):
        for term, weight in _weights(Counter(document), idf).items():
            column = position.get(term)
            if column is not None:
                matrix[row, column] = weight
    scores = matrix @ np.array([query_vector[term] for term in vocabulary])
    order = np.argsort(-scores, kind="stable")
    return [
        Match(index=int(i), score=round(float(scores[i]), 4))
        for i in order[:limit]
        if scores[i] >= threshold
    ]
