"""Exact's refusals of an order's header, in words an order page can show.

Exact's smallest editions have a single warehouse and refuse a sales order that names
another (issue 20). Exact's exact wording for it is not documented, so any refusal of an
order that names a warehouse and whose message is about the warehouse and the edition (or
the missing multiple-warehouse feature) is taken for it.
"""

from __future__ import annotations

import re

from exact_client import ExactError
from salesdesk.integration.order_push.delivery_address import DeliveryAddressRefused
from salesdesk.orders.models import Order
from salesdesk.orders.outcomes import SendOutcome, SendResult

SINGLE_WAREHOUSE = (
    "Exact Online refused the warehouse: this administration's edition of Exact Online has "
    "one warehouse. Send the order without a warehouse (or to the main one)."
)
ADDRESS_FORBIDDEN = (
    "Exact Online refused the delivery address typed for this order: the connected user or "
    "Salesdesk's app may not create addresses in this administration. Choose one of the "
    "customer's delivery addresses instead."
)
_EDITION = re.compile(r"edition|licen[cs]e|multiple warehouses|one warehouse", re.IGNORECASE)


def refusal_explained(outcome: SendOutcome, *, exc: ExactError, order: Order) -> SendOutcome:
    """`outcome`, with a plainer message when Exact refused a part of the header."""
    if outcome.result is not SendResult.REFUSED:
        return outcome
    if isinstance(exc, DeliveryAddressRefused):
        text = f"Exact Online refused the delivery address typed for this order: {exc.message}"
        if exc.status == 403:  # e.g. an app with the "Crm accounts" scope read-only
            text = f"{ADDRESS_FORBIDDEN} Exact said: {exc.message}"
    elif order.warehouse_exact_id and _single_warehouse_refusal(exc.message):
        text = f"{SINGLE_WAREHOUSE} Exact said: {exc.message}"
    else:
        return outcome
    return SendOutcome(SendResult.REFUSED, text, exact_may_have_it=outcome.exact_may_have_it)


def _single_warehouse_refusal(message: str) -> bool:
    return "warehouse" in message.lower() and bool(_EDITION.search(message))
