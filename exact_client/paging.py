"""Pages of an Exact Online collection, followed lazily through `__next` (spec §3.1-§3.3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import PagingError, TransportError
from .rows import convert_rows


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
    A single entity (`{"d": {...}}`) becomes a one-row page.
    """
    d = payload.get("d") if isinstance(payload, dict) else None
    if isinstance(d, list):
        return Page(rows=convert_rows(d, int64_fields))
    if isinstance(d, dict) and isinstance(d.get("results"), list):
        count = d.get("__count")
        return Page(
            rows=convert_rows(d["results"], int64_fields),
            count=int(count) if count is not None else None,
            next_url=d.get("__next") or None,
        )
    if isinstance(d, dict):
        return Page(rows=convert_rows([d], int64_fields))
    raise TransportError("Exact Online sent JSON without the `d` envelope")


Fetch = Callable[[str, dict[str, str] | None], Any]


def iterate_pages(
    fetch: Fetch, url: str, params: dict[str, str] | None, int64_fields: Iterable[str] = ()
) -> Iterator[Page]:
    """Yield pages one by one; the next page is fetched only when the caller asks for it.

    `__next` is followed verbatim (it already repeats every query option, spec §3.2); a link
    seen before raises PagingError instead of looping forever.
    """
    fields = tuple(int64_fields)
    seen: set[str] = set()
    page = page_from_payload(fetch(url, params), fields)
    while True:
        yield page
        if not page.next_url:
            return
        if page.next_url in seen:
            raise PagingError(
                f"Exact Online repeated a __next link: {_without_query(page.next_url)}"
            )
        seen.add(page.next_url)
        page = page_from_payload(fetch(page.next_url, None), fields)


def _without_query(url: str) -> str:
    return url.split("?", 1)[0]
