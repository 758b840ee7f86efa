"""Exact's sales orders and goods deliveries -> Salesdesk's history (spec §9.1, §9.2, §9.4).

Header and line feeds tick separately (§9.2), so each is read on its own cursor. Statuses
(12 open, 20 partial, 21 complete, 45 cancelled) are kept as Exact's codes. The header
feed's `ID` identifies the row and `OrderID` the order that lines and Salesdesk's own
orders refer to (whether they are equal is UNCONFIRMED, §9.1).
"""

from __future__ import annotations

from typing import Any

from salesdesk.integration.mapping.values import amount, day, guid, text, timestamp, whole

Row = dict[str, Any]

SALES_ORDER_HEADER_FIELDS = (
    "ID", "OrderID", "OrderNumber", "OrderedBy", "OrderedByName", "OrderDate", "DeliveryDate",
    "YourRef", "Description", "Status", "DeliveryStatus", "InvoiceStatus", "Currency",
    "AmountFCExclVat", "AmountFC",
)  # fmt: skip
SALES_ORDER_LINE_FIELDS = (
    "ID", "OrderID", "OrderNumber", "LineNumber", "Item", "ItemCode", "ItemDescription",
    "UnitCode", "Quantity", "QuantityDelivered", "QuantityInvoiced", "NetPrice", "AmountFC",
    "Status", "DeliveryStatus", "InvoiceStatus", "DeliveryDate",
)  # fmt: skip
GOODS_DELIVERY_FIELDS = (
    "EntryID", "DeliveryNumber", "DeliveryAccount", "DeliveryDate", "TrackingNumber",
    "ShippingMethodCode", "ShippingMethodDescription", "Description",
)  # fmt: skip
GOODS_DELIVERY_LINE_FIELDS = (
    "ID", "EntryID", "SalesOrderLineID", "SalesOrderNumber", "LineNumber", "Item", "ItemCode",
    "QuantityDelivered", "TrackingNumber", "DeliveryDate",
)  # fmt: skip
# sync/Deleted EntityTypes (spec §9.3): headers, lines, deliveries, delivery lines.
DELETED_SALES_ORDER, DELETED_SALES_ORDER_LINE = 32, 33
DELETED_GOODS_DELIVERY, DELETED_GOODS_DELIVERY_LINE = 16, 17


def sales_order_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "order_exact_id": guid(row.get("OrderID")) or guid(row.get("ID")),
        "number": whole(row.get("OrderNumber")),
        "customer_exact_id": guid(row.get("OrderedBy")),
        "customer_name": text(row.get("OrderedByName"))[:200],
        "order_date": day(row.get("OrderDate")),
        "delivery_date": day(row.get("DeliveryDate")),
        "your_ref": text(row.get("YourRef"))[:64],
        "description": text(row.get("Description"))[:200],
        **_statuses(row),
        "currency": text(row.get("Currency"))[:3],
        "amount_excl_vat": amount(row.get("AmountFCExclVat")),
        "amount_incl_vat": amount(row.get("AmountFC")),
        "exact_timestamp": timestamp(row),
    }


def sales_order_line_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "order_exact_id": guid(row.get("OrderID")),
        "order_number": whole(row.get("OrderNumber")),
        "line_number": whole(row.get("LineNumber")) or 0,
        "item_exact_id": guid(row.get("Item")),
        "item_code": text(row.get("ItemCode"))[:60],
        "item_description": text(row.get("ItemDescription"))[:200],
        "unit": text(row.get("UnitCode"))[:20],
        "quantity": amount(row.get("Quantity")),
        "quantity_delivered": amount(row.get("QuantityDelivered")),
        "quantity_invoiced": amount(row.get("QuantityInvoiced")),
        "unit_price": amount(row.get("NetPrice")),
        "amount": amount(row.get("AmountFC")),
        **_statuses(row),
        "delivery_date": day(row.get("DeliveryDate")),
        "exact_timestamp": timestamp(row),
    }


def goods_delivery_from_exact(row: Row) -> Row:
    shipping = text(row.get("ShippingMethodDescription")) or text(row.get("ShippingMethodCode"))
    return {
        "exact_id": guid(row.get("EntryID")),
        "number": whole(row.get("DeliveryNumber")),
        "customer_exact_id": guid(row.get("DeliveryAccount")),
        "delivery_date": day(row.get("DeliveryDate")),
        "tracking_number": text(row.get("TrackingNumber"))[:100],
        "shipping_method": shipping[:200],
        "description": text(row.get("Description"))[:200],
        "exact_timestamp": timestamp(row),
    }


def goods_delivery_line_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "delivery_exact_id": guid(row.get("EntryID")),
        "order_line_exact_id": guid(row.get("SalesOrderLineID")),
        "order_number": whole(row.get("SalesOrderNumber")),
        "line_number": whole(row.get("LineNumber")) or 0,
        "item_exact_id": guid(row.get("Item")),
        "item_code": text(row.get("ItemCode"))[:60],
        "quantity_delivered": amount(row.get("QuantityDelivered")),
        "tracking_number": text(row.get("TrackingNumber"))[:100],
        "delivery_date": day(row.get("DeliveryDate")),
        "exact_timestamp": timestamp(row),
    }


def _statuses(row: Row) -> Row:
    return {
        "status": whole(row.get("Status")),
        "delivery_status": whole(row.get("DeliveryStatus")),
        "invoice_status": whole(row.get("InvoiceStatus")),
    }
