"""A confirmation whose worker died mid-send is marked unknown once its lease runs out, never
mailed a second time by itself; the sweep hands back what is due to be sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import override_settings

from salesdesk.confirmations.delivery import LEASE, confirmation_deliver
from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_auto
from salesdesk.confirmations.sweep import PENDING_GRACE, confirmations_sweep
from salesdesk.orders.models import OrderEvent
from tests.salesdesk.confirmations.factories import confirmations_on, order_with_contact
from tests.salesdesk.confirmations.failing_mail import FAILING_EMAIL, FailingBackend
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
UNKNOWN_NOTE = (
    "Order confirmation to anna@jansen.example: not known whether it was mailed: its sending "
    "did not finish by 2026-12-06 10:10 CET, so it may or may not have been mailed; check "
    "with the customer and resend by hand if needed."
)


@pytest.fixture(autouse=True)
def failing_mail():
    FailingBackend.reset()
    with override_settings(EMAIL_BACKEND=FAILING_EMAIL):
        yield FailingBackend
    FailingBackend.reset()


def waiting(company=None) -> Confirmation:
    company = company or make_company()
    confirmations_on(company)
    row = confirmation_auto(order_id=order_with_contact(company).pk)
    Confirmation.objects.filter(pk=row.pk).update(available_at=T0)
    return row


def died_sending(company=None) -> Confirmation:
    """Claimed at T0 by a worker that never came back, as the claim leaves it."""
    row = waiting(company)
    Confirmation.objects.filter(pk=row.pk).update(
        status="sending", attempts=1, lease_until=T0 + LEASE
    )
    return row


def notes(row: Confirmation) -> list[str]:
    events = OrderEvent.objects.filter(order_id=row.order_id).order_by("pk")
    return list(events.values_list("message", flat=True))


def test_a_send_whose_lease_ran_out_is_marked_unknown_and_not_sent_again():
    stuck, other = died_sending(), died_sending()
    assert confirmations_sweep(now=T0 + LEASE - timedelta(seconds=1)).unknown == 0
    assert Confirmation.objects.get(pk=stuck.pk).status == "sending"  # may still be working

    swept = confirmations_sweep(now=T0 + LEASE + timedelta(seconds=1))
    assert swept.unknown == 2 and swept.due_ids == []
    stuck.refresh_from_db()
    assert stuck.status == "unknown" and stuck.lease_until is None and stuck.sent_at is None
    assert stuck.error.startswith("its sending did not finish by 2026-12-06 10:10 CET")
    assert notes(stuck)[-1] == UNKNOWN_NOTE
    assert Confirmation.objects.get(pk=other.pk).status == "unknown"
    assert OrderEvent.objects.filter(order_id=stuck.order_id, message=UNKNOWN_NOTE).count() == 1

    later = T0 + timedelta(days=1)
    assert confirmations_sweep(now=later) == confirmations_sweep(now=later)  # nothing more
    assert confirmations_sweep(now=later).unknown == 0
    assert confirmation_deliver(confirmation_id=stuck.pk, clock=lambda: later) is None
    assert mail.outbox == []


def test_each_companys_lost_send_is_noted_on_its_own_order():
    ours, theirs = died_sending(), died_sending()
    confirmations_sweep(now=T0 + timedelta(hours=1))
    for row in (ours, theirs):
        events = OrderEvent.objects.filter(order_id=row.order_id, message__contains="not known")
        assert events.count() == 1 and events.get().order.company_id == row.company_id


def test_a_slow_worker_that_finishes_after_the_sweep_records_the_mail_as_sent(failing_mail):
    row = waiting()
    late = T0 + LEASE + timedelta(minutes=1)
    # The sweep runs while the worker is still handing the mail over.
    failing_mail.before_send = lambda: confirmations_sweep(now=late)
    assert confirmation_deliver(confirmation_id=row.pk, clock=lambda: T0) == "sent"
    row.refresh_from_db()
    assert row.status == "sent" and row.error == "" and len(mail.outbox) == 1
    assert notes(row)[-2:] == [
        UNKNOWN_NOTE,
        "Order confirmation mailed to anna@jansen.example.",
    ]


def test_the_sweep_hands_back_due_retries_and_lost_enqueues_but_not_fresh_ones():
    company = make_company()
    retry, fresh, lost = waiting(company), waiting(company), waiting(company)
    Confirmation.objects.filter(pk=retry.pk).update(
        status="retrying", attempts=1, available_at=T0 + timedelta(minutes=4)
    )
    Confirmation.objects.filter(pk=fresh.pk).update(available_at=T0 + timedelta(minutes=4))
    now = T0 + timedelta(minutes=4)
    assert confirmations_sweep(now=now).due_ids == [lost.pk, retry.pk]
    assert set(confirmations_sweep(now=now + PENDING_GRACE).due_ids) == {
        lost.pk,
        retry.pk,
        fresh.pk,
    }
