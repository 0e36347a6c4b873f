"""Tokenising and highlighting, without a database."""

from __future__ import annotations

import pytest

from engine.text import fold
from tuwei.challenges.search.highlight import highlight, hit_spans, snippet
from tuwei.challenges.search.tokens import (
    MAX_QUERY_TERMS,
    document_tokens,
    query_terms,
    quick_fold,
    runs,
)


def test_a_document_holds_characters_bigrams_and_trigrams_of_each_run() -> None:
    assert document_tokens("储能系统") == {
        "储",
        "能",
        "系",
        "统",
        "储能",
        "能系",
        "系统",
        "储能系",
        "能系统",
    }


def test_punctuation_separates_runs_and_never_becomes_a_token() -> None:
    tokens = document_tokens("储能，系统！POE-10MW")
    assert "能系" not in tokens and "，" not in tokens
    assert {"poe", "10mw", "储能", "系统"} <= tokens


def test_traditional_and_full_width_text_folds_to_the_same_tokens() -> None:
    assert document_tokens("儲能系統（ＰＯＥ）") == document_tokens("储能系统(poe)")


def test_query_terms() -> None:
    assert [t.tokens for t in query_terms("氢")] == [("氢",)]
    assert [t.tokens for t in query_terms("儲能")] == [("储能",)]
    assert [t.tokens for t in query_terms("液流电池")] == [("液流电", "流电池")]
    assert [t.tokens for t in query_terms("α-烯烃 POE")] == [("α",), ("烯烃",), ("poe",)]
    assert query_terms("！？ ...") == [] and query_terms("") == []


def test_a_long_query_is_cut_not_refused() -> None:
    terms = query_terms("储能 " * 300 + "氢 " * 300 + "x" * 5000)
    assert 1 <= len(terms) <= MAX_QUERY_TERMS
    terms = query_terms("储" * 500)
    assert len(terms) == 1 and len(terms[0].text) <= 60


@pytest.mark.parametrize(
    "text",
    ["储能系统，效率≥75％", "ＡＢＣ１２３　儲能", "①℃㎡…", "Ａ\u0301", "ﬁ ｶﾞ", "～｛｝", ""],
)
def test_quick_fold_is_fold(text: str) -> None:
    assert quick_fold(text) == fold(text)


def test_runs_are_folded() -> None:
    assert runs("鐵鉻液流電池 10MW") == ["铁铬液流电池", "10mw"]


def test_highlight_marks_hits_in_either_script_and_escapes_the_rest() -> None:
    terms = query_terms("储能")
    assert highlight("<b>儲能</b>&储能", terms) == (
        "&lt;b&gt;<mark>儲能</mark>&lt;/b&gt;&amp;<mark>储能</mark>"
    )
    assert highlight("无关", terms) == "无关"


def test_overlapping_hits_merge() -> None:
    assert hit_spans("储能系统", query_terms("储能 能系")) == [(0, 3)]


def test_highlight_survives_text_whose_folding_changes_length() -> None:
    text = "①号储能㎡<x>"
    assert highlight(text, query_terms("储能")) == "①号<mark>储能</mark>㎡&lt;x&gt;"


def test_a_snippet_shows_the_first_hit() -> None:
    text = "甲" * 200 + "储能" + "乙" * 200
    piece = snippet(text, query_terms("储能"), width=40)
    assert piece.startswith("…") and piece.endswith("…") and "<mark>储能</mark>" in piece
