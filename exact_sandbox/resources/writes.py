"""What POST/PUT/DELETE share: answers and the Prefer header (spec §3.3, §3.6)."""

from __future__ import annotations

from ..data.pictures import URL_FIELDS
from ..errors import empty
from ..http import Response, json_response
from ..odata.envelope import Projector
from .context import CallContext
from .endpoints import Endpoint


def created(
    ctx: CallContext, endpoint: Endpoint, row: dict, *, always_full: bool = False
) -> Response:
    """201 with `d` = the stored entity.

    Without `Prefer: return=representation` only the key is non-null (spec §3.6,
    pitfall 19), unless the endpoint always answers in full (SalesOrders [OBS]).
    """
    projector = Projector(
        endpoint.schema, endpoint.schema.fields, entity_uri=ctx.entity_uri(endpoint.path),
        base=ctx.base, url_fields=URL_FIELDS,
    )  # fmt: skip
    prefer = ctx.req.headers.get("prefer", "").replace(" ", "").lower()
    full = always_full or "return=representation" in prefer
    entity = projector(row) if full else projector.empty_but_key(row)
    return json_response(201, {"d": entity}).header("Location", entity["__metadata"]["uri"])


def no_content() -> Response:
    """PUT and DELETE answer 204 with an empty body (spec §3.3)."""
    return empty(204)
