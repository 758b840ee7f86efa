"""Row projection (`$select`, `__metadata`, deferred/expanded navigation) and the `d` envelopes.

Spec §3.3: collections are `{"d":{"results":[...],"__next":...}}`, or the plain
`{"d":[...]}` when a small `$top` was asked; one entity is `{"d":{...}}`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..data.schema import NAV_TYPES, Schema
from .errors import bad_request

Expander = Callable[[dict], list[dict]]


def key_literal(schema: Schema, value: object) -> str:
    """The key as it appears in a URI: `guid'…'`, `123L` for Int64, else plain."""
    kind = schema.types[schema.key]
    if kind == "Guid":
        return f"guid'{value}'"
    return f"{value}L" if kind == "Int64" else str(value)


def resolve_select(schema: Schema, select: list[str] | None, *, expandable=()) -> tuple:
    """(fields in output order, {nav: sub-select or None}) for a `$select` list.

    Unknown names are refused as Exact/WCF does (400). `Nav/Field` entries select
    inside an expanded collection.
    """
    if select is None or select == ["*"]:
        return schema.fields, {}
    fields: list[str] = []
    nested: dict[str, list[str] | None] = {}
    for name in select:
        head, _, tail = name.partition("/")
        if head not in schema.types:
            raise bad_request(
                f"Could not find a property named '{head}' on type '{schema.type_name}'."
            )
        if tail:
            if head not in expandable:
                raise bad_request(f"Only properties specified in $expand can be traversed: {name}")
            nested.setdefault(head, [])
            nested[head].append(tail)  # type: ignore[union-attr]
        if head not in fields:
            fields.append(head)
    return tuple(fields), nested


class Projector:
    """Builds the JSON dict of one row: `__metadata` first, then the selected fields."""

    def __init__(self, schema: Schema, fields: tuple[str, ...], *, entity_uri: str,
                 base: str, url_fields: frozenset[str] = frozenset(),
                 expanded: dict[str, Expander] | None = None) -> None:  # fmt: skip
        expanded = expanded or {}
        nav = {name for name in fields if schema.types[name] in NAV_TYPES}
        self.plain = tuple(name for name in fields if name not in nav)
        self.urls = tuple(name for name in self.plain if name in url_fields)
        self.deferred = tuple(name for name in fields if name in nav and name not in expanded)
        self.expanded = {name: fn for name, fn in expanded.items() if name in fields}
        self.schema = schema
        self.entity_uri = entity_uri  # "{base}/api/v1/{division}/{path}"
        self.base = base

    def __call__(self, row: dict) -> dict:
        uri = f"{self.entity_uri}({key_literal(self.schema, row[self.schema.key])})"
        out: dict = {"__metadata": {"uri": uri, "type": self.schema.type_name}}
        get = row.get
        out.update(zip(self.plain, map(get, self.plain), strict=True))
        for name in self.urls:
            if out[name] is not None:
                out[name] = self.base + out[name]
        for name in self.deferred:
            out[name] = {"__deferred": {"uri": f"{uri}/{name}"}}
        for name, expand in self.expanded.items():
            out[name] = {"results": expand(row)}
        return out

    def empty_but_key(self, row: dict) -> dict:
        """POST answer without `Prefer: return=representation`: every field null but the key."""
        out = self(row)
        for name in self.plain:
            if name != self.schema.key:
                out[name] = None
        return out


def collection(rows: list[dict], *, next_url: str | None, count: int | None, plain: bool) -> dict:
    """`{"d":[...]}` (plain) or `{"d":{"results":[...], "__count":"N", "__next":...}}`."""
    if plain:
        return {"d": rows}
    body: dict = {}
    if count is not None:
        body["__count"] = str(count)
    body["results"] = rows
    if next_url:
        body["__next"] = next_url
    return {"d": body}
