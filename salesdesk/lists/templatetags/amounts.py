"""Prices and quantities as people read them (`{% load amounts %}`).

Exact keeps both to four decimals. `floatformat` showed 153.5400 or hid the last two digits,
and `Decimal.normalize` showed a quantity of 10 as 1E+1.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template

register = template.Library()
NONE = "—"
_FOUR = Decimal("0.0001")


@register.filter
def price(value: Any) -> str:
    """Two to four decimals: 153.54, 1.2345, 10.00."""
    text = _four_decimals(value)
    if text is None:
        return NONE if value in (None, "") else str(value)
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.rstrip('0').ljust(2, '0')}"


@register.filter
def quantity(value: Any) -> str:
    """No trailing zeros: 10, 12.5, 0.125."""
    text = _four_decimals(value)
    if text is None:
        return NONE if value in (None, "") else str(value)
    return text.rstrip("0").rstrip(".")


def _four_decimals(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        return f"{number.quantize(_FOUR, ROUND_HALF_UP):f}"
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def percent(fraction: Any) -> str:
    """A fraction as a percentage without trailing zeros: 0.125 gives 12.5 (`widthratio`
    rounded it to 13)."""
    if fraction in (None, "") or isinstance(fraction, bool):
        return NONE
    try:
        return quantity(Decimal(str(fraction)) * 100)
    except (InvalidOperation, ValueError):
        return str(fraction)
