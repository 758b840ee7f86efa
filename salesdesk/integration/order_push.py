"""Sending one order to Exact Online, once, even when answers get lost.

Exact has no idempotency key (spec §4.6, §6 pitfall 16): a POST that ends without a clear
answer (a timeout, a dropped connection, a 5xx) may or may not have stored the order. So
such a POST is never repeated blindly: the next attempt first looks the order up by its
`YourRef` (Salesdesk's own order number) and posts only when Exact does not have it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from django.utils import timezone

from exact_client.client import ExactClient
from exact_client.errors import AuthError, ExactError, NotFound, RateLimited, Rejected
from salesdesk.integration.connection import ConnectionNotReady
from salesdesk.integration.order_mapping import exact_order_ref, sales_order_payload, your_ref
from salesdesk.orders.models import Order
from salesdesk.orders.outbox import outbox_claim, outbox_finish
from salesdesk.orders.outcomes import SendOutcome, SendResult
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.orders.send")

Connect = Callable[[Company], ExactClient]


def order_send(
    *, order_id: int, connect: Connect, clock: Callable[[], datetime] = timezone.now
) -> SendOutcome | None:
    """Claim the order, send it, record the outcome; None when it was not ours to send."""
    claim = outbox_claim(order_id=order_id, now=clock())
    if claim is None:
        return None
    order = Order.objects.select_related("company", "customer").get(pk=order_id)
    try:
        client = connect(order.company)
    except ConnectionNotReady as exc:
        outcome = SendOutcome(SendResult.BLOCKED, exc.message, exact_may_have_it=claim.lookup_first)
    else:
        outcome = order_push(client=client, order=order, lookup_first=claim.lookup_first)
    recorded = outbox_finish(claim=claim, outcome=outcome, now=clock())
    LOGGER.info(
        "order send %s",
        outcome.result.value,
        extra={"order_id": order_id, "attempt": claim.attempt, "recorded": recorded},
    )
    return outcome


def order_push(*, client: ExactClient, order: Order, lookup_first: bool) -> SendOutcome:
    """One attempt: look up first when an earlier one may have been stored, else post."""
    known_absent = not lookup_first
    posted = False
    try:
        if lookup_first:
            found = client.sales_orders.find_by_your_ref(your_ref(order))
            if found:
                ref = exact_order_ref(found)
                return SendOutcome.submitted(order_id=ref.order_id, number=ref.number, found=True)
            known_absent = True
        lines = order.lines.select_related("item").order_by("line_number")
        posted = True
        ref = exact_order_ref(client.sales_orders.create(sales_order_payload(order, lines)))
        return SendOutcome.submitted(order_id=ref.order_id, number=ref.number, found=False)
    except ExactError as exc:
        return outcome_for_error(exc, posted=posted, known_absent=known_absent)


def outcome_for_error(exc: ExactError, *, posted: bool, known_absent: bool) -> SendOutcome:
    """What an Exact error means for the order; `exact_may_have_it` errs on the safe side."""
    unchanged = not known_absent  # this attempt stored nothing; what we knew before stands
    if isinstance(exc, RateLimited):  # 429s are answered before anything is stored
        retry_at = datetime.fromtimestamp(exc.reset_at, tz=UTC) if exc.reset_at else None
        text = "Exact Online's rate limit was reached; Salesdesk waits for it to reset."
        return SendOutcome(SendResult.WAIT, text, retry_at=retry_at, exact_may_have_it=unchanged)
    if isinstance(exc, AuthError):
        text = (
            "Exact Online did not accept Salesdesk's authorization. Authorize Salesdesk again "
            "(Administration > Settings > Connector settings), then press Retry."
        )
        return SendOutcome(SendResult.BLOCKED, text, exact_may_have_it=unchanged)
    if isinstance(exc, Rejected | NotFound):
        return SendOutcome(SendResult.REFUSED, _refusal(exc), exact_may_have_it=unchanged)
    ambiguous = posted and getattr(exc, "ambiguous", True)
    text = f"No clear answer from Exact Online: {exc.message}."
    return SendOutcome(SendResult.UNCLEAR, text, exact_may_have_it=ambiguous or unchanged)


def _refusal(exc: ExactError) -> str:
    status = getattr(exc, "status", 404)
    if status == 403:
        return (
            "Exact Online refused the order: the connected user or app may not create sales "
            f"orders in this administration. Exact said: {exc.message}"
        )
    return f"Exact Online refused the order: {exc.message}"
