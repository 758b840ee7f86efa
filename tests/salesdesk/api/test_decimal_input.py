"""The decimal inputs' schema and their check agree: the pattern is exactly what is taken."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from salesdesk.api.decimal_input import DecimalRange, decimal_body, decimal_query

QUANTITY = DecimalRange(
    minimum=Decimal(0), maximum=Decimal("9999999999.9999"), places=4, above=True
)
PRICE = DecimalRange(minimum=Decimal(0), maximum=Decimal("9999999999.9999"), places=4)
quantity = TypeAdapter(decimal_body(QUANTITY, description="q"))
price = TypeAdapter(decimal_body(PRICE, description="p"))


def ecma(pattern: str) -> str:
    """JSON Schema patterns are ECMA-262: `$` is the end, never before a final newline."""
    return pattern.removesuffix("$") + r"\Z"


@given(st.from_regex(ecma(QUANTITY.pattern())))
def test_every_string_the_quantity_pattern_allows_is_taken_as_that_amount(text):
    value = quantity.validate_python(text)
    assert Decimal(0) < value <= QUANTITY.maximum and value == Decimal(text)


@given(st.decimals(min_value=Decimal("-1E12"), max_value=Decimal("1E12"), places=6))
def test_a_decimal_is_taken_exactly_when_in_range_with_four_decimals(amount):
    # Trailing zeros included: "10.950100" is 10.9501.
    fits = 0 < amount <= QUANTITY.maximum and amount == amount.quantize(Decimal("0.0001"))
    assert bool(re.fullmatch(QUANTITY.pattern(), f"{amount:f}")) == fits
    try:
        assert quantity.validate_python(f"{amount:f}") == amount and fits
    except ValidationError:
        assert not fits


@pytest.mark.parametrize(
    "refused",
    ["0", "0.0000", "-1", "1e3", " 1", "1\n", "1.", ".5", "1.00001", "10000000000", "NaN", ""],
)
def test_what_the_pattern_refuses_the_api_refuses(refused):
    assert not re.fullmatch(QUANTITY.pattern(), refused)
    with pytest.raises(ValidationError):
        quantity.validate_python(refused)


def test_whole_json_numbers_are_taken_within_the_bounds_and_fractions_never():
    assert quantity.validate_json("12") == Decimal(12)
    assert quantity.validate_json("12.0") == Decimal(12)  # JSON Schema's integer
    assert price.validate_json("0") == Decimal(0)
    for refused in ("0", "1.5", "10000000000", "true", "null"):
        with pytest.raises(ValidationError):
            quantity.validate_json(refused)


def test_the_schema_shows_the_pattern_and_the_whole_number_bounds():
    schema = quantity.json_schema()
    text, whole = schema["anyOf"]
    assert text == {"type": "string", "pattern": QUANTITY.pattern(), "examples": ["12.5"]}
    assert whole == {"type": "integer", "minimum": 1, "maximum": 9999999999}
    assert price.json_schema()["anyOf"][1]["minimum"] == 0


def test_a_query_decimal_is_text_only():
    adapter = TypeAdapter(decimal_query(QUANTITY, description="q"))
    assert adapter.json_schema()["type"] == "string"
    assert adapter.validate_python("0.0001") == Decimal("0.0001")


@pytest.mark.parametrize(
    ("minimum", "maximum"), [("0", "37.5"), ("1", "9999.9999"), ("0", "9999.99")]
)
def test_a_range_no_pattern_can_state_is_refused_up_front(minimum, maximum):
    with pytest.raises(ValueError, match="No pattern"):
        DecimalRange(minimum=Decimal(minimum), maximum=Decimal(maximum), places=4)
