"""The outbox: one claim at a time, leases, and what each outcome does to the status."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import OperationalError, connection

from salesdesk.integration.order_push.services import UNCLEAR_BACKOFF
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outbox import (
    LEASE,
    outbox_claim,
    outbox_due_ids,
    outbox_finish,
    outbox_next_due_at,
)
from salesdesk.orders.outcomes import SendOutcome, SendResult
from salesdesk.orders.services import order_submit
from salesdesk.orders.signals import order_in_exact
from salesdesk.orders.waiting import outbox_resume, outbox_wait
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_order

BACKOFF = UNCLEAR_BACKOFF.delay  # the integration's policy for unclear answers

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _queued(company, **outbox):
    order = make_order(company=company)
    order_submit(order=order, now=NOW)
    OrderOutbox.objects.filter(order=order).update(**outbox)
    return order


def _status(order) -> str:
    order.refresh_from_db()
    return order.status


@pytest.mark.django_db
def test_a_claim_is_exclusive_and_sets_sending():
    order = _queued(make_company())
    claim = outbox_claim(order_id=order.pk, now=NOW)
    assert claim is not None and not claim.lookup_first
    assert _status(order) == Order.Status.SENDING
    assert outbox_claim(order_id=order.pk, now=NOW + timedelta(seconds=5)) is None
    outbox = OrderOutbox.objects.get(order=order)
    assert outbox.lease_token == claim.token and outbox.exact_may_have_it


@pytest.mark.django_db
def test_not_due_orders_are_not_claimed():
    order = _queued(make_company(), available_at=NOW + timedelta(minutes=1))
    assert outbox_claim(order_id=order.pk, now=NOW) is None
    assert outbox_due_ids(now=NOW) == []
    assert outbox_due_ids(now=NOW + timedelta(minutes=1)) == [order.pk]


@pytest.mark.django_db
def test_an_expired_lease_is_taken_over_with_a_lookup_and_the_old_worker_loses():
    order = _queued(make_company())
    dead = outbox_claim(order_id=order.pk, now=NOW)
    later = NOW + LEASE + timedelta(seconds=1)
    assert outbox_due_ids(now=later) == [order.pk]
    heir = outbox_claim(order_id=order.pk, now=later)
    assert heir is not None and heir.lookup_first and heir.attempt == 2
    late = SendOutcome.submitted(order_id=uuid.uuid4(), number=1, found=False)
    assert outbox_finish(claim=dead, outcome=late, now=later, backoff=BACKOFF) is False
    found = SendOutcome.submitted(order_id=uuid.uuid4(), number=2, found=True)
    assert outbox_finish(claim=heir, outcome=found, now=later, backoff=BACKOFF) is True
    order.refresh_from_db()
    assert (order.status, order.exact_order_number) == (Order.Status.SUBMITTED, 2)
    assert "found in Exact" in order.events.get(status="submitted").message


@pytest.mark.django_db
def test_wait_requeues_at_the_reset_without_counting_a_failure():
    order = _queued(make_company())
    claim = outbox_claim(order_id=order.pk, now=NOW)
    reset = NOW + timedelta(seconds=42)
    wait = SendOutcome(SendResult.WAIT, "rate limit", retry_at=reset, exact_may_have_it=False)
    outbox_finish(claim=claim, outcome=wait, now=NOW, backoff=BACKOFF)
    outbox = OrderOutbox.objects.get(order=order)
    assert _status(order) == Order.Status.QUEUED
    assert (outbox.available_at, outbox.failures, outbox.exact_may_have_it) == (reset, 0, False)


@pytest.mark.django_db
def test_unclear_answers_back_off_up_to_a_cap_and_never_fail_by_count():
    order = _queued(make_company())
    now, waits = NOW, []
    for attempt in range(1, 61):  # Exact down for most of a day
        claim = outbox_claim(order_id=order.pk, now=now)
        assert claim.lookup_first == (attempt > 1)
        unclear = SendOutcome(SendResult.UNCLEAR, "Waiting: no clear answer")
        outbox_finish(claim=claim, outcome=unclear, now=now, backoff=BACKOFF)
        assert _status(order) == Order.Status.QUEUED
        outbox = OrderOutbox.objects.get(order=order)
        waits.append(outbox.available_at - now)
        now = outbox.available_at
    assert waits[0] == timedelta(seconds=30) and waits[1] == timedelta(minutes=1)
    assert max(waits) == timedelta(minutes=15) == waits[-1]
    order.refresh_from_db()
    assert order.exact_message == "Waiting: no clear answer"  # shown on the order pages
    claim = outbox_claim(order_id=order.pk, now=now)
    assert claim.lookup_first  # the fault cleared: look up before posting
    found = SendOutcome.submitted(order_id=uuid.uuid4(), number=7, found=True)
    outbox_finish(claim=claim, outcome=found, now=now, backoff=BACKOFF)
    order.refresh_from_db()
    assert (order.status, order.exact_message) == (Order.Status.SUBMITTED, "")


@pytest.mark.django_db
def test_blocked_waits_untried_until_resumed_for_its_company_only():
    mine, theirs = make_company(), make_company()
    order, other = _queued(mine), _queued(theirs)
    for queued in (order, other):
        claim = outbox_claim(order_id=queued.pk, now=NOW)
        blocked = SendOutcome(SendResult.BLOCKED, "Waiting: needs re-authorization")
        outbox_finish(claim=claim, outcome=blocked, now=NOW, backoff=BACKOFF)
    order.refresh_from_db()
    assert (order.status, order.exact_message) == (Order.Status.QUEUED, blocked.message)
    later = NOW + timedelta(days=2)
    assert outbox_due_ids(now=later) == [] and outbox_next_due_at() is None
    assert outbox_claim(order_id=order.pk, now=later) is None
    assert outbox_resume(company=mine, now=later) == 1
    assert outbox_due_ids(now=later) == [order.pk]  # the other company's still waits
    order.refresh_from_db()
    assert (order.status, order.exact_message) == (Order.Status.QUEUED, "")
    claim = outbox_claim(order_id=order.pk, now=later)
    assert claim is not None and claim.lookup_first  # the blocked attempt may have posted
    assert outbox_resume(company=mine, now=later) == 0


@pytest.mark.django_db
def test_waiting_parks_a_queued_order_or_a_dead_workers_but_not_a_live_one():
    order = _queued(make_company())
    assert outbox_wait(order_id=order.pk, reason="Waiting: not connected", now=NOW)
    assert not outbox_wait(order_id=order.pk, reason="again", now=NOW)  # already waits
    assert order.events.filter(message="Waiting: not connected").count() == 1
    outbox_resume(company=order.company, now=NOW)
    claim = outbox_claim(order_id=order.pk, now=NOW)
    assert not outbox_wait(order_id=order.pk, reason="Waiting", now=NOW)  # its lease holds
    later = NOW + LEASE + timedelta(seconds=1)
    assert outbox_wait(order_id=order.pk, reason="Waiting", now=later)  # its worker died
    assert _status(order) == Order.Status.QUEUED
    assert OrderOutbox.objects.get(order=order).exact_may_have_it
    done = SendOutcome.submitted(order_id=uuid.uuid4(), number=1, found=False)
    assert outbox_finish(claim=claim, outcome=done, now=later, backoff=BACKOFF) is False


@pytest.mark.django_db
def test_refused_fails_with_exacts_words_and_is_not_due_again():
    order = _queued(make_company())
    claim = outbox_claim(order_id=order.pk, now=NOW)
    refused = SendOutcome(SendResult.REFUSED, "Exact said no", exact_may_have_it=False)
    outbox_finish(claim=claim, outcome=refused, now=NOW, backoff=BACKOFF)
    order.refresh_from_db()
    assert (order.status, order.exact_message) == (Order.Status.FAILED, "Exact said no")
    assert outbox_due_ids(now=NOW + timedelta(days=1)) == []


@pytest.mark.django_db
def test_due_ids_stay_within_a_company():
    mine, theirs = make_company(), make_company()
    order, other = _queued(mine), _queued(theirs)
    assert outbox_due_ids(now=NOW, company_id=mine.pk) == [order.pk]
    assert outbox_due_ids(now=NOW, company_id=theirs.pk) == [other.pk]


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_one_order_give_one_claim():
    order = _queued(make_company())
    claims, start = [], threading.Barrier(6)

    def worker():
        start.wait()
        while True:  # the in-memory test database says "locked" where a file would wait
            try:
                claims.append(outbox_claim(order_id=order.pk, now=NOW))
                break
            except OperationalError:
                time.sleep(0.01)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claims) == 6  # every worker got an answer
    assert len([claim for claim in claims if claim is not None]) == 1
    assert OrderOutbox.objects.get(order=order).attempts == 1


@pytest.mark.django_db(transaction=True)
def test_reaching_exact_announces_the_order_once_after_commit_and_a_wait_does_not():
    heard = []

    def listen(sender, order_id, **kwargs):
        heard.append(order_id)

    order_in_exact.connect(listen)
    try:
        order = _queued(make_company())
        claim = outbox_claim(order_id=order.pk, now=NOW)
        wait = SendOutcome(SendResult.WAIT, "rate limit", exact_may_have_it=False)
        outbox_finish(claim=claim, outcome=wait, now=NOW, backoff=BACKOFF)
        assert heard == []
        later = NOW + timedelta(minutes=1)
        claim = outbox_claim(order_id=order.pk, now=later)
        done = SendOutcome.submitted(order_id=uuid.uuid4(), number=3, found=False)
        outbox_finish(claim=claim, outcome=done, now=later, backoff=BACKOFF)
        assert heard == [order.pk]
    finally:
        order_in_exact.disconnect(listen)
