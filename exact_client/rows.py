"""Turn a row as Exact sends it into Python values, keeping Exact's field names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import values

# Free-text fields may hold anything, even a GUID-shaped string: never touch their case.
_TEXT_SUFFIXES = ("Code", "Description", "Name", "Ref", "Notes", "Remarks", "Url", "Number")


def convert_row(row: dict[str, Any], int64_fields: Iterable[str] = ()) -> dict[str, Any]:
    """Convert `/Date()/` to aware datetimes, the given Int64 fields to int, GUIDs to lowercase.

    Expanded child collections (`{"results": [...]}`) are converted too; padded codes are kept.
    """
    int64_set = frozenset(int64_fields)
    return {name: _convert(name, value, int64_set) for name, value in row.items()}


def _convert(name: str, value: Any, int64_set: frozenset[str]) -> Any:
    if value is None:
        return None
    if name in int64_set:
        return values.int64(value)
    if isinstance(value, str):
        if values.is_date(value):
            return values.parse_date(value)
        if values.is_guid(value) and not name.endswith(_TEXT_SUFFIXES):
            return value.lower()
        return value
    if isinstance(value, dict) and isinstance(value.get("results"), list):
        return [convert_row(child, int64_set) for child in value["results"]]
    return value
