"""How much the delta feed still holds after a cursor: a device's progress bar needs a total."""

from __future__ import annotations

from typing import Annotated

from django.db.models import Q
from ninja import Field, Query, Router, Schema

from salesdesk.api.feed import KINDS, cursor_decode, cursor_within
from salesdesk.api.schemas import Problem, Problems
from salesdesk.tenants.changes import version_latest

router = Router(tags=["changes"])


class CountQuery(Schema):
    since: Annotated[
        str | None,
        Field(None, max_length=2000, description="A `cursor` of the feed; leave out for all"),
    ] = None


class ChangesCount(Schema):
    items: int
    customers: int
    item_prices: int
    price_list_lines: int
    orders: int
    total: int = Field(description="Records `GET /changes` will deliver from this cursor on")


@router.get("/changes/count", response={200: ChangesCount, 401: Problem, 422: Problems})
def changes_count(request, query: Query[CountQuery]):
    """How many records `GET /changes?since=<cursor>` has to deliver, per kind.

    Counted now: records written while the device downloads add to what it receives.
    """
    start = cursor_within(cursor_decode(query.since), request.reach)
    counts = {kind.name: 0 for kind in KINDS}
    latest = version_latest(company=request.company)
    if start.caught_up is None or start.caught_up != latest:
        for kind in KINDS:
            version, pk = start.positions[kind.name]
            after = Q(row_version__gt=version) | Q(row_version=version, pk__gt=pk)
            counts[kind.name] = kind.rows(request.company, request.reach).filter(after).count()
    return {**counts, "total": sum(counts.values())}
