"""Cheap row selection: index lookups for `Key eq …`/`Code eq …`, else the whole table."""

from __future__ import annotations

from ..data.table import Table
from ..odata.filter_parser import Compare, Field, Literal, Logical


def candidate_keys(node: object | None, table: Table) -> set | None:
    """Keys that can match the filter, from indexes; None when every row must be checked.

    The full predicate is still applied to the candidates, so this only narrows.
    """
    if isinstance(node, Compare) and node.op == "eq":
        pair = _field_and_literal(node)
        return table.lookup(*pair) if pair else None
    if isinstance(node, Logical):
        found = [candidate_keys(part, table) for part in node.parts]
        if node.op == "and":
            usable = [keys for keys in found if keys is not None]
            return min(usable, key=len) if usable else None
        if all(keys is not None for keys in found):
            return set().union(*found)  # type: ignore[arg-type]
    return None


def _field_and_literal(node: Compare) -> tuple[str, object] | None:
    if isinstance(node.left, Field) and isinstance(node.right, Literal):
        return node.left.name, node.right.value
    if isinstance(node.right, Field) and isinstance(node.left, Literal):
        return node.right.name, node.left.value
    return None
