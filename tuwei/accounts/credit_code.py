"""Unified social credit code (统一社会信用代码, GB 32100-2015) checksum.

18 characters from a 31-symbol alphabet (digits and capitals without I, O, S, V, Z);
the last one is a check character computed from the first 17 with fixed weights.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(
        ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True)
    )
    return ALPHABET[(31 - total % 31) % 31]


def normalise(code: str) -> str:
    return code.strip().upper()


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code, or None when it is."""
    if len(code) != 18:
        return "length"
    if any(char not in ALPHABET for char in code):
        return "alphabet"
    if check_character(code[:17]) != code[17]:
        return "checksum"
    return None
