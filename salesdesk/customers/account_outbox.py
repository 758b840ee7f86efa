"""The account outbox: who may send a new customer now, and what an attempt's outcome does.

The rules of the order outbox (salesdesk/orders/outbox.py): a claim is a conditional UPDATE
only one worker wins, with a lease token checked when it reports back; a lease that ran out
is taken over with a lookup first; only a refusal fails; unclear answers back off for as
long as they last. One difference: an account waiting for its company's connection is not
parked until a re-authorization releases it but simply retried later, since only the
sweep (which skips companies without a usable connection) enqueues it again.

Each step's Exact ID is stored the moment Exact answers (`account_step_record`), under the
lease, so a crash after the account's POST never loses the account's ID.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.tenants.changes import version_next

LEASE = timedelta(minutes=10)
BLOCKED_RETRY = timedelta(minutes=1)
RATE_RETRY = timedelta(seconds=30)


@dataclass(frozen=True)
class AccountClaim:
    customer_id: int
    token: uuid.UUID
    lookup_first: bool
    attempt: int


@dataclass(frozen=True)
class AccountOutcome:
    """An attempt's end: `result` is one of done, refused, wait, blocked, unclear."""

    result: str
    message: str = ""
    retry_at: datetime | None = None
    exact_may_have_it: bool = True


def account_claim(
    *, customer_id: int, now: datetime, lease: timedelta = LEASE
) -> AccountClaim | None:
    """Take the customer for sending, or None when it is not due or another worker has it."""
    token = uuid.uuid4()
    free = Q(state=AccountOutbox.State.QUEUED, lease_token__isnull=True, available_at__lte=now)
    stale = Q(state=AccountOutbox.State.SENDING, lease_until__lt=now)
    with transaction.atomic():
        row = AccountOutbox.objects.filter(free | stale, customer_id=customer_id).first()
        if row is None:
            return None
        taken = AccountOutbox.objects.filter(pk=row.pk, lease_token=row.lease_token).update(
            state=AccountOutbox.State.SENDING,
            lease_token=token,
            lease_until=now + lease,
            attempts=F("attempts") + 1,
            exact_may_have_it=True,  # from here on a POST may be on its way
        )
        if not taken:
            return None
    lookup_first = row.exact_may_have_it or row.lease_token is not None
    return AccountClaim(customer_id, token, lookup_first, row.attempts + 1)


def account_step_record(
    *,
    claim: AccountClaim,
    now: datetime,
    account: tuple[uuid.UUID, str] | None = None,
    contact_id: uuid.UUID | None = None,
    address_id: uuid.UUID | None = None,
) -> bool:
    """Store an Exact ID a step got (`account`: its ID and code); False when the lease was
    lost. The account's ID goes on the customer, with a new change version for the feed."""
    with transaction.atomic():
        rows = AccountOutbox.objects.filter(customer_id=claim.customer_id, lease_token=claim.token)
        row = rows.select_for_update().first()
        if row is None:
            return False
        if account is not None:
            exact_id, code = account
            changes = {"exact_id": exact_id, "row_version": version_next(company=row.company_id)}
            if code.strip():
                changes |= {"code": code[:18], "code_display": code.strip()[:18]}
            Customer.objects.filter(pk=claim.customer_id, exact_id__isnull=True).update(**changes)
        ids = {"contact_exact_id": contact_id, "address_exact_id": address_id}
        rows.update(exact_may_have_it=False, **{k: v for k, v in ids.items() if v is not None})
    return True


def account_finish(
    *,
    claim: AccountClaim,
    outcome: AccountOutcome,
    now: datetime,
    backoff: Callable[[int], float],
) -> bool:
    """Record an attempt's outcome; False when the lease was lost to another worker.

    `backoff(failures)`: seconds to wait after that many unclear answers in a row.
    """
    rows = AccountOutbox.objects.filter(customer_id=claim.customer_id, lease_token=claim.token)
    changes = {"lease_token": None, "lease_until": None, "message": outcome.message}
    changes["exact_may_have_it"] = outcome.exact_may_have_it
    if outcome.result == "done":
        changes |= {"state": AccountOutbox.State.DONE, "done_at": now, "failures": 0}
    elif outcome.result == "refused":
        changes["state"] = AccountOutbox.State.FAILED
    else:
        changes["state"] = AccountOutbox.State.QUEUED
        changes["available_at"] = _retry_at(rows, outcome, now, backoff)
        if outcome.result == "unclear":
            changes["failures"] = F("failures") + 1
    return rows.update(**changes) > 0


def account_due_ids(
    *, now: datetime, company_ids: Iterable[int] | None = None, limit: int = 100
) -> list[int]:
    """Customers a worker could claim now: due queued ones and sending ones with a dead lease."""
    due = Q(state=AccountOutbox.State.QUEUED, lease_token__isnull=True, available_at__lte=now)
    stale = Q(state=AccountOutbox.State.SENDING, lease_until__lt=now)
    rows = AccountOutbox.objects.filter(due | stale)
    if company_ids is not None:
        rows = rows.filter(company_id__in=company_ids)
    ids = rows.order_by("available_at", "customer_id").values_list("customer_id", flat=True)
    return list(ids[:limit])


def account_next_due_at(*, company_id: int) -> datetime | None:
    """When the company's earliest queued customer becomes due (None when none is queued)."""
    rows = AccountOutbox.objects.filter(company_id=company_id, state=AccountOutbox.State.QUEUED)
    return rows.order_by("available_at").values_list("available_at", flat=True).first()


def _retry_at(rows, outcome: AccountOutcome, now: datetime, backoff) -> datetime:
    if outcome.result == "unclear":
        failures = (rows.values_list("failures", flat=True).first() or 0) + 1
        return now + timedelta(seconds=backoff(failures))
    if outcome.result == "blocked":
        return now + BLOCKED_RETRY
    return outcome.retry_at or now + RATE_RETRY
