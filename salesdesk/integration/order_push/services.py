"""Sending one order to Exact Online, once, even when answers get lost.

Exact has no idempotency key (spec §4.6, §6 pitfall 16): a POST that ends without a clear
answer (a timeout, a dropped connection, a 5xx) may or may not have stored the order. So
such a POST is never repeated blindly: the next attempt first looks the order up by
Salesdesk's own order number (in `Description`, or in `YourRef` for orders sent before the
customer's reference moved there; see mapping/orders.py) and posts only when Exact does not
have it.

While the company's connection is not usable (not connected, needs re-authorization, or
Exact refuses the authorization) the order waits in the outbox, untried, with the reason
on the order; authorizing Salesdesk again releases it (salesdesk.orders.waiting).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from exact_client import (
    AccessTokenRefused,
    AuthError,
    Backoff,
    ExactClient,
    ExactError,
    NotFound,
    RateLimited,
    Rejected,
)
from salesdesk.integration.connection.clients import ConnectionNotReady, ready_connection
from salesdesk.integration.mapping.orders import (
    exact_order_ref,
    order_lookup_fields,
    order_row_find,
    sales_order_payload,
)
from salesdesk.integration.order_push.delivery_address import delivery_address_ensure
from salesdesk.integration.order_push.quotations import quotation_outbox_push
from salesdesk.integration.order_push.refusals import refusal_explained
from salesdesk.orders.customer_waiting import CUSTOMER_PENDING
from salesdesk.orders.models import Order
from salesdesk.orders.outbox import outbox_claim, outbox_finish
from salesdesk.orders.outcomes import SendOutcome, SendResult
from salesdesk.orders.waiting import outbox_wait
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.orders.send")

Connect = Callable[[Company], ExactClient]
NEEDS_REAUTH = (
    "Waiting: the Exact Online connection needs re-authorization. The order goes out once "
    "an administrator authorizes Salesdesk again (Administration > Settings > Connector "
    "settings)."
)

# After unclear answers in a row: 30 s, 1 min, 2 min ... at most 15 min, for as long as
# they last (never a failure by count: Exact may be down for hours).
UNCLEAR_BACKOFF = Backoff(base=30.0, cap=15 * 60.0)


def order_send(
    *, order_id: int, connect: Connect, clock: Callable[[], datetime] = timezone.now
) -> SendOutcome | None:
    """Claim the order, send it, record the outcome; None when it was not ours to send.

    Nothing is tried while the company's connection is not usable: the order waits
    (BLOCKED), found out from the database without a call to Exact.
    """
    order = Order.objects.select_related("company", "customer").filter(pk=order_id).first()
    if order is None:
        return None
    blocked = order_park(order=order, now=clock())
    if blocked is not None:
        return blocked
    claim = outbox_claim(order_id=order_id, now=clock())
    if claim is None:
        return None
    try:
        client = connect(order.company)
    except ConnectionNotReady as exc:
        text = connection_wait_reason(exc)
        outcome = SendOutcome(SendResult.BLOCKED, text, exact_may_have_it=claim.lookup_first)
    else:
        outcome = order_push(client=client, order=order, lookup_first=claim.lookup_first)
    recorded = outbox_finish(
        claim=claim, outcome=outcome, now=clock(), backoff=UNCLEAR_BACKOFF.delay
    )
    LOGGER.info(
        "order send %s",
        outcome.result.value,
        extra={"order_id": order_id, "attempt": claim.attempt, "recorded": recorded},
    )
    return outcome


def order_park(*, order: Order, now: datetime) -> SendOutcome | None:
    """BLOCKED, with the order parked to wait, when its company's connection is not usable
    or its customer is not in Exact yet.

    None when the order may go. The check and the parking share a transaction, so
    a re-authorization commits either before the check or after the order waits (and its
    `outbox_resume` then releases it).
    """
    with transaction.atomic():
        try:
            ready_connection(company=order.company)
        except ConnectionNotReady as exc:
            reason = connection_wait_reason(exc)
            outbox_wait(order_id=order.pk, reason=reason, now=now)
            return SendOutcome(SendResult.BLOCKED, reason, exact_may_have_it=False)
        # A customer created in Salesdesk has no Exact ID for OrderedBy until its account
        # exists in Exact; its send releases the order (orders/customer_waiting.py).
        order.customer.refresh_from_db(fields=["exact_id"])
        if order.customer.exact_id is None:
            outbox_wait(order_id=order.pk, reason=CUSTOMER_PENDING, now=now)
            return SendOutcome(SendResult.BLOCKED, CUSTOMER_PENDING, exact_may_have_it=False)
    return None


def connection_wait_reason(exc: ConnectionNotReady) -> str:
    """Why an order waits, in plain words for the order page."""
    if exc.needs_reauth:
        return NEEDS_REAUTH
    return f"Waiting: {exc.message} The order goes out once that is done."


def order_push(*, client: ExactClient, order: Order, lookup_first: bool) -> SendOutcome:
    """One attempt: look up first when an earlier one may have been stored, else post."""
    if order.kind == Order.Kind.QUOTATION:  # a quotation, or its conversion to an order
        return quotation_outbox_push(
            client=client, order=order, lookup_first=lookup_first, on_error=outcome_for_error
        )
    known_absent = not lookup_first
    posted = False
    try:
        if lookup_first:
            rows = client.sales_orders.find_any(**order_lookup_fields(order))
            found = order_row_find(rows, order)
            if found:
                ref = exact_order_ref(found)
                return SendOutcome.submitted(order_id=ref.order_id, number=ref.number, found=True)
            known_absent = True
        lines = order.lines.select_related("item").order_by("line_number")
        delivery_address_ensure(client=client, order=order)  # a typed one: to Exact first
        posted = True
        ref = exact_order_ref(client.sales_orders.create(sales_order_payload(order, lines)))
        return SendOutcome.submitted(order_id=ref.order_id, number=ref.number, found=False)
    except ExactError as exc:
        outcome = outcome_for_error(exc, posted=posted, known_absent=known_absent)
        return refusal_explained(outcome, exc=exc, order=order)


def outcome_for_error(exc: ExactError, *, posted: bool, known_absent: bool) -> SendOutcome:
    """What an Exact error means for the order; `exact_may_have_it` errs on the safe side."""
    unchanged = not known_absent  # this attempt stored nothing; what we knew before stands
    if isinstance(exc, RateLimited):  # 429s are answered before anything is stored
        retry_at = datetime.fromtimestamp(exc.reset_at, tz=UTC) if exc.reset_at else None
        text = "Waiting: Exact Online's rate limit was reached; Salesdesk sends when it resets."
        return SendOutcome(SendResult.WAIT, text, retry_at=retry_at, exact_may_have_it=unchanged)
    if isinstance(exc, AuthError) and exc.retriable:  # a refresh asked for too early
        text = "Waiting: Exact Online asked Salesdesk to renew its access a little later."
        return SendOutcome(SendResult.WAIT, text, exact_may_have_it=unchanged)
    if isinstance(exc, AccessTokenRefused):  # for a few minutes after a renewal (§1.5)
        text = "Waiting: Exact Online refused Salesdesk's access for now; Salesdesk tries again."
        return SendOutcome(SendResult.WAIT, text, exact_may_have_it=unchanged)
    if isinstance(exc, AuthError):  # a dead token chain
        return SendOutcome(SendResult.BLOCKED, NEEDS_REAUTH, exact_may_have_it=unchanged)
    if isinstance(exc, Rejected | NotFound):
        return SendOutcome(SendResult.REFUSED, _refusal(exc), exact_may_have_it=unchanged)
    ambiguous = posted and getattr(exc, "ambiguous", True)
    text = (
        f"Waiting: Exact Online gave no clear answer ({exc.message}). Salesdesk checks "
        "whether Exact Online already has the order, then tries again."
    )
    return SendOutcome(SendResult.UNCLEAR, text, exact_may_have_it=ambiguous or unchanged)


def _refusal(exc: ExactError) -> str:
    status = getattr(exc, "status", 404)
    if status == 403:
        return (
            "Exact Online refused the order: the connected user or app may not create sales "
            f"orders in this administration. Exact said: {exc.message}"
        )
    return f"Exact Online refused the order: {exc.message}"
