"""Tokenising Chinese text for search, the same way for documents and queries.

Pure Python, no database. Text is folded first (engine.text.fold: NFKC, simplified
script, lower case), so 儲能 and 储能 are one token. It then splits into *runs*: a
run of Han characters, or a run of other letters and digits (a Latin word, a
number, a Greek letter). Punctuation and spaces only separate runs.

A document is a *set* of tokens: for each Han run its characters, bigrams and
trigrams; for any other run the run itself. A query is a list of *terms*, AND-ed:
one Han character, two Han characters (one bigram), three or more Han characters
(all their overlapping trigrams, AND-ed), or a word. So a term matches when the
document contains it, up to the rare case of its trigrams occurring apart — and
no term ever needs token positions, which keeps both indexes small and lets
PostgreSQL answer from the GIN index alone, without rechecking rows.

Facet tokens (`_pub`, `_r12`) describe a document's status and place; they start
with "_", which a run never contains, so text can never match them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from engine.text import fold, to_simplified

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
RUN = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")
HAN_START = re.compile(rf"[{HAN}]")
MAX_WORD = 40  # a longer "word" is noise (a serial number, a pasted hash); keep its head
MAX_QUERY_CHARS = 60  # per term, of the folded query; longer input is cut, never an error
MAX_QUERY_TERMS = 8


# NFKC maps each full-width ASCII form (，：；％ …) to plain ASCII and the ideographic
# space to a space, one character for one: a regex does that part of NFKC cheaply.
FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def _plain(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def quick_fold(text: str) -> str:
    """engine.text.fold, faster: the same result whenever NFKC would change nothing else.

    After the full-width forms, checking whether text is in NFKC form costs a fraction of
    a microsecond, normalising it a hundred or more; Chinese text almost always passes.
    """
    plain = FULL_WIDTH.sub(_plain, text)
    if unicodedata.is_normalized("NFKC", plain):
        return to_simplified(plain).lower()
    return fold(text)


def runs(text: str) -> list[str]:
    """The runs of a text, folded, in order."""
    return [run[:MAX_WORD] for run in RUN.findall(quick_fold(text or ""))]


def is_han(run: str) -> bool:
    return HAN_START.match(run) is not None


def run_tokens(run: str) -> Iterable[str]:
    if not is_han(run):
        return (run,)
    return (
        *run,
        *(run[i : i + 2] for i in range(len(run) - 1)),
        *(run[i : i + 3] for i in range(len(run) - 2)),
    )


def document_tokens(*texts: str) -> set[str]:
    """Every token of the texts, as a set."""
    tokens: set[str] = set()
    for text in texts:
        for run in runs(text):
            tokens.update(run_tokens(run))
    return tokens


@dataclass(frozen=True)
class Term:
    """One query term: the tokens that must all be present, and its folded text."""

    text: str
    tokens: tuple[str, ...]


def term_for(run: str) -> Term:
    run = run[:MAX_QUERY_CHARS]
    if not is_han(run) or len(run) <= 3:
        return Term(run, (run,))
    return Term(run, tuple(dict.fromkeys(run[i : i + 3] for i in range(len(run) - 2))))


def query_terms(query: str) -> list[Term]:
    """The AND-ed terms of a query; empty when nothing in it can be searched."""
    terms: list[Term] = []
    for run in runs((query or "")[: MAX_QUERY_CHARS * MAX_QUERY_TERMS]):
        term = term_for(run)
        if term not in terms:
            terms.append(term)
        if len(terms) == MAX_QUERY_TERMS:
            break
    return terms
