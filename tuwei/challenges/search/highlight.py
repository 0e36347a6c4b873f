"""Marking query terms in text for display: everything escaped, hits in <mark>."""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from engine.text import fold
from tuwei.challenges.search.tokens import Term, quick_fold


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    return fold(char)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from."""
    folded = quick_fold(text)
    if len(folded) == len(text):  # the usual case: folding maps character to character
        return folded, list(range(len(text)))
    pieces, origin = [], []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        pieces.append(piece)
        origin += [index] * len(piece)
    return "".join(pieces), origin


def hit_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `text` where a term occurs."""
    if not text or not terms:
        return []
    folded, origin = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term.text)
        while start != -1:
            end = start + len(term.text)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term.text, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[Term]) -> SafeString:
    out, position = [], 0
    for start, end in hit_spans(text, terms):
        out += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece of text above is escaped)


def snippet(text: str, terms: list[Term], width: int = 90) -> SafeString:
    """A window of `text` around its first hit (or its start), highlighted."""
    text = " ".join((text or "").split())
    spans = hit_spans(text, terms)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    piece = highlight(text[start:end], terms)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{piece}{suffix}")  # noqa: S308  (piece is escaped)
