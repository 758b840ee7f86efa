"""The query options of one request (spec §3.5), parsed and checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import bad_request
from .filter_parser import parse_filter

KNOWN = {"$select", "$filter", "$top", "$orderby", "$inlinecount", "$expand", "$skiptoken",
         "$skip", "$format"}  # fmt: skip


@dataclass
class QueryOptions:
    select: list[str] | None = None
    filter_text: str | None = None
    filter: object | None = None
    top: int | None = None
    orderby: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    inlinecount: bool = False
    expand: list[str] = field(default_factory=list)
    skiptoken: str | None = None
    skip: int | None = None  # legacy endpoints only (spec §3.2); see collection.read_collection


def parse_options(query: dict[str, str]) -> QueryOptions:
    """Read `$select`, `$filter`, `$top`, `$orderby`, `$inlinecount`, `$expand`, `$skiptoken`,
    `$skip` (whether the endpoint allows `$skip` is the endpoint's business)."""
    for name in query:
        if name.startswith("$") and name not in KNOWN:
            raise bad_request(f"The query parameter '{name}' begins with a system-reserved '$'")
    options = QueryOptions()
    if "$skip" in query:
        options.skip = _non_negative(query["$skip"], "$skip")
    if "$select" in query:
        options.select = [part.strip() for part in query["$select"].split(",") if part.strip()]
    if query.get("$filter") is not None:
        options.filter_text = query["$filter"]
        options.filter = parse_filter(query["$filter"])
    if "$top" in query:
        options.top = _non_negative(query["$top"], "$top")
    if query.get("$orderby"):
        options.orderby = [_order_term(term) for term in query["$orderby"].split(",")]
    inline = query.get("$inlinecount")
    if inline not in (None, "none", "allpages"):
        raise bad_request(f"Invalid value '{inline}' for $inlinecount.")
    options.inlinecount = inline == "allpages"
    if query.get("$expand"):
        options.expand = [part.strip() for part in query["$expand"].split(",") if part.strip()]
    options.skiptoken = query.get("$skiptoken") or None
    return options


def _non_negative(text: str, name: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise bad_request(f"Invalid value '{text}' for {name}.") from None
    if value < 0:
        raise bad_request(f"Invalid value '{text}' for {name}.")
    return value


def _order_term(term: str) -> tuple[str, bool]:
    words = term.split()
    if not words or len(words) > 2 or (len(words) == 2 and words[1] not in ("asc", "desc")):
        raise bad_request(f"Invalid $orderby expression '{term.strip()}'.")
    return words[0], len(words) == 2 and words[1] == "desc"
