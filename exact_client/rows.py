"""Turn rows as Exact sends them into Python values, keeping Exact's field names.

This runs for every value of every row read (a 1,000-row page holds some 20,000 values).
A page's rows normally carry the same properties (one `$select`), and a property's type is the
same in every row, so a page is converted column by column: the type of each column is told
from its first non-empty value, and columns of plain text or numbers are not visited again.
Rows shaped unlike the first are converted on their own. No per-value regexes: plain string
checks only, so the sync stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import values
from .errors import TransportError

# Free-text fields may hold anything, even a GUID-shaped string: never touch their case.
_TEXT_SUFFIXES = ("Code", "Description", "Name", "Ref", "Notes", "Remarks", "Url", "Number")
_GUID_CHARS = frozenset("0123456789abcdefABCDEF-")


def convert_row(row: dict[str, Any], int64_fields: Iterable[str] = ()) -> dict[str, Any]:
    """Convert `/Date()/` to aware datetimes, the given Int64 fields to int, GUIDs to lowercase.

    Expanded child collections (`{"results": [...]}`, or a plain array in the v1 envelope) are
    converted too; padded codes are kept. Returns a new dict; `row` is left as it was.
    """
    return convert_rows([dict(row)], int64_fields)[0]


def convert_rows(rows: list[dict[str, Any]], int64_fields: Iterable[str] = ()) -> list[dict]:
    """`convert_row` for a page of rows, in place (the rows are the caller's own).

    An Int64 field holding something that is no whole number raises TransportError.
    """
    if not rows:
        return rows
    int64_set = int64_fields if isinstance(int64_fields, frozenset) else frozenset(int64_fields)
    keys = rows[0].keys()
    alike = [row for row in rows if row.keys() == keys]
    for name in keys:
        _convert_column(alike, name, int64_set)
    if len(alike) != len(rows):
        for row in rows:
            if row.keys() != keys:  # a row shaped unlike the first: on its own
                for name in row:
                    _convert_column([row], name, int64_set)
    return rows


def _convert_column(rows: list[dict[str, Any]], name: str, int64_set: frozenset[str]) -> None:
    # The first value that says something: servers differ in sending null or "" for "none".
    first = next((v for row in rows if (v := row.get(name)) is not None and v != ""), None)
    if first is None or first is True or first is False:
        return
    convert = _converter(name, first, int64_set)
    if convert is None:
        return  # text and numbers stay as they came
    try:
        for row in rows:
            value = row.get(name)
            if value is not None:
                row[name] = convert(value)
    except _NotInt64 as exc:
        raise TransportError(
            f"Exact Online sent {exc.args[0]!r} in {name}, which should be a whole number"
        ) from None


def _converter(name: str, first: Any, int64_set: frozenset[str]) -> Callable | None:
    if name in int64_set:
        return _int64
    kind = type(first)
    if kind is str:
        if first[:6] == "/Date(":
            return _date
        if values.is_guid(first) and not name.endswith(_TEXT_SUFFIXES):
            return _guid
        return None
    if kind is dict or (kind is list and first and type(first[0]) is dict):
        return lambda value: _expanded(value, int64_set)
    return None


class _NotInt64(Exception):
    pass


def _int64(value: Any) -> Any:
    # Exact sends Int64 as a string (§3.4); numbers, "12L" and integral floats are accepted too.
    kind = type(value)
    if kind is int:
        return value
    if kind is str:
        try:
            return int(value)
        except ValueError:
            text = value.strip()
            if not text:
                return None  # "" for "none", like null
            if text[-1:] in ("L", "l") and text[:-1].lstrip("-").isdigit():
                return int(text[:-1])
            raise _NotInt64(value) from None
    if kind is float and value.is_integer():
        return int(value)
    raise _NotInt64(value)


def _date(value: Any) -> Any:
    if type(value) is not str or value[:6] != "/Date(" or value[-2:] != ")/":
        return value
    try:
        return values.wall_milliseconds_to_utc(int(value[6:-2]))
    except ValueError:  # the rare offset form `/Date(ms+0100)/`, or text that only looks so
        return values.parse_date(value) if values.is_date(value) else value


def _guid(value: Any) -> Any:
    if type(value) is str and len(value) == 36 and _GUID_CHARS.issuperset(value):
        return value.lower()
    return value


def _expanded(value: Any, int64_set: frozenset[str]) -> Any:
    # `{"results": [...]}` (v2) or a plain array (v1); `__deferred`/`__metadata` stay as they are.
    children = value.get("results") if type(value) is dict else value
    if type(children) is list and all(type(child) is dict for child in children):
        return convert_rows([dict(child) for child in children], int64_set)
    return value
