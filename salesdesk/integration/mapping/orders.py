"""Salesdesk orders <-> Exact Online sales orders: the only place their field names live.

`salesorder/SalesOrders` (spec §4.6): `OrderedBy` and a non-empty `SalesOrderLines` array
of objects are required; numbers must be JSON numbers, never strings.

Where each reference goes, and why. Exact prints `YourRef` on delivery notes and invoices as
the customer's reference (§4.6 "customer reference"), so the customer's own reference (their
PO number) goes there. Exact has no idempotency key and no unique field (§4.6, §6 pitfall 16),
so Salesdesk recognises its own order after an unclear answer by `Description`, the other
free-text header field pitfall 16 names for an external id, to be found with a `$filter`
`eq` (§3.5) as `YourRef` was: a String of `salesorder/SalesOrders` in the field reference
(exact-online-fields.md), not printed as the customer's reference. It carries Salesdesk's
order number ("SD-<company slug>-<sequence>", unique across companies; within 60 characters:
the slug has 50 at most, the sequence six digits below a million orders), so one `$filter`
finds the order in any administration. The notes go in `Remarks`.

Orders sent before this convention carry Salesdesk's number in `YourRef` (and the customer's
reference, or "Salesdesk order <number>", in `Description`): the look-up asks for either field
(`order_lookup_fields`) and `order_row_is_ours` tells them apart, so an order whose first
POST went out under the old convention is still found, never posted twice.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from salesdesk.integration.mapping.order_header import order_header_fields
from salesdesk.orders.models import Order, OrderLine

DESCRIPTION_MAX = 60  # longer texts are cut by Exact; keep ours within it
# Salesdesk's order numbers (salesdesk.orders.services): "SD-<company slug>-<sequence>".
SALESDESK_NUMBER = re.compile(r"SD-[-A-Za-z0-9_]+-[0-9]{6,}")


@dataclass(frozen=True)
class ExactOrderRef:
    """What Salesdesk keeps of Exact's sales order: its key and its human number."""

    order_id: uuid.UUID
    number: int


def sales_order_payload(order: Order, lines: Iterable[OrderLine]) -> dict[str, Any]:
    """The POST body for `salesorder/SalesOrders` of one order."""
    payload: dict[str, Any] = {
        "OrderedBy": str(order.customer.exact_id),
        "Description": order_marker(order),
        "SalesOrderLines": [
            {
                "Item": str(line.item.exact_id),
                "Quantity": float(line.quantity),
                "NetPrice": float(line.unit_price),
            }
            for line in lines
        ],
    }
    if order.your_ref:
        payload["YourRef"] = order.your_ref
    if order.delivery_date:
        payload["DeliveryDate"] = order.delivery_date.isoformat()
    if order.notes:
        payload["Remarks"] = order.notes
    payload.update(order_header_fields(order))  # address, contact, shipping, payment, ...
    return payload


def order_marker(order: Order) -> str:
    """What Exact's `Description` holds for this order: Salesdesk's order number."""
    return order.number[:DESCRIPTION_MAX]


def order_lookup_fields(order: Order) -> dict[str, str]:
    """The fields to search for this order after an unclear answer (any may match)."""
    return {"Description": order_marker(order), "YourRef": order.number}


def order_row_is_ours(row: Mapping[str, Any], order: Order) -> bool:
    """Whether a row the look-up found is this order.

    `Description` equal to our number: sent by today's convention. `YourRef` equal to our
    number: sent by the old one, unless the row's `Description` is another Salesdesk number
    (then it is a newer order whose customer typed our number as their reference).
    """
    if row.get("Description") == order_marker(order):
        return True
    if row.get("YourRef") != order.number:
        return False
    description = row.get("Description") or ""
    return not (SALESDESK_NUMBER.fullmatch(description) and description != order.number)


def order_row_find(rows: Iterable[Mapping[str, Any]], order: Order) -> Mapping[str, Any] | None:
    """The first of `rows` that is this order, or None."""
    return next((row for row in rows if order_row_is_ours(row, order)), None)


def exact_order_ref(row: Mapping[str, Any]) -> ExactOrderRef:
    """Exact's answer (a created or found sales order row) in Salesdesk's words."""
    return ExactOrderRef(order_id=uuid.UUID(str(row["OrderID"])), number=int(row["OrderNumber"]))
