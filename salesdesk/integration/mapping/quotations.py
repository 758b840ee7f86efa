"""Salesdesk quotations <-> Exact Online quotations: the only place their field names live.

`crm/Quotations` (spec §9.1, §9.4): `OrderAccount` and a non-empty `QuotationLines` array
are required. As for sales orders (mapping/orders.py), Exact has no idempotency key, so
`Description` carries Salesdesk's order number and finds the quotation again after an
unclear answer; the customer's own reference goes to `YourRef` and the notes to `Remarks`.
Accepting the quotation copies `Description` onto the sales order Exact makes, which is how
that order is found (exact_client.quotations.Quotations.sales_orders_of).

The header feed `sync/CRM/QuotationHeaders` carries each quotation's `Status` (5 rejected,
20 draft, 25 open, 40 printed, 50 accepted, … §9.4) and `StatusDescription`; Salesdesk keeps
both on its order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from salesdesk.integration.mapping.orders import order_marker
from salesdesk.integration.mapping.values import guid, text, whole
from salesdesk.orders.models import Order, OrderLine
from salesdesk.orders.outcomes import QuotationRef

Row = dict[str, Any]

QUOTATION_HEADER_FIELDS = (
    "ID", "QuotationID", "QuotationNumber", "Status", "StatusDescription",
)  # fmt: skip
# Read after an unclear accept: Exact's status says whether it went through.
QUOTATION_STATUS_FIELDS = ("QuotationID", "Status")
# sync/Deleted EntityType of quotation headers (spec §9.3).
DELETED_QUOTATION = 34
ACCEPTED = QuotationRef.ACCEPTED


def quotation_payload(order: Order, lines: Iterable[OrderLine]) -> dict[str, Any]:
    """The POST body for `crm/Quotations` of one quotation, with its header choices."""
    payload: dict[str, Any] = {
        "OrderAccount": str(order.customer.exact_id),
        "Description": order_marker(order),
        "QuotationLines": [
            {
                "Item": str(line.item.exact_id),
                "Quantity": float(line.quantity),
                "NetPrice": float(line.unit_price),
            }
            for line in lines
        ],
    }
    optional = {
        "YourRef": order.your_ref,
        "Remarks": order.notes,
        "DeliveryDate": order.delivery_date.isoformat() if order.delivery_date else None,
        "OrderAccountContact": order.contact_exact_id,
        "DeliveryAddress": order.delivery_address_exact_id,
        "ShippingMethod": order.shipping_method_exact_id,
        "PaymentCondition": order.payment_condition,
        "WarehouseID": order.warehouse_exact_id,
    }
    payload |= {name: str(value) for name, value in optional.items() if value}
    return payload


def quotation_row_find(rows: Iterable[Mapping[str, Any]], order: Order) -> Mapping | None:
    """The first of the looked-up `rows` that is this order's quotation, or None."""
    return next((row for row in rows if row.get("Description") == order_marker(order)), None)


def exact_quotation_ref(row: Mapping[str, Any]) -> QuotationRef:
    """Exact's quotation row (created, found or read) in Salesdesk's words."""
    return QuotationRef(
        quotation_id=uuid.UUID(str(row["QuotationID"])),
        number=int(row["QuotationNumber"]),
        status=whole(row.get("Status")),
        status_label=text(row.get("StatusDescription"))[:100],
    )


def quotation_accepted(row: Mapping[str, Any] | None) -> bool:
    """Whether Exact's quotation row (None: Exact does not know it) says Accepted."""
    return row is not None and whole(row.get("Status")) == ACCEPTED


def converted_order_find(rows: Iterable[Mapping[str, Any]], order: Order) -> Mapping | None:
    """The sales order Exact made of this quotation, among the `rows` looked up; None."""
    marker, customer = order_marker(order), order.customer.exact_id
    ours = (
        r for r in rows if r.get("Description") == marker and guid(r.get("OrderedBy")) == customer
    )
    return next(ours, None)


def quotation_status_from_exact(row: Row) -> Row:
    """A header feed row: which quotation, and its status."""
    return {
        "exact_id": guid(row.get("QuotationID")) or guid(row.get("ID")),
        "status": whole(row.get("Status")),
        "status_label": text(row.get("StatusDescription"))[:100],
    }
