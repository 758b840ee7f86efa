"""Pages of an Exact Online collection, followed lazily through `__next` (spec §3.1-§3.3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

import httpx

from .errors import ExactError, PagingError, ServerError, TransportError
from .response_errors import json_body
from .rows import convert_rows

# Pages without rows that still point to a next page: a few are tolerated, then we stop.
MAX_EMPTY_PAGES = 3


@dataclass(frozen=True)
class Page:
    """One response's rows (converted), `__count` if `$inlinecount` was asked, and `__next`."""

    rows: list[dict[str, Any]]
    count: int | None = None
    next_url: str | None = None
    shaped: Any = None  # what the caller's `shape` made of the rows (iterate_pages)


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


class Pending(Protocol):
    """A page on its way (`Requestor.begin_get`)."""

    def result(self) -> Any: ...

    def discard(self) -> None: ...


Begin = Callable[[str], "Pending | None"]  # start fetching the page at a `__next` link
Shape = Callable[[list[dict[str, Any]]], Any]


def iterate_pages(
    fetch: Fetch,
    url: str,
    params: dict[str, str] | None,
    int64_fields: Iterable[str] = (),
    *,
    begin: Begin | None = None,
    shape: Shape | None = None,
) -> Iterator[Page]:
    """Yield pages one by one; without `begin` the next page is fetched only when the caller
    asks for it. With `begin` it is fetched (and read, by `page_reader`) while the caller
    works on the page it has: only for callers that read every page. `shape(rows)`, if
    given, becomes each page's `shaped` (with `begin`: made in the fetching thread).

    `__next` is followed verbatim (it already repeats every query option, spec §3.2); a
    relative link is resolved against the page it came from. A link seen before, or more than
    `MAX_EMPTY_PAGES` empty pages in a row, raises PagingError instead of looping forever.
    """
    fields = tuple(int64_fields)
    seen: set[str] = set()
    empty = 0
    page = _shaped(page_from_payload(fetch(url, params), fields), shape)
    while True:
        next_url, stop = None, None
        if page.next_url:
            empty = 0 if page.rows else empty + 1
            try:
                next_url = _next(url, page.next_url, seen, empty)
            except PagingError as exc:
                stop = exc  # raised when the caller asks for the next page, as without `begin`
        ahead = begin(next_url) if begin and next_url else None
        try:
            yield page
        except BaseException:  # the caller stopped (GeneratorExit) or failed
            if ahead is not None:
                ahead.discard()
            raise
        if stop is not None:
            raise stop
        if next_url is None:
            return
        url = next_url
        if ahead is not None:
            page = ahead.result().page()
        else:
            page = _shaped(page_from_payload(fetch(url, None), fields), shape)


def page_reader(
    int64_fields: Iterable[str], shape: Shape | None = None
) -> Callable[[httpx.Response], Any]:
    """Reads a page out of a 2xx response (for `begin`): the JSON, the rows converted, then
    shaped (`shape`: the caller's own reading of the rows, made in the fetching thread).

    A body that is not JSON fails here (and is retried like any garbled body); an envelope
    that is not a page fails when the page is taken (`.page()`), as it does without `begin`.
    """
    fields = tuple(int64_fields)

    def read(response: httpx.Response) -> _Read:
        payload = json_body(response)
        try:
            page = page_from_payload(payload, fields)
        except ExactError as exc:
            return _Read(None, exc)
        return _Read(_shaped(page, shape), None)

    return read


@dataclass(frozen=True)
class _Read:
    value: Page | None
    error: ExactError | None

    def page(self) -> Page:
        if self.error is not None:
            raise self.error
        return self.value


def _shaped(page: Page, shape: Shape | None) -> Page:
    return replace(page, shaped=shape(page.rows)) if shape else page


def _next(current: str, next_url: str, seen: set[str], empty: int) -> str:
    if next_url in seen or empty > MAX_EMPTY_PAGES:
        raise PagingError(f"Exact Online kept sending __next links: {_without_query(next_url)}")
    seen.add(next_url)
    return _resolve(current, next_url)


def _resolve(current: str, next_url: str) -> str:
    if "://" in next_url.split("?", 1)[0]:
        return next_url  # absolute: verbatim
    try:
        return str(httpx.URL(current).join(next_url))
    except httpx.InvalidURL as exc:
        raise PagingError(f"Exact Online sent an unusable __next link: {next_url[:80]!r}") from exc


def _without_query(url: str) -> str:
    return url.split("?", 1)[0]
