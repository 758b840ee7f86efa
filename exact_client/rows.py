"""Turn rows as Exact sends them into Python values, keeping Exact's field names.

This runs for every value of every row read (a 1,000-row page holds some 20,000 values).
A page's rows all carry the same properties (one `$select`), and a property's type is the
same in every row, so a page is converted column by column: the type of each column is
told from its first value, and columns of plain text or numbers are not visited again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import values

# Free-text fields may hold anything, even a GUID-shaped string: never touch their case.
_TEXT_SUFFIXES = ("Code", "Description", "Name", "Ref", "Notes", "Remarks", "Url", "Number")


def convert_row(row: dict[str, Any], int64_fields: Iterable[str] = ()) -> dict[str, Any]:
    """Convert `/Date()/` to aware datetimes, the given Int64 fields to int, GUIDs to lowercase.

    Expanded child collections (`{"results": [...]}`) are converted too; padded codes are kept.
    Returns a new dict; `row` is left as it was.
    """
    return convert_rows([dict(row)], int64_fields)[0]


def convert_rows(rows: list[dict[str, Any]], int64_fields: Iterable[str] = ()) -> list[dict]:
    """`convert_row` for a page of rows, in place (the rows are the caller's own)."""
    if not rows:
        return rows
    int64_set = int64_fields if isinstance(int64_fields, frozenset) else frozenset(int64_fields)
    width = len(rows[0])
    alike = [row for row in rows if len(row) == width]
    for name in rows[0]:
        _convert_column(alike, name, int64_set)
    for row in rows:
        if len(row) != width:  # a row shaped unlike the first: on its own
            for name in row:
                _convert_column([row], name, int64_set)
    return rows


def _convert_column(rows: list[dict[str, Any]], name: str, int64_set: frozenset[str]) -> None:
    # The first value that says something: servers differ in sending null or "" for "none".
    first = next((v for row in rows if (v := row.get(name)) is not None and v != ""), None)
    if first is None or first is True or first is False:
        return
    if name in int64_set:
        convert = values.int64
    elif type(first) is str and first[:6] == "/Date(":
        convert = _date
    elif type(first) is str and _guid_shaped(first) and not name.endswith(_TEXT_SUFFIXES):
        convert = _guid
    elif type(first) is dict and "results" in first:
        convert = _expanded(int64_set)
    else:
        return  # text and numbers stay as they came
    for row in rows:
        value = row.get(name)
        if value is not None:
            row[name] = convert(value)


def _guid_shaped(value: str) -> bool:
    return len(value) == 36 and value[8] == "-"


def _date(value: Any) -> Any:
    return values.parse_date(value) if type(value) is str and values.is_date(value) else value


def _guid(value: Any) -> Any:
    if type(value) is str and _guid_shaped(value) and values.is_guid(value):
        return value.lower()
    return value


def _expanded(int64_set: frozenset[str]):
    def convert(value: Any) -> Any:
        if type(value) is dict and type(value.get("results")) is list:
            return convert_rows([dict(child) for child in value["results"]], int64_set)
        return value

    return convert
