"""Thin per-endpoint services: lazy page iterators over the one request path."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import httpx

from . import values
from .endpoints import Endpoint
from .errors import BlankPicture, NoSuchEndpoint, NotFound, ServerError, TransportError
from .paging import Page, Shape, iterate_pages, page_from_payload, page_reader
from .requestor import Requestor

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Resource:
    """One entity set: `list`, `bulk`, `sync` (where Exact has them) and `get` by key."""

    def __init__(self, requestor: Requestor, api_url: str, endpoint: Endpoint) -> None:
        self._requestor = requestor
        self._api_url = api_url  # {base}/api/v1/{division}
        self.endpoint = endpoint

    def list(
        self,
        select: Iterable[str] | None = None,
        filter: str | None = None,
        top: int | None = None,
        *,
        inlinecount: bool = False,
        expand: str | None = None,
    ) -> Iterator[Page]:
        """Pages of the normal endpoint (60 rows each); `top` caps the total."""
        params = self._params(select, filter)
        if top is not None:
            params["$top"] = str(top)
        if inlinecount:
            params["$inlinecount"] = "allpages"
        if expand:
            params["$expand"] = expand
        return self._pages(self.endpoint.path, params)

    def bulk(
        self,
        select: Iterable[str] | None = None,
        filter: str | None = None,
        *,
        ahead: bool = False,
        shape: Shape | None = None,
    ) -> Iterator[Page]:
        """Pages of the `bulk/` endpoint (1,000 rows each, `$select` mandatory, spec §3.8).

        `ahead`: fetch each next page while the caller works on the current one (for
        callers that read them all: an abandoned read has cost one call more).
        `shape(rows)`: the caller's reading of each page's rows, kept as `page.shaped`;
        with `ahead` it is made in the fetching thread, so it must not touch the caller's
        thread-bound resources (a database connection).
        """
        if self.endpoint.bulk is None:
            raise NoSuchEndpoint(f"Exact has no bulk endpoint for {self.endpoint.path}")
        params = self._params(select, filter)
        return self._pages(self.endpoint.bulk, params, ahead=ahead, shape=shape)

    def sync(
        self,
        since: int = 1,
        select: Iterable[str] | None = None,
        *,
        ahead: bool = False,
        shape: Shape | None = None,
    ) -> Iterator[Page]:
        """Rows changed after the row-version `since` (spec §3.7), 1,000 per page.

        Store the highest `Timestamp` of a stored page and pass it as `since` next time.
        `ahead`, `shape`: as for `bulk`.
        """
        if self.endpoint.sync is None:
            raise NoSuchEndpoint(f"Exact has no sync endpoint for {self.endpoint.path}")
        fields = list(select or self.endpoint.select)
        if "Timestamp" not in fields:
            fields.append("Timestamp")
        params = self._params(fields, f"Timestamp gt {values.int64_literal(since)}")
        return self._pages(self.endpoint.sync, params, ahead=ahead, shape=shape)

    def get(self, key: Any, select: Iterable[str] | None = None) -> dict[str, Any] | None:
        """One row by key (GUID or integer), or None when Exact does not know it."""
        literal = str(key) if isinstance(key, int) else values.guid_literal(key)
        url = f"{self._api_url}/{self.endpoint.path}({literal})"
        try:
            payload = self._requestor.get_json(url, self._params(select, None))
        except NotFound:
            return None
        rows = page_from_payload(payload, self.endpoint.int64_fields).rows
        return rows[0] if rows else None

    def _params(self, select: Iterable[str] | None, filter: str | None) -> dict[str, str]:
        params = {"$select": ",".join(select or self.endpoint.select)}
        if filter:
            params["$filter"] = filter
        return params

    def _pages(
        self,
        path: str,
        params: dict[str, str],
        *,
        ahead: bool = False,
        shape: Shape | None = None,
    ) -> Iterator[Page]:
        url = f"{self._api_url}/{path}"
        fields = self.endpoint.int64_fields
        begin = None
        if ahead:
            begin = partial(self._requestor.begin_get, read=page_reader(fields, shape))
        fetch = self._requestor.get_json
        return iterate_pages(fetch, url, params, fields, begin=begin, shape=shape)


class SalesOrders(Resource):
    """Sales orders: POST is not idempotent, so every order carries the caller's own id in a
    field it can be found by again (`YourRef` or `Description`, spec §6 pitfall 16)."""

    FIND_SELECT = (
        "OrderID", "OrderNumber", "YourRef", "Description", "OrderedBy", "Status", "Created",
    )  # fmt: skip

    def create(self, payload: dict[str, Any]) -> dict[str, Any]:
        """POST one order (lines inline) and return the stored order.

        On a timeout, transport error or 5xx the error has `.ambiguous = True`: the order may
        exist; look it up (`find_any`) before posting again (pitfall 16).
        """
        url = f"{self._api_url}/{self.endpoint.path}"
        return _stored(self._requestor.post_json(url, payload), self.endpoint)

    def find_by_your_ref(self, ref: str) -> dict[str, Any] | None:
        """The (first) order whose `YourRef` equals `ref`, or None."""
        pages = self.list(select=self.FIND_SELECT, filter=f"YourRef eq {values.quote(ref)}")
        for page in pages:
            if page.rows:
                return page.rows[0]
        return None

    def find_any(self, **equals: str) -> list[dict[str, Any]]:
        """The orders (first page: 60 at most) where any named field equals its text.

        `find_any(Description="SD-1", YourRef="SD-1")` asks
        `$filter=Description eq 'SD-1' or YourRef eq 'SD-1'`; the caller judges the rows.
        """
        if not equals:
            raise ValueError("find_any needs at least one field")
        filter = " or ".join(f"{name} eq {values.quote(text)}" for name, text in equals.items())
        for page in self.list(select=self.FIND_SELECT, filter=filter):
            return list(page.rows)
        return []


class WebhookSubscriptions(Resource):
    """`webhooks/WebhookSubscriptions`: list, create and delete; Exact refuses updates (§4.10).

    About a second after `create` Exact POSTs an empty body to the callback, which must answer
    2xx. Notices carry no record: fetch what changed (or run an incremental sync).
    """

    def create(self, *, topic: str, callback_url: str, description: str = "") -> dict[str, Any]:
        """Subscribe this app to `topic` in this division; the stored subscription."""
        payload = {"Topic": topic, "CallbackURL": callback_url}
        if description:
            payload["Description"] = description
        body = self._requestor.post_json(f"{self._api_url}/{self.endpoint.path}", payload)
        return _stored(body, self.endpoint)

    def delete(self, subscription_id: str) -> None:
        """Remove one subscription; NotFound when Exact does not know it."""
        url = f"{self._api_url}/{self.endpoint.path}({values.guid_literal(subscription_id)})"
        self._requestor.send("DELETE", url, read=lambda response: None)


class Pictures:
    """Item pictures: `PictureUrl` points at the web app and needs the bearer header (§4.9)."""

    def __init__(self, requestor: Requestor) -> None:
        self._requestor = requestor

    def download(self, url: str) -> bytes:
        """The picture's bytes; counted and gated like any call (whether Exact counts it is
        unconfirmed, spec §4.9). Without the bearer header Exact returns a 1x1 image."""
        return self._requestor.send("GET", url, accept="image/*, */*", read=_picture_bytes)


def _stored(body: Any, endpoint: Endpoint) -> dict[str, Any]:
    """The entity a 2xx POST answered with. Exact stored it; if the answer does not show it,
    the error is `ambiguous` so the caller looks it up instead of posting twice (pitfall 16)."""
    try:
        rows = page_from_payload(body, endpoint.int64_fields).rows
    except (TransportError, ServerError) as exc:
        exc.ambiguous = True
        raise
    if not rows:
        raise TransportError(
            "Exact Online accepted the record but did not return it", ambiguous=True
        )
    return rows[0]


def _picture_bytes(response: httpx.Response) -> bytes:
    if "html" in response.headers.get("Content-Type", ""):
        raise ServerError("Exact Online answered a picture with an HTML page", status=200)
    if _one_pixel(response.content):
        raise BlankPicture(
            "Exact Online answered a picture with its blank 1x1 image (what it sends when it "
            "does not accept the access token)"
        )
    return response.content


def _one_pixel(content: bytes) -> bool:
    """A PNG or GIF of 1x1 pixels: Exact's blank answer, never an item's picture."""
    if content.startswith(PNG_SIGNATURE) and content[12:16] == b"IHDR":
        return content[16:24] == b"\x00\x00\x00\x01\x00\x00\x00\x01"
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return content[6:10] == b"\x01\x00\x01\x00"
    return False
