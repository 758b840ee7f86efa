"""Pages of an Exact Online collection, followed lazily through `__next` (spec §3.1-§3.3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from .errors import PagingError, ServerError, TransportError
from .rows import convert_rows

# Pages without rows that still point to a next page: a few are tolerated, then we stop.
MAX_EMPTY_PAGES = 3


@dataclass(frozen=True)
class Page:
    """One response's rows (converted), `__count` if `$inlinecount` was asked, and `__next`."""

    rows: list[dict[str, Any]]
    count: int | None = None
    next_url: str | None = None


def page_from_payload(payload: Any, int64_fields: Iterable[str] = ()) -> Page:
    """Read either envelope: `{"d": {"results": [...], "__next": ...}}` or `{"d": [...]}`.

    Exact answers with the plain array for some `$top` queries and with `results` otherwise;
    the trigger is unconfirmed, so both are accepted everywhere (spec §3.3, pitfall 10).
    A single entity (`{"d": {...}}`) becomes a one-row page. Anything else is an ExactError.
    """
    d = payload.get("d") if isinstance(payload, dict) else None
    if isinstance(d, list):
        return Page(rows=_rows(d, int64_fields))
    if isinstance(d, dict) and isinstance(d.get("results"), list):
        next_url = d.get("__next")
        return Page(
            rows=_rows(d["results"], int64_fields),
            count=_count(d.get("__count")),
            next_url=next_url if isinstance(next_url, str) and next_url else None,
        )
    if isinstance(d, dict):
        entity = any(not key.startswith("__") for key in d)  # not just `__count`/`__next`
        return Page(rows=_rows([d], int64_fields) if entity else [])
    if isinstance(payload, dict) and "error" in payload:  # an error object sent with a 2xx
        raise ServerError(f"Exact Online answered with an error: {str(payload['error'])[:300]}")
    raise TransportError("Exact Online sent JSON without the `d` envelope")


def _rows(rows: list[Any], int64_fields: Iterable[str]) -> list[dict[str, Any]]:
    if not all(type(row) is dict for row in rows):
        raise TransportError("Exact Online sent a collection whose rows are not objects")
    return convert_rows(rows, int64_fields)


def _count(value: Any) -> int | None:
    # `__count` is a string in OData v2 JSON; a number is fine too, anything else is unknown.
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


Fetch = Callable[[str, dict[str, str] | None], Any]


def iterate_pages(
    fetch: Fetch, url: str, params: dict[str, str] | None, int64_fields: Iterable[str] = ()
) -> Iterator[Page]:
    """Yield pages one by one; the next page is fetched only when the caller asks for it.

    `__next` is followed verbatim (it already repeats every query option, spec §3.2); a
    relative link is resolved against the page it came from. A link seen before, or more than
    `MAX_EMPTY_PAGES` empty pages in a row, raises PagingError instead of looping forever.
    """
    fields = tuple(int64_fields)
    seen: set[str] = set()
    empty = 0
    page = page_from_payload(fetch(url, params), fields)
    while True:
        yield page
        if not page.next_url:
            return
        empty = 0 if page.rows else empty + 1
        if page.next_url in seen or empty > MAX_EMPTY_PAGES:
            raise PagingError(
                f"Exact Online kept sending __next links: {_without_query(page.next_url)}"
            )
        seen.add(page.next_url)
        url = _resolve(url, page.next_url)
        page = page_from_payload(fetch(url, None), fields)


def _resolve(current: str, next_url: str) -> str:
    if "://" in next_url.split("?", 1)[0]:
        return next_url  # absolute: verbatim
    try:
        return str(httpx.URL(current).join(next_url))
    except httpx.InvalidURL as exc:
        raise PagingError(f"Exact Online sent an unusable __next link: {next_url[:80]!r}") from exc


def _without_query(url: str) -> str:
    return url.split("?", 1)[0]
