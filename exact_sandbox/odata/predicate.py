"""Turn a parsed `$filter` into a Python predicate over stored rows.

Rows hold JSON-form values, so DateTime fields compare by the ms inside
`/Date(ms)/` (the same wall-clock scale as `datetime'…'` literals, spec §3.4) and
Int64 fields compare numerically, never as strings.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from ..data.schema import NAV_TYPES, Schema
from .errors import bad_request
from .filter_parser import Call, Compare, Field, Literal, Logical, Not

Row = dict
Getter = Callable[[Row], object]
Predicate = Callable[[Row], bool]
NUMERIC = {"Int64", "Int32", "Int16", "Byte", "Double"}
_ORDERING = {"gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le}
# Which literal kinds a field type can be compared with (besides null).
_COMPATIBLE = {
    "Guid": {"Guid"},
    "DateTime": {"DateTime"},
    "String": {"String"},
    "Boolean": {"Boolean"},
    **{name: {"Int32", "Int64", "Double"} for name in NUMERIC},
}


def compile_filter(node: object, schema: Schema) -> Predicate:
    """A predicate for one parsed filter on rows of `schema`."""
    if isinstance(node, Logical):
        parts = [compile_filter(part, schema) for part in node.parts]
        if node.op == "and":
            return lambda row: all(part(row) for part in parts)
        return lambda row: any(part(row) for part in parts)
    if isinstance(node, Not):
        inner = compile_filter(node.operand, schema)
        return lambda row: not inner(row)
    if isinstance(node, Compare):
        return _compare(node, schema)
    if isinstance(node, Call) and node.name in ("startswith", "endswith", "substringof"):
        return _string_test(node, schema)
    if isinstance(node, Field) and schema.types.get(node.name) == "Boolean":
        return lambda row, name=node.name: row.get(name) is True
    raise bad_request("The $filter expression must evaluate to a single boolean value.")


def field_getter(name: str, schema: Schema) -> tuple[Getter, str]:
    """Getter returning a comparable value for a field, plus its OData type."""
    kind = schema.types.get(name)
    if kind is None:
        raise bad_request(f"Could not find a property named '{name}' on type '{schema.type_name}'.")
    if kind in NAV_TYPES or kind not in _COMPATIBLE:
        raise bad_request(f"Filtering on these fields is not supported: {name}")
    if kind == "DateTime":
        return (lambda row: None if (v := row.get(name)) is None else int(v[6:-2])), kind
    if kind == "Int64":
        return (lambda row: None if (v := row.get(name)) is None else int(v)), kind
    return (lambda row: row.get(name)), kind


def _value(node: object, schema: Schema) -> tuple[Getter, str]:
    if isinstance(node, Field):
        return field_getter(node.name, schema)
    if isinstance(node, Literal):
        return (lambda row, value=node.value: value), node.kind
    if isinstance(node, Call) and node.name in ("trim", "tolower", "toupper") and node.args:
        inner, kind = _value(node.args[0], schema)
        if kind != "String":
            raise bad_request(f"No applicable function found for '{node.name}'.")
        method = {"trim": str.strip, "tolower": str.lower, "toupper": str.upper}[node.name]
        return (lambda row: None if (v := inner(row)) is None else method(v)), "String"
    raise bad_request("The $filter expression is not supported.")


def _compare(node: Compare, schema: Schema) -> Predicate:
    left, left_kind = _value(node.left, schema)
    right, right_kind = _value(node.right, schema)
    _check_types(node.op, left_kind, right_kind)
    if node.op in ("eq", "ne"):
        wanted = node.op == "eq"
        return lambda row: (left(row) == right(row)) is wanted
    ordering = _ORDERING[node.op]

    def ordered(row: Row) -> bool:
        a, b = left(row), right(row)
        return a is not None and b is not None and ordering(a, b)

    return ordered


def _check_types(op: str, left: str, right: str) -> None:
    if "Null" in (left, right):
        return
    allowed = _COMPATIBLE.get(left, {left}) | {left}
    if right not in allowed:
        raise bad_request(
            f"Operator '{op}' incompatible with operand types 'Edm.{left}' and 'Edm.{right}'."
        )


def _string_test(node: Call, schema: Schema) -> Predicate:
    if len(node.args) != 2:
        raise bad_request(f"No applicable function found for '{node.name}'.")
    first, _ = _value(node.args[0], schema)
    second, _ = _value(node.args[1], schema)

    def test(row: Row) -> bool:
        a, b = first(row), second(row)
        if not isinstance(a, str) or not isinstance(b, str):
            return False
        if node.name == "substringof":  # OData v2 order: substringof(needle, haystack)
            return a in b
        return a.startswith(b) if node.name == "startswith" else a.endswith(b)

    return test
