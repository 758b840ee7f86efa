"""Readers of Exact's values for the mapping modules: text, numbers, flags, GUIDs, days.

They are the ones `records` has used since the first feeds (tolerant of other servers that
send numbers as text and text as numbers); the mapping modules of the later entities read
their rows with the same rules through these public names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from salesdesk.integration.mapping import records

text = records._text
flag = records._flag
guid = records._guid
day = records._date
decimal = records._decimal


def whole(value: Any) -> int | None:
    """An Int16/Int32 (a status code, a number), or None when there is none."""
    if value in (None, "") or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def amount(value: Any) -> Decimal:
    """A quantity or amount; 0 when Exact sends none (the columns hold no nulls)."""
    return decimal(value) or Decimal(0)


def timestamp(row: dict[str, Any]) -> int:
    """The row's sync rowversion, 0 for rows of an endpoint that has none."""
    return int(row.get("Timestamp") or 0)
