"""sales/ShippingMethods and cashflow/PaymentConditions -> the order header's lists (§9.4).

The `$select`s name only properties of those endpoints (exact-online-fields.md). Orders
name a shipping method by its `ID` and a payment condition by its `Code`; the code is kept
trimmed, as customers keep their `PaymentConditionSales` (mapping/records.py), so that a
customer's condition and the list match.
"""

from __future__ import annotations

from typing import Any

from salesdesk.integration.mapping.values import flag, guid, text, whole

Row = dict[str, Any]

SHIPPING_METHOD_FIELDS = ("ID", "Code", "Description", "Active")
PAYMENT_CONDITION_FIELDS = ("ID", "Code", "Description", "PaymentDays")


def shipping_method_from_exact(row: Row) -> Row:
    """A method Exact marks inactive stays listed here, inactive (orders may not name it)."""
    return {
        "exact_id": guid(row.get("ID")),
        "code": text(row.get("Code"))[:40],
        "description": text(row.get("Description"))[:200],
        "active": flag(row.get("Active"), default=True),
    }


def payment_condition_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "code": text(row.get("Code"))[:20],
        "description": text(row.get("Description"))[:200],
        "payment_days": whole(row.get("PaymentDays")) or 0,
    }
