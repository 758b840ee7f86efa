"""Bulk endpoints that filter on a few fields only (spec §9.6).

Exact's pages for these bulk endpoints say "Only the following filters are supported for
this endpoint"; a `$filter` naming another field is refused (whether a filter is also
mandatory there is UNCONFIRMED: the sandbox does not require one).
"""

from __future__ import annotations

from ..odata.errors import bad_request
from ..odata.filter_parser import fields_in
from ..odata.query import QueryOptions
from .endpoints import Endpoint

ALLOWED = {
    "bulk/CRM/Addresses": ("Account", "Contact", "ID", "Main", "Type", "Warehouse"),
    "bulk/CRM/Contacts": ("Account", "ID", "IdentificationDocument", "IdentificationUser",
                          "Person"),
    "bulk/SalesOrder/GoodsDeliveries": ("Document", "EntryID", "Warehouse"),
    "bulk/SalesOrder/GoodsDeliveryLines": ("EntryID", "ID", "Item"),
}  # fmt: skip


def refuse_unlisted_filters(endpoint: Endpoint, options: QueryOptions) -> None:
    """400 when the `$filter` of a whitelisting bulk endpoint names another field."""
    allowed = ALLOWED.get(endpoint.path)
    if allowed is None or options.filter is None:
        return
    others = sorted(fields_in(options.filter) - set(allowed))
    if others:
        raise bad_request(
            f"Filtering on these fields is not supported: {', '.join(others)}. Only the "
            f"following filters are supported for this endpoint: {', '.join(allowed)}."
        )
