"""JSON for the API's answers: orjson, with decimals as strings (never floats)."""

from __future__ import annotations

from decimal import Decimal


def json_default(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
