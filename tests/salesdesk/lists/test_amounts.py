"""Prices, quantities and percentages as the pages show them (the `amounts` filters)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.lists.templatetags.amounts import percent, price, quantity


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("153.5400"), "153.54"),
        (Decimal("1.2345"), "1.2345"),
        (Decimal("10"), "10.00"),
        (Decimal("0.12345"), "0.1235"),  # Exact keeps four decimals; half up
        (Decimal("-5.5"), "-5.50"),
        (2.1, "2.10"),
        (None, "—"),
        ("", "—"),
        ("n/a", "n/a"),
    ],
)
def test_price_shows_two_to_four_decimals(value, shown):
    assert price(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("10.0000"), "10"),  # Decimal.normalize gave 1E+1
        (Decimal("100"), "100"),
        (Decimal("12.5000"), "12.5"),
        (Decimal("0.125"), "0.125"),
        (Decimal("0"), "0"),
        (None, "—"),
    ],
)
def test_quantity_drops_trailing_zeros(value, shown):
    assert quantity(value) == shown


@pytest.mark.parametrize(
    ("fraction", "shown"),
    [(Decimal("0.125"), "12.5"), (Decimal("0.1"), "10"), (Decimal("0"), "0"), (None, "—")],
)
def test_percent_keeps_the_decimals_widthratio_rounded_away(fraction, shown):
    assert percent(fraction) == shown
