"""Links of a list page (sort headers, pager, CSV export) that keep its search and filters."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from salesdesk.lists.keyset import KeysetPage

PAGING = ("after", "before", "last", "page")


@dataclass(frozen=True)
class SortLink:
    url: str
    aria_sort: str  # "ascending" | "descending" | "none"
    arrow: str


def _query(params: QueryDict, **changes) -> str:
    query = params.copy()
    for name in PAGING:
        query.pop(name, None)
    for name, value in changes.items():
        query[name] = value
    return "?" + query.urlencode()


def sort_links(params: QueryDict, sorts: dict, current: str) -> dict[str, SortLink]:
    """Per column: the link that sorts by it (again: the other way round)."""
    links = {}
    for key in sorts:
        if current == key:
            links[key] = SortLink(_query(params, sort=f"-{key}"), "ascending", " ▲")
        elif current == f"-{key}":
            links[key] = SortLink(_query(params, sort=key), "descending", " ▼")
        else:
            links[key] = SortLink(_query(params, sort=key), "none", "")
    return links


def pager_links(params: QueryDict, page: KeysetPage) -> dict[str, str]:
    links = {}
    if page.has_previous:
        links["first"] = _query(params)
        links["previous"] = _query(params, before=page.first_cursor, page=str(page.number - 1))
    if page.has_next:
        links["next"] = _query(params, after=page.last_cursor, page=str(page.number + 1))
        links["last"] = _query(params, last="1")
    return links


def export_query(params: QueryDict) -> str:
    return _query(params)
