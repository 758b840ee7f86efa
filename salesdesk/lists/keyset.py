"""Keyset ("seek") paging for the big lists: every page, the last one too, costs the same.

OFFSET paging makes the database walk past every earlier row; here a page starts
*after* (or *before*) the sort value and id of a row the user saw. The page number
travels in the URL for display only. Ordering is (sort column, id); SQLite puts NULLs
first ascending and last descending, and the seek conditions follow that.
"""

from __future__ import annotations

import base64
import datetime
import json
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

PER_PAGE = 50


@dataclass(frozen=True)
class PageRequest:
    """Which page to show: after/before are cursors from a previous page."""

    sort: str
    after: str = ""
    before: str = ""
    last: bool = False
    number: int = 1


@dataclass
class KeysetPage:
    rows: list
    count: int
    number: int
    num_pages: int
    has_previous: bool
    has_next: bool
    first_cursor: str = ""
    last_cursor: str = ""

    @property
    def start_index(self) -> int:
        return 0 if not self.rows else (self.number - 1) * PER_PAGE + 1

    @property
    def end_index(self) -> int:
        return 0 if not self.rows else self.start_index + len(self.rows) - 1


def keyset_page(
    queryset: QuerySet, request: PageRequest, *, count: int | None = None
) -> KeysetPage:
    """One page of `queryset` ordered by `request.sort` (a field path, "-" for descending)."""
    field, descending = request.sort.lstrip("-"), request.sort.startswith("-")
    nullable = _nullable(queryset.model, field)
    total = queryset.count() if count is None else count
    num_pages = max(1, math.ceil(total / PER_PAGE))
    after, before = _decode(request.after), _decode(request.before)
    if request.last:
        size = total - (num_pages - 1) * PER_PAGE
        rows = list(_ordered(queryset, field, not descending)[:size])[::-1]
        page = KeysetPage(rows, total, num_pages, num_pages, num_pages > 1, False)
    elif before is not None:
        seek = _beyond(field, before, descending=not descending, nullable=nullable)
        rows = list(_ordered(queryset.filter(seek), field, not descending)[: PER_PAGE + 1])
        more = len(rows) > PER_PAGE
        number = _clamp(request.number, num_pages) if more else 1
        page = KeysetPage(rows[:PER_PAGE][::-1], total, number, num_pages, more, True)
    elif after is not None:
        seek = _beyond(field, after, descending=descending, nullable=nullable)
        rows = list(_ordered(queryset.filter(seek), field, descending)[: PER_PAGE + 1])
        more = len(rows) > PER_PAGE
        number = _clamp(request.number, num_pages) if more else num_pages
        page = KeysetPage(rows[:PER_PAGE], total, number, num_pages, True, more)
    else:
        rows = list(_ordered(queryset, field, descending)[: PER_PAGE + 1])
        page = KeysetPage(rows[:PER_PAGE], total, 1, num_pages, False, len(rows) > PER_PAGE)
    if page.rows:
        page.first_cursor = _encode(page.rows[0], field)
        page.last_cursor = _encode(page.rows[-1], field)
    return page


def sorted_like_pages(queryset: QuerySet, sort: str) -> QuerySet:
    """The queryset in the order its pages show it (for exports)."""
    return _ordered(queryset, sort.lstrip("-"), sort.startswith("-"))


def _clamp(number: int, num_pages: int) -> int:
    return min(max(number, 1), num_pages)


def _ordered(queryset: QuerySet, field: str, descending: bool) -> QuerySet:
    if descending:
        return queryset.order_by(f"-{field}", "-pk")
    return queryset.order_by(field, "pk")


def _beyond(field: str, cursor: tuple[Any, int], *, descending: bool, nullable: bool) -> Q:
    """Rows after the cursor in (field, pk) order; `f >= v AND (...)` keeps the index range."""
    value, pk = cursor
    if descending:
        if value is None:
            return Q(**{f"{field}__isnull": True, "pk__lt": pk})
        seek = Q(**{f"{field}__lte": value}) & (Q(**{f"{field}__lt": value}) | Q(pk__lt=pk))
        return seek | Q(**{f"{field}__isnull": True}) if nullable else seek
    if value is None:
        return Q(**{f"{field}__isnull": True, "pk__gt": pk}) | Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__gte": value}) & (Q(**{f"{field}__gt": value}) | Q(pk__gt=pk))


def _nullable(model, path: str) -> bool:
    for part in path.split("__"):
        field = model._meta.get_field(part)
        if field.null:
            return True
        model = field.related_model or model
    return False


def _encode(row, field: str) -> str:
    value = row
    for part in field.split("__"):
        value = None if value is None else getattr(value, part)
    if isinstance(value, Decimal):
        value = str(value)
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    raw = json.dumps([value, row.pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[Any, int] | None:
    """The (value, pk) in a cursor; None for a missing or tampered one (first page)."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, pk = json.loads(raw)
    except (ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(value, str | int | float | bool | None):
        return None
    return value, pk
