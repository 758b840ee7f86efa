"""Sending a quotation to Exact Online, and converting it into a sales order, exactly once.

The same outbox and rules as sales orders (order_push/services.py): a POST that ends without a
clear answer is never repeated blindly.
- Send (outbox action SEND): after an unclear answer, look the quotation up by Salesdesk's
  number in `Description` (and the customer) before posting it again.
- Convert (action CONVERT): POST `crm/AcceptQuotation` with Action 1, so that Exact makes
  the sales order (spec §9.4), then find that order. Exact's sales orders carry no link to
  their quotation, but accepting copies the quotation's `Description` (Salesdesk's number)
  and its account (`OrderAccount` -> `OrderedBy`): the pair finds the order, and only ours
  (the number is unique across companies, mapping/orders.py). After an unclear answer the
  quotation's `Status` says whether the accept went through (50 = accepted): then only the
  order is looked for; Salesdesk never accepts twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from exact_client import ExactClient, ExactError, Rejected, TransportError
from salesdesk.integration.mapping.orders import exact_order_ref, order_marker
from salesdesk.integration.mapping.quotations import (
    QUOTATION_STATUS_FIELDS,
    converted_order_find,
    exact_quotation_ref,
    quotation_accepted,
    quotation_payload,
    quotation_row_find,
)
from salesdesk.integration.order_push.delivery_address import delivery_address_ensure
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outcomes import SendOutcome, SendResult

# order_push.services.outcome_for_error: what an Exact error means for the attempt.
ErrorOutcome = Callable[..., SendOutcome]
FORBIDDEN = (
    "Exact Online refused the quotation: the connected user or app may not {what} in this "
    'administration (Exact\'s app scope "Crm quotes"). Exact said: {said}'
)
NO_ORDER = (
    "Exact Online shows quotation {number} as accepted, but Salesdesk finds no sales order "
    "made of it (was it accepted in Exact Online by hand, or its description changed?)."
)


def quotation_outbox_push(
    *, client: ExactClient, order: Order, lookup_first: bool, on_error: ErrorOutcome
) -> SendOutcome:
    """One attempt at what the quotation's outbox asks: send it, or convert it."""
    action = OrderOutbox.objects.filter(order_id=order.pk).values_list("action", flat=True)
    if action.first() == OrderOutbox.Action.CONVERT:
        return quotation_convert(
            client=client, order=order, lookup_first=lookup_first, on_error=on_error
        )
    return quotation_push(client=client, order=order, lookup_first=lookup_first, on_error=on_error)


def quotation_push(
    *, client: ExactClient, order: Order, lookup_first: bool, on_error: ErrorOutcome
) -> SendOutcome:
    """Look up first when an earlier attempt may have been stored, else post the quotation."""
    known_absent, posted = not lookup_first, False
    account = str(order.customer.exact_id)
    try:
        if lookup_first:
            rows = client.quotations.find(description=order_marker(order), account=account)
            found = quotation_row_find(rows, order)
            if found:
                ref = exact_quotation_ref(found)
                return SendOutcome.quotation_submitted(quotation=ref, found=True)
            known_absent = True
        lines = order.lines.select_related("item").order_by("line_number")
        delivery_address_ensure(client=client, order=order)  # a typed one: to Exact first
        posted = True
        stored = client.quotations.create(quotation_payload(order, lines))
        return SendOutcome.quotation_submitted(quotation=exact_quotation_ref(stored), found=False)
    except ExactError as exc:
        return _outcome(exc, "create quotations", posted, known_absent, on_error)


def quotation_convert(
    *, client: ExactClient, order: Order, lookup_first: bool, on_error: ErrorOutcome
) -> SendOutcome:
    """Accept the quotation in Exact (never twice) and find the sales order Exact made."""
    quotation_id = str(order.exact_quotation_id)
    known_absent, posted = not lookup_first, False
    try:
        if lookup_first:
            if _accepted(client, quotation_id):
                return _converted_order(client, order, found=True)
            known_absent = True  # not accepted: the earlier attempt did not go through
        posted = True
        try:
            client.quotations.accept(quotation_id)
        except Rejected:
            # Accepted in Exact meanwhile (by hand, or online by the customer): take its order.
            if not _accepted(client, quotation_id):
                raise
            return _converted_order(client, order, found=True)
        return _converted_order(client, order, found=False)
    except ExactError as exc:
        return _outcome(exc, "accept quotations", posted, known_absent, on_error)


def _outcome(
    exc: ExactError, what: str, posted: bool, known_absent: bool, on_error: ErrorOutcome
) -> SendOutcome:
    """As for orders, but a 403 says what a quotation needs (not the sales order wording)."""
    outcome = on_error(exc, posted=posted, known_absent=known_absent)
    if isinstance(exc, Rejected) and exc.status == 403:
        text = FORBIDDEN.format(what=what, said=exc.message)
        return replace(outcome, message=text)
    return outcome


def _accepted(client: ExactClient, quotation_id: str) -> bool:
    return quotation_accepted(client.quotations.get(quotation_id, select=QUOTATION_STATUS_FIELDS))


def _converted_order(client: ExactClient, order: Order, *, found: bool) -> SendOutcome:
    account = str(order.customer.exact_id)
    rows = client.quotations.sales_orders_of(description=order_marker(order), account=account)
    row = converted_order_find(rows, order)
    if row is None:
        if not found:  # accepted just now: Exact's answer said so, the order must follow
            raise TransportError(
                "Exact Online accepted the quotation but does not list its order yet",
                ambiguous=True,  # look again (status first) next time, never accept again
            )
        text = NO_ORDER.format(number=order.exact_quotation_number)
        return SendOutcome(SendResult.REFUSED, text, exact_may_have_it=True)
    ref = exact_order_ref(row)
    return SendOutcome.quotation_converted(order_id=ref.order_id, number=ref.number, found=found)
