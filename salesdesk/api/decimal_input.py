"""Decimal inputs whose OpenAPI schema says exactly what the API takes.

Pydantic describes a `Decimal` as "a number or any string", yet refuses "abc", "1e3" and
floats that do not fit the column: the schema promised more than the API keeps. These types
take a decimal string that matches a pattern (the one the schema shows) or a whole JSON
number within the same bounds, and refuse everything else, so a client (or schemathesis)
that follows the schema is never refused, and one that does not is always refused.

JSON numbers with a fraction are refused: a float cannot carry "0.1" exactly, and the
amount a rep typed must be the amount stored. A whole number may be written 12 or 12.0
(JSON Schema's "integer" allows both); within these bounds a float holds it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema


@dataclass(frozen=True)
class DecimalRange:
    """Decimals from `minimum` (or just above it, with `above`) to `maximum`, `places` decimals."""

    minimum: Decimal
    maximum: Decimal
    places: int
    above: bool = False

    def __post_init__(self) -> None:
        # The pattern can say "at most N digits", not "at most 37.5": refuse what it cannot say.
        all_nines = Decimal(10) ** self.whole_digits - Decimal(1).scaleb(-self.places)
        if self.minimum != 0 or self.maximum != all_nines:
            raise ValueError(f"No pattern for {self.minimum} to {self.maximum}, {self.places} dp")

    @property
    def whole_digits(self) -> int:
        return len(str(int(self.maximum)))

    def pattern(self) -> str:
        """A regular expression for exactly the decimal strings in range.

        The maximum must be all nines (a column's limit, bounds.column_max) and the minimum
        zero: then "at most N whole digits and `places` decimals" is the whole range, and
        "above zero" is "not all zeros", spelled without look-aheads so every JSON Schema
        tool (and schemathesis' generator) reads it.
        """
        whole, places = self.whole_digits, self.places
        # Trailing zeros say nothing: "1.50000" is 1.5, as the order services read it.
        fraction = rf"(?:\.[0-9]{{1,{places}}}0*)?"
        if not self.above:
            return rf"^0*[0-9]{{1,{whole}}}{fraction}$"
        # A nonzero fraction of at most `places` digits: some zeros, then a nonzero digit.
        nonzero = "|".join(_nonzero_after(zeros, places) for zeros in range(places))
        return rf"^(?:0*[1-9][0-9]{{0,{whole - 1}}}{fraction}|0+\.(?:{nonzero})0*)$"

    def json_schema(self, *, description: str) -> dict:
        text = {"type": "string", "pattern": self.pattern(), "examples": ["12.5"]}
        low = int(self.minimum) + 1 if self.above else int(self.minimum)
        whole = {"type": "integer", "minimum": low, "maximum": int(self.maximum)}
        return {"anyOf": [text, whole], "description": description}

    def query_schema(self, *, description: str) -> dict:
        # A query string is text: the pattern alone is the whole truth there.
        return {"type": "string", "pattern": self.pattern(), "description": description}

    def checker(self):
        matches = re.compile(self.pattern()).fullmatch
        whole_low = self.minimum + 1 if self.above else self.minimum

        def check(value: object) -> Decimal:
            if isinstance(value, str) and matches(value):
                return Decimal(value)
            whole = _whole_number(value)
            if whole is not None and whole_low <= whole <= self.maximum:
                return whole
            raise ValueError(self.message())

        return check

    def message(self) -> str:
        low = "above" if self.above else "from"
        return (
            f'Must be a decimal string such as "12.5" (or a whole number), {low} '
            f"{self.minimum} to {self.maximum:f}, with at most {self.places} decimals"
        )


def decimal_body(limits: DecimalRange, *, description: str):
    """A decimal in a JSON body: a string matching the pattern or a whole number."""
    return Annotated[
        Decimal,
        BeforeValidator(limits.checker()),
        WithJsonSchema(limits.json_schema(description=description)),
    ]


def decimal_query(limits: DecimalRange, *, description: str):
    """A decimal in a query string: text matching the pattern."""
    return Annotated[
        Decimal,
        BeforeValidator(limits.checker()),
        WithJsonSchema(limits.query_schema(description=description)),
        Field(description=description),
    ]


def _nonzero_after(zeros: int, places: int) -> str:
    """`zeros` zeros, a nonzero digit, then any digits up to `places` in all."""
    rest = places - zeros - 1
    return "0" * zeros + "[1-9]" + (f"[0-9]{{0,{rest}}}" if rest else "")


def _whole_number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float) and value.is_integer():
        return Decimal(int(value))
    return None
