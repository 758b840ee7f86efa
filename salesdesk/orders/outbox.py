"""The order outbox: who may send an order now, and what an attempt's outcome does to it.

Two workers never send the same order: a claim is a conditional UPDATE (Queued -> Sending)
that only one of them can win, and the winner's lease token is checked when it reports
back. A worker that dies mid-send leaves a Sending order whose lease runs out; the next
claim takes it over and looks the order up in Exact first, since the dead worker may have
posted it (spec §6 pitfall 16).

Only a refusal fails an order. Unclear answers are retried with a capped backoff for as long
as they last, and an order blocked by the connection (not connected, needs re-authorization)
waits, unclaimable, until `salesdesk.orders.waiting.outbox_resume` releases it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q

from salesdesk.orders.models import Order, OrderEvent, OrderOutbox
from salesdesk.orders.outcomes import SendOutcome, SendResult
from salesdesk.orders.signals import order_in_exact_on_commit
from salesdesk.tenants.changes import version_next

# Longer than one send can take: a 30 s timeout plus waits for the minute limit.
LEASE = timedelta(minutes=10)
# A rate limit that names no reset: try again after this.
BACKOFF_BASE = timedelta(seconds=30)


@dataclass(frozen=True)
class Claim:
    """The right to send one order until `lease_until`; `lookup_first` after an unclear try."""

    order_id: int
    token: uuid.UUID
    lookup_first: bool
    attempt: int
    at: datetime  # when the attempt started


def outbox_claim(*, order_id: int, now: datetime, lease: timedelta = LEASE) -> Claim | None:
    """Take the order for sending, or None when it is not due or another worker has it."""
    token = uuid.uuid4()
    with transaction.atomic():
        outbox = OrderOutbox.objects.filter(order_id=order_id).first()
        if outbox is None:
            return None
        if outbox.waiting_since is not None:
            return None  # waits for the connection: outbox_resume releases it
        if outbox.lease_token is None and outbox.available_at <= now:
            won = Order.objects.filter(pk=order_id, status=Order.Status.QUEUED).update(
                status=Order.Status.SENDING,
                updated_at=now,
                row_version=version_next(company=outbox.company_id),
            )
        else:  # a lease that ran out: its worker died (or hung) somewhere in the send
            won = bool(outbox.lease_until and outbox.lease_until < now)
        taken = won and OrderOutbox.objects.filter(
            pk=outbox.pk, lease_token=outbox.lease_token
        ).update(
            lease_token=token,
            lease_until=now + lease,
            attempts=F("attempts") + 1,
            exact_may_have_it=True,  # from here on a POST may be on its way
        )
        if not taken:
            transaction.set_rollback(True)  # undo a won Queued -> Sending without a lease
            return None
        # A taken-over lease always looks up: the previous holder may have posted.
        lookup_first = outbox.exact_may_have_it or outbox.lease_token is not None
        attempt = outbox.attempts + 1
        _event(order_id, Order.Status.SENDING, f"Sending to Exact Online (attempt {attempt}).", now)
    return Claim(order_id=order_id, token=token, lookup_first=lookup_first, attempt=attempt, at=now)


def outbox_finish(
    *, claim: Claim, outcome: SendOutcome, now: datetime, backoff: Callable[[int], float]
) -> bool:
    """Record an attempt's outcome; False when the lease was lost to another worker.

    `backoff(failures)`: seconds to wait after that many unclear answers in a row (the
    integration's policy: the domain decides that it waits, not how long).
    """
    with transaction.atomic():
        outbox = OrderOutbox.objects.filter(order_id=claim.order_id, lease_token=claim.token)
        row = outbox.first()
        if row is None:
            return False
        status, message, changes = _next_state(row, outcome, now, claim, backoff)
        outbox.update(
            lease_token=None,
            lease_until=None,
            exact_may_have_it=outcome.exact_may_have_it,
            **changes,
        )
        order_changes = {
            "status": status,
            "updated_at": now,
            "row_version": version_next(company=row.company_id),
        }
        if outcome.result is SendResult.SUBMITTED:
            order_changes |= {**outcome.exact_fields(), "exact_message": ""}
        else:  # Failed: why; Queued: why it waits; a refused conversion: why (order pages)
            order_changes["exact_message"] = message
        Order.objects.filter(pk=claim.order_id).update(**order_changes)
        _event(claim.order_id, status, message, now)
        if outcome.result is SendResult.SUBMITTED:
            # It has just reached Exact: as an order or quotation, or as the sales order
            # Exact made of an accepted quotation (the customer's order confirmation).
            order_in_exact_on_commit(order_id=claim.order_id)
    return True


def outbox_due_ids(
    *,
    now: datetime,
    company_id: int | None = None,
    company_ids: Iterable[int] | None = None,
    limit: int = 100,
) -> list[int]:
    """Orders a worker could claim now: due Queued ones and Sending ones with a dead lease.

    Orders waiting for their connection are never due. `company_ids` (a list or a
    values_list query) keeps only those companies' orders.
    """
    due = Q(lease_token__isnull=True, available_at__lte=now, order__status=Order.Status.QUEUED)
    stale = Q(lease_token__isnull=False, lease_until__lt=now)
    rows = OrderOutbox.objects.filter(due | stale, waiting_since__isnull=True)
    if company_id is not None:
        rows = rows.filter(company_id=company_id)
    if company_ids is not None:
        rows = rows.filter(company_id__in=company_ids)
    return list(
        rows.order_by("available_at", "order_id").values_list("order_id", flat=True)[:limit]
    )


def outbox_next_due_at(*, company_id: int | None = None) -> datetime | None:
    """When the earliest queued order becomes due (None when none will by itself)."""
    rows = OrderOutbox.objects.filter(order__status=Order.Status.QUEUED, waiting_since__isnull=True)
    if company_id is not None:
        rows = rows.filter(company_id=company_id)
    first = rows.order_by("available_at").values_list("available_at", flat=True).first()
    return first


def _next_state(
    row: OrderOutbox,
    outcome: SendOutcome,
    now: datetime,
    claim: Claim,
    backoff: Callable[[int], float],
) -> tuple[str, str, dict]:
    result, text = outcome.result, outcome.message
    if result is SendResult.SUBMITTED:
        return Order.Status.SUBMITTED, outcome.summary(), {"failures": 0, "last_error": ""}
    if result is SendResult.REFUSED:
        # A refused conversion leaves the quotation as it stands in Exact: still Submitted.
        converting = row.action == OrderOutbox.Action.CONVERT
        status = Order.Status.SUBMITTED if converting else Order.Status.FAILED
        return status, text, {"last_error": text}
    if result is SendResult.BLOCKED:
        # Since the attempt began: a re-authorization after that may already fix it.
        return Order.Status.QUEUED, text, {"waiting_since": claim.at, "last_error": text}
    if result is SendResult.WAIT:
        retry_at = outcome.retry_at or now + BACKOFF_BASE
        return Order.Status.QUEUED, text, {"available_at": retry_at, "last_error": text}
    # Unclear: Exact may be down for hours; retry for as long as it takes, never blindly.
    failures = row.failures + 1
    retry_at = now + timedelta(seconds=backoff(failures))
    changes = {"failures": failures, "last_error": text, "available_at": retry_at}
    return Order.Status.QUEUED, text, changes


def _event(order_id: int, status: str, message: str, now: datetime, actor=None) -> None:
    OrderEvent.objects.create(
        order_id=order_id, status=status, message=message, at=now, actor=actor
    )
