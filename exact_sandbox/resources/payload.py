"""Reading POST/PUT bodies the way Exact's WCF layer does (spec §3.6, §4.6)."""

from __future__ import annotations

import uuid

import orjson

from ..data.schema import NAV_TYPES, Schema
from ..odata.errors import bad_request
from ..odata.values import parse_posted_date

STREAM_ERROR = (
    "Error processing request stream. The request should be a valid top-level resource object."
)
# Fields Exact computes itself; a posted value is ignored.
AUDIT_FIELDS = frozenset({"Created", "Creator", "CreatorFullName", "Modified", "Modifier",
                          "ModifierFullName", "Division", "Timestamp"})  # fmt: skip


def read_body(body: bytes) -> dict:
    """The JSON object of a POST/PUT; anything else is Exact's stream error."""
    try:
        value = orjson.loads(body or b"")
    except orjson.JSONDecodeError:
        raise bad_request(STREAM_ERROR) from None
    if not isinstance(value, dict):
        raise bad_request(STREAM_ERROR)
    return value


def coerce_fields(schema: Schema, body: dict, *, skip: frozenset[str] = frozenset()) -> dict:
    """Posted values in stored form, typed per the schema; unknown names refused."""
    values = {}
    for name, value in body.items():
        if name == "__metadata" or name in skip:
            continue
        kind = schema.types.get(name)
        if kind is None:
            raise bad_request(
                "Error processing request stream. The property name "
                f"'{name}' specified for type '{schema.type_name}' is not valid."
            )
        if name in AUDIT_FIELDS or kind in NAV_TYPES:
            continue
        values[name] = coerce(kind, value)
    return values


def coerce(kind: str, value: object) -> object:
    """One posted value converted to its stored form, or a 400 naming the expected type."""
    if value is None:
        return None
    try:
        return _CONVERTERS[kind](value)
    except (KeyError, ValueError, TypeError):
        raise bad_request(
            "Error processing request stream. Cannot convert a primitive value to the expected "
            f"type 'Edm.{kind}'. See the inner exception for more details."
        ) from None


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")  # "1,00" strings broke orders at Exact (picqer#367)
    return float(value)


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a boolean")
    return value


def _guid(value: object) -> str:
    return str(uuid.UUID(_string(value)))


_CONVERTERS = {
    "String": _string, "Guid": _guid, "Double": _number, "Int32": _integer, "Int16": _integer,
    "Byte": _integer, "Int64": lambda value: str(_integer(value)), "Boolean": _boolean,
    "DateTime": parse_posted_date, "Binary": _string,
}  # fmt: skip
