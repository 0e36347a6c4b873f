"""Turning what a person typed (or a spreadsheet cell) into an indicator value."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from tuwei.plans.errors import PlansError
from tuwei.plans.models import Indicator

MAX_ABS = Decimal("1e13")  # fits max_digits=18, decimal_places=4


def parse_number(raw: Any) -> Decimal | None:
    """None for an empty cell; PlansError for anything that is not a number.

    Accepts thousands separators (1,234.5 or 1，234) and full-width digits, since the
    numbers are often pasted from Chinese documents."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise PlansError(PlansError.NOT_A_NUMBER, code="not_a_number", value=str(raw))
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    else:
        text = str(raw).strip()
        if not text:
            return None
        cleaned = text.translate(FULL_WIDTH).replace(",", "").replace(" ", "").rstrip("%")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise PlansError(PlansError.NOT_A_NUMBER, code="not_a_number", value=text) from None
    if not number.is_finite() or abs(number) >= MAX_ABS:
        raise PlansError(PlansError.NOT_A_NUMBER, code="not_a_number", value=str(raw))
    return number.quantize(Decimal("0.0001"))


FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")


def check_value(indicator: Indicator, number: Decimal) -> Decimal:
    """The rules a value of this kind must keep (a rate of 130% is impossible)."""
    kind = indicator.kind
    if kind == Indicator.Kind.RATE and number > 100:
        raise PlansError(PlansError.RATE_ABOVE_100, code="rate_above_100")
    if kind == Indicator.Kind.GROWTH and number < -100:
        raise PlansError(PlansError.GROWTH_TOO_LOW, code="growth_too_low")
    if kind in (Indicator.Kind.COUNT, Indicator.Kind.AMOUNT, Indicator.Kind.RATE) and number < 0:
        raise PlansError(PlansError.NEGATIVE, code="negative")
    if kind == Indicator.Kind.COUNT and number != number.to_integral_value():
        raise PlansError(PlansError.NOT_WHOLE, code="not_whole")
    return number


def clean_value(indicator: Indicator, raw: Any) -> Decimal | None:
    number = parse_number(raw)
    return None if number is None else check_value(indicator, number)
