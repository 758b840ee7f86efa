"""Check a recorded request against Exact's field reference: every property it names.

Names count wherever a request puts them: `$select` (`Nav/Field` too), `$filter`,
`$orderby`, `$expand`, and the keys of a JSON body (nested collections such as an order's
`SalesOrderLines` against their own endpoint). Used by the test that runs every request
Salesdesk makes against the sandbox: a property Exact lacks is a finding, whatever the
sandbox answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import orjson

from ..odata.errors import ODataError
from ..odata.filter_parser import fields_in, parse_filter
from . import reference, rights_audit
from .rights_audit import rights_findings

_API_RE = re.compile(
    r"^/api/v1/(?:current/(?P<me>Me)|\d+/(?P<path>[^()]+?)"
    r"(?:\((?P<key>[^()]*)\)(?:/(?P<nav>[A-Za-z]+))?)?)/?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Recorded:
    """One request as the sandbox received it."""

    method: str
    path: str  # URL path, e.g. /api/v1/100001/sync/Logistics/Items
    query: dict[str, str]
    body: bytes = b""


def endpoint_of(request: Recorded) -> str | None:
    """The reference path a REST request reads or writes (None: OAuth, pictures, control)."""
    match = _API_RE.match(request.path)
    if match is None:
        return None
    if match["me"]:
        return "current/Me"
    path = match["path"].removesuffix("/$count")
    if match["nav"]:
        return f"{path.split('/')[0]}/{match['nav']}"
    return path


def findings(request: Recorded) -> list[str]:
    """Sentences naming what in `request` Exact's reference does not have."""
    path = endpoint_of(request)
    if path is None:
        return []
    if path.lower() == rights_audit.PATH:
        return rights_findings(request.query)
    try:
        known = reference.properties(path)
    except KeyError:
        return [f"{request.method} {path}: no such endpoint in the reference"]
    problems = [f"{request.method} {path}: {where} names '{name}', which it lacks"
                for where, name in _query_names(request.query)
                if not _known(path, known, name)]  # fmt: skip
    if request.body and request.method in ("POST", "PUT"):
        problems += _body_findings(request.method, path, known, request.body)
    return problems


def _query_names(query: dict[str, str]) -> list[tuple[str, str]]:
    names = [("$select", n) for n in _listed(query.get("$select")) if n != "*"]
    if query.get("$filter"):
        try:
            names += [("$filter", n) for n in sorted(fields_in(parse_filter(query["$filter"])))]
        except ODataError as error:
            names.append(("$filter", f"<unparsable: {error.message}>"))
    names += [("$orderby", term.split()[0]) for term in _listed(query.get("$orderby"))]
    names += [("$expand", n) for n in _listed(query.get("$expand"))]
    return names


def _listed(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _known(path: str, known: dict[str, str], name: str) -> bool:
    head, _, tail = name.partition("/")
    if head not in known:
        return False
    return not tail or _known(_nav_path(path, head), _nav_properties(path, head), tail)


def _nav_path(path: str, nav: str) -> str:
    return f"{path.split('/')[0]}/{nav}"


def _nav_properties(path: str, nav: str) -> dict[str, str]:
    try:
        return reference.properties(_nav_path(path, nav))
    except KeyError:
        return {}


def _body_findings(method: str, path: str, known: dict[str, str], body: bytes) -> list[str]:
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return [f"{method} {path}: the body is not JSON"]
    if not isinstance(document, dict):
        return [f"{method} {path}: the body is not one JSON object"]
    problems = []
    for name, value in document.items():
        if name not in known:
            problems.append(f"{method} {path}: the body names '{name}', which it lacks")
        elif isinstance(value, list):
            nested = _nav_properties(path, name)
            for row in value:
                for inner in row if isinstance(row, dict) else ():
                    if inner not in nested:
                        problems.append(
                            f"{method} {path}: the body's {name} name '{inner}', which "
                            f"{_nav_path(path, name)} lacks"
                        )
    return problems
