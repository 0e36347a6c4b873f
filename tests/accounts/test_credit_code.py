from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tuwei.accounts import credit_code
from tuwei.accounts.models import validate_credit_code

# Codes published on company registry notices; their check characters are known-good.
PUBLISHED = ["91350100M000100Y43", "91110108551385082Q"]


@pytest.mark.parametrize("code", PUBLISHED)
def test_it_accepts_published_codes(code: str) -> None:
    assert credit_code.problem(code) is None
    validate_credit_code(code)


def test_it_accepts_lower_case_input_by_normalising() -> None:
    validate_credit_code("91350100m000100y43")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("9135010", "length"),
        ("91350100M000100Y431", "length"),
        ("91350100M000100I43", "alphabet"),
        ("91350100M000100Y44", "checksum"),
        ("91350100M000101Y43", "checksum"),
    ],
)
def test_it_names_what_is_wrong(code: str, reason: str) -> None:
    assert credit_code.problem(code) == reason
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(code)
    assert caught.value.code == f"credit_code_{reason}"


def test_it_detects_every_single_character_typo() -> None:
    code = "91350100M000100Y43"
    for position in range(17):
        for replacement in credit_code.ALPHABET:
            if replacement == code[position]:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            assert credit_code.problem(typo) == "checksum", typo
