"""Keyset paging for the list endpoints: `after` is the opaque `next` of the previous page."""

from __future__ import annotations

from typing import Annotated

from django.db.models import QuerySet
from ninja import Field

After = Annotated[
    str | None, Field(None, pattern=r"^[0-9]{1,18}$", description="`next` of the page before")
]
Limit = Annotated[int, Field(100, ge=1, le=1000)]


def keyset(queryset: QuerySet, *, after: str | None, limit: int) -> tuple[QuerySet, str | None]:
    """The page's rows (in id order) and the `next` cursor (None on the last page)."""
    if after:
        queryset = queryset.filter(pk__gt=int(after))
    pks = list(queryset.order_by("pk").values_list("pk", flat=True)[: limit + 1])
    more = len(pks) > limit
    pks = pks[:limit]
    page = queryset.model.objects.filter(pk__in=pks).order_by("pk")
    return page, (str(pks[-1]) if more else None)
