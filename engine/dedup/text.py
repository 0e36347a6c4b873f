"""Normalisation: fold script, width and case, keep letters and digits, track source offsets.

:func:`normalise` defines what copying is judged on; :func:`normalise_with_offsets` also maps
every normalised character back to the original text (for :func:`engine.dedup.shared_passages`).
Both run vectorised over per-code-point lookup tables (:func:`warm_up` builds them) and fall back
to the exact character-by-character definition where folding depends on neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray

from engine.dedup.params import U32, IntArray, _check_text
from engine.text import fold, to_simplified

_STRIP = re.compile(r"[\W_]+")
_SURROGATES = re.compile("[\ud800-\udfff]+")


@dataclass(frozen=True)
class _CharTables:
    """Per-code-point lookup tables for the Basic Multilingual Plane.

    ``fold`` costs ~1 ms per 3,000 characters, mostly in NFKC, which Python runs character by
    character in its slow path as soon as one full-width comma appears. NFKC and lower-casing are
    per-character operations except around combining marks, Hangul jamo and final sigma, so the
    tables precompute them per code point and flag those exceptions as ``unsafe`` (they take the
    exact, slow path). OpenCC, which converts phrases, still runs on the whole text.
    """

    length: NDArray[np.uint8]  # characters lower(NFKC(c)) expands to; 0 = dropped (surrogate)
    chars: NDArray[np.uint16]  # (0x10000, max_len) expansion, padded
    single: NDArray[np.uint16]  # chars[:, 0], contiguous
    kind: NDArray[np.uint8]  # 0: one character out, 1: zero or several, 2: unsafe
    keep: NDArray[np.bool_]  # letter or digit: survives stripping


@cache
def _char_tables() -> _CharTables:
    n = 0x10000
    normalize, category, combining = (
        unicodedata.normalize,
        unicodedata.category,
        unicodedata.combining,
    )
    # Characters that may combine with a neighbour under NFKC: marks and Hangul jamo.
    composing = np.fromiter(
        (bool(combining(chr(c))) or category(chr(c)) in ("Mn", "Mc", "Me") for c in range(n)),
        dtype=np.bool_,
        count=n,
    )
    for lo, hi in ((0x1100, 0x1200), (0x3130, 0x3190), (0xA960, 0xA980), (0xD7B0, 0xD800)):
        composing[lo:hi] = True
    expansions: list[str] = [""] * n
    unsafe = np.zeros(n, dtype=np.bool_)
    keep = np.zeros(n, dtype=np.bool_)
    for c in range(n):
        if 0xD800 <= c < 0xE000:  # lone surrogates are not text: dropped, as in normalise()
            continue
        ch = chr(c)
        keep[c] = ch.isalnum()
        compat = normalize("NFKC", ch)
        nf = compat.lower()
        if (
            composing[c]
            or "\u03a3" in compat  # Σ: lower-casing depends on the context (final sigma)
            or any(ord(x) >= n or composing[ord(x)] for x in nf)
        ):
            unsafe[c] = True
            nf = ch
        expansions[c] = nf
    width = max(len(e) for e in expansions)
    length = np.fromiter((len(e) for e in expansions), dtype=np.uint8, count=n)
    chars = np.zeros((n, width), dtype=np.uint16)
    for c, e in enumerate(expansions):
        if len(e) == 1:
            chars[c, 0] = ord(e)
        elif e:
            chars[c, : len(e)] = [ord(x) for x in e]
    kind = np.where(unsafe, 2, np.where(length == 1, 0, 1)).astype(np.uint8)
    single = np.ascontiguousarray(chars[:, 0])
    return _CharTables(length=length, chars=chars, single=single, kind=kind, keep=keep)


def warm_up() -> None:
    """Build the per-character tables now (~0.3 s, once per process) rather than in the first
    call of :func:`normalise` or a query: a web worker can do it at start-up."""
    _char_tables()


def _codes(text: str) -> U32:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _from_codes(codes: NDArray[np.integer]) -> str:
    return np.ascontiguousarray(codes, dtype="<u4").tobytes().decode("utf-32-le")


def _fast_normalise(text: str) -> tuple[U32, IntArray] | None:
    """Vectorised ``strip(fold(text))`` with the source index of every output character.

    Returns ``None`` when the text holds a character whose folding depends on its neighbours or
    when OpenCC changed the length; the caller then takes the exact slow path.
    """
    raw = _codes(text)
    if raw.size == 0:
        return raw, np.zeros(0, dtype=np.intp)
    if int(raw.max()) >= 0x10000:
        return None
    codes = raw.astype(np.intp)
    t = _char_tables()
    kind = int(t.kind[codes].max())
    if kind == 2:
        return None
    if kind == 0:
        source: IntArray = np.arange(codes.size, dtype=np.intp)
        folded = t.single[codes]
    else:
        lengths = t.length[codes]
        source = np.repeat(np.arange(codes.size, dtype=np.intp), lengths)
        starts = np.cumsum(lengths, dtype=np.intp) - lengths
        within = np.arange(source.size, dtype=np.intp) - np.repeat(starts, lengths)
        folded = t.chars[codes[source], within]
    if folded.size == 0:
        return np.zeros(0, dtype=np.uint32), source
    per_char = _from_codes(folded)
    simplified = to_simplified(per_char)
    if len(simplified) != len(per_char):
        return None
    out = _codes(simplified)
    if int(out.max()) >= 0x10000:
        return None
    mask = t.keep[out.astype(np.intp)]
    return np.ascontiguousarray(out[mask], dtype=np.uint32), source[mask]


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    return _STRIP.sub("", fold(ch))


def _slow_normalise_with_offsets(text: str) -> tuple[str, IntArray]:
    pieces = [_fold_char(ch) if not 0xD800 <= ord(ch) < 0xE000 else "" for ch in text]
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.intp, count=len(pieces))
    source = np.repeat(np.arange(len(pieces), dtype=np.intp), lengths)
    return "".join(pieces), source


def normalise(text: str) -> str:
    """Fold script, width and case, then keep only letters and digits.

    ``engine.text.fold`` (NFKC, traditional → simplified, lower case) followed by removal of every
    character that is not alphanumeric: Chinese and ASCII punctuation, full-width forms (already
    folded to ASCII by NFKC), symbols and all whitespace. Copying is judged on the words, so none
    of these may separate two copies. Lone surrogates, which are not text, are dropped.
    """
    _check_text(text)
    fast = _fast_normalise(text)
    if fast is not None:
        return _from_codes(fast[0])
    return _STRIP.sub("", fold(_SURROGATES.sub("", text)))


def normalise_with_offsets(text: str) -> tuple[str, IntArray]:
    """:func:`normalise` plus, for every normalised character, its index in ``text``.

    The offsets let :func:`shared_passages` highlight the original text. For characters that
    expand under NFKC (… → ..., ℃ → °c) several normalised characters share one source index.
    In rare texts (combining marks, Hangul jamo) folding is done character by character, which may
    differ from :func:`normalise` by a phrase-level OpenCC conversion.
    """
    _check_text(text)
    fast = _fast_normalise(text)
    if fast is not None:
        return _from_codes(fast[0]), fast[1]
    return _slow_normalise_with_offsets(text)


def _normalised_codes(text: str) -> U32:
    fast = _fast_normalise(text)
    if fast is not None:
        return fast[0]
    return np.ascontiguousarray(_codes(normalise(text)), dtype=np.uint32)
