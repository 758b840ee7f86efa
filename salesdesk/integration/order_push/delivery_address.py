"""A delivery address typed in for an order goes to Exact before the order that uses it.

Exact's sales order names its delivery address by the ID of a `crm/Addresses` row (spec
§9.4), so the typed address is posted first as a delivery address (Type 4) of the
customer's account, and the ID Exact answers is stored on the order, committed, before the
order is posted with it. A later attempt then finds the ID on the order and posts nothing
again.

Why a repeat is harmless: if the address POST ends without a clear answer (a timeout, a
dropped connection, a 5xx), Exact may or may not have stored it, and Salesdesk has no ID.
The order is not posted in that attempt, and the next one posts the address again: Exact's
POST "first checks whether the specified address already exists. If so, the ID of the
existing address is returned" (§9.4), so the customer gets one address, not two, and the
order the ID Exact already had. No look-up is needed, unlike for the order itself.
"""

from __future__ import annotations

import uuid

from exact_client import ExactClient, Rejected
from salesdesk.integration.mapping.order_header import delivery_address_payload
from salesdesk.orders.delivery_addresses import order_delivery_address_record
from salesdesk.orders.models import Order


class DeliveryAddressRefused(Rejected):
    """Exact refused the typed delivery address; the order was not posted."""


def delivery_address_ensure(*, client: ExactClient, order: Order) -> None:
    """Send the order's typed delivery address to Exact if it has one without an Exact ID.

    Raises the client's errors (an unclear answer is `ambiguous`: see the module's
    docstring); a refusal as `DeliveryAddressRefused`.
    """
    if order.delivery_address_exact_id or not order.new_delivery_address:
        return
    payload = delivery_address_payload(
        account_exact_id=order.customer.exact_id, address=order.new_delivery_address
    )
    try:
        row = client.addresses.create(payload)
    except Rejected as exc:
        raise DeliveryAddressRefused(exc.message, status=exc.status) from exc
    order_delivery_address_record(order=order, exact_id=uuid.UUID(str(row["ID"])))
