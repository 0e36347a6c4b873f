"""Showing stored Chinese text in the reader's script and language."""

from __future__ import annotations

from django.utils import translation

from engine.text import to_traditional


def localise_name(name: str, name_en: str = "") -> str:
    """A stored name (written in simplified Chinese) as the active language shows it."""
    language = translation.get_language() or "zh-hans"
    if language == "en":
        return name_en or name
    if language == "zh-hant":
        return to_traditional(name)
    return name


def localise_text(text: str) -> str:
    """Free Chinese text in the active script; English readers get it unchanged."""
    if (translation.get_language() or "") == "zh-hant":
        return to_traditional(text)
    return text
