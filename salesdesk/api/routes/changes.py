"""The delta feed for offline devices (see salesdesk/api/feed.py)."""

from __future__ import annotations

import gzip
import hashlib
from typing import Annotated

import orjson
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from ninja import Field, Query, Router, Schema

from salesdesk.api.feed import PAGE_DEFAULT, PAGE_MAX, changes_page
from salesdesk.api.json_decimals import json_default
from salesdesk.api.schemas import ChangesOut, Problem, Problems

router = Router(tags=["changes"])
GZIP_FROM = 1024  # bytes; smaller bodies gain nothing
GZIP_LEVEL = 1  # fast: the feed is CPU-bound, and level 1 already shrinks JSON ~8x


class ChangesQuery(Schema):
    since: Annotated[
        str | None,
        Field(
            None,
            max_length=2000,
            description="The `cursor` of the previous page; leave out to get everything",
        ),
    ] = None
    limit: Annotated[int, Field(PAGE_DEFAULT, ge=1, le=PAGE_MAX)] = PAGE_DEFAULT


@router.get("/changes", response={200: ChangesOut, 304: None, 401: Problem, 422: Problems})
def changes(request, query: Query[ChangesQuery]):
    """What was created, changed or deactivated since the cursor, in pages, with a new cursor.

    Items, this rep's customers (all, for administrators) and the prices agreed with them,
    price list lines, the orders of this rep's customers and the ones the rep took; stock
    positions per warehouse; customers' addresses and contacts; Exact's sales orders and their
    lines, sales invoices and their lines (a reorder list is what a customer's invoice lines
    add up to) and open items. Records with `active: false` were deactivated (open items:
    paid). Call again with `cursor` while `has_more` is true. An unchanged page answers 304
    to `If-None-Match` with its ETag.
    """
    page = changes_page(
        company=request.company, reach=request.reach, cursor=query.since, limit=query.limit
    )
    etag = _etag(request, query, page.cursor)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        body = orjson.dumps(
            {
                "cursor": page.cursor,
                "has_more": page.has_more,
                "changes": page.changes,
                "reach_changed": page.reach_changed,
            },
            default=json_default,
        )
        response = _encoded(request, body)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["Accept-Encoding", "Authorization"])
    return response


def _etag(request, query: ChangesQuery, cursor: str) -> str:
    # A page is fixed by where it starts and ends: a record's content at a given
    # (row_version, id) never changes (a change gives it a new version).
    seed = f"{request.company.pk}:{request.user.pk}:{query.since}:{query.limit}:{cursor}"
    return '"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"'


def _encoded(request, body: bytes) -> HttpResponse:
    accepts = request.headers.get("Accept-Encoding", "")
    if len(body) >= GZIP_FROM and "gzip" in accepts:
        response = HttpResponse(
            gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0), content_type="application/json"
        )
        response["Content-Encoding"] = "gzip"
        return response
    return HttpResponse(body, content_type="application/json")
