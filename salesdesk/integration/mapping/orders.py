"""Salesdesk orders <-> Exact Online sales orders: the only place their field names live.

`salesorder/SalesOrders` (spec §4.6): `OrderedBy` and a non-empty `SalesOrderLines` array
of objects are required; numbers must be JSON numbers, never strings. Exact has no
idempotency key, so `YourRef` carries Salesdesk's own order number, unique across
companies, to find the order again after an unclear answer (spec §6 pitfall 16). The
customer's own reference therefore goes in `Description`, and the notes in `Remarks`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from salesdesk.orders.models import Order, OrderLine

DESCRIPTION_MAX = 60  # longer texts are cut by Exact; keep ours within it


@dataclass(frozen=True)
class ExactOrderRef:
    """What Salesdesk keeps of Exact's sales order: its key and its human number."""

    order_id: uuid.UUID
    number: int


def sales_order_payload(order: Order, lines: Iterable[OrderLine]) -> dict[str, Any]:
    """The POST body for `salesorder/SalesOrders` of one order."""
    payload: dict[str, Any] = {
        "OrderedBy": str(order.customer.exact_id),
        "YourRef": order.number,
        "Description": (order.your_ref or f"Salesdesk order {order.number}")[:DESCRIPTION_MAX],
        "SalesOrderLines": [
            {
                "Item": str(line.item.exact_id),
                "Quantity": float(line.quantity),
                "NetPrice": float(line.unit_price),
            }
            for line in lines
        ],
    }
    if order.delivery_date:
        payload["DeliveryDate"] = order.delivery_date.isoformat()
    if order.notes:
        payload["Remarks"] = order.notes
    return payload


def your_ref(order: Order) -> str:
    """The value Exact's `YourRef` holds for this order (what the look-up searches)."""
    return order.number


def exact_order_ref(row: Mapping[str, Any]) -> ExactOrderRef:
    """Exact's answer (a created or found sales order row) in Salesdesk's words."""
    return ExactOrderRef(order_id=uuid.UUID(str(row["OrderID"])), number=int(row["OrderNumber"]))
