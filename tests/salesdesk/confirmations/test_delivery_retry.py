"""A mail that fails for a passing reason is tried again later, with a capped backoff and for
a bounded time, and mailed once; a mail refused for good fails at once with the reason."""

from __future__ import annotations

import smtplib
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks import default_task_backend

from salesdesk.confirmations import delivery
from salesdesk.confirmations.delivery import confirmation_deliver
from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_auto
from salesdesk.confirmations.sweep import confirmations_sweep
from salesdesk.confirmations.tasks import send_confirmation
from salesdesk.orders.models import OrderEvent
from tests.salesdesk.confirmations.factories import confirmations_on, order_with_contact
from tests.salesdesk.confirmations.failing_mail import FAILING_EMAIL, FailingBackend
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
REFUSED = smtplib.SMTPRecipientsRefused(
    {"anna@jansen.example": (550, b"5.1.1 <anna@jansen.example>: no such user")}
)


@pytest.fixture(autouse=True)
def failing_mail():
    FailingBackend.reset()
    with override_settings(EMAIL_BACKEND=FAILING_EMAIL):
        yield FailingBackend
    FailingBackend.reset()


@pytest.fixture
def two():
    """A confirmation waiting to be mailed in each of two companies."""
    rows = []
    for _ in range(2):
        company = make_company()
        confirmations_on(company)
        rows.append(confirmation_auto(order_id=order_with_contact(company).pk))
    # Asked for at T0, whatever today's date (the sweep looks at when it became due).
    Confirmation.objects.filter(pk__in=[row.pk for row in rows]).update(available_at=T0)
    return rows


def at(moment: datetime):
    return lambda: moment


def notes(confirmation: Confirmation) -> list[str]:
    events = OrderEvent.objects.filter(order_id=confirmation.order_id).order_by("pk")
    return list(events.values_list("message", flat=True))


def test_a_passing_failure_is_retried_when_due_and_mailed_once(two, failing_mail):
    ours, theirs = two
    failing_mail.failures = [ConnectionRefusedError(111, "Connection refused")]
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(T0)) == "retrying"
    ours.refresh_from_db()
    assert (ours.status, ours.attempts, ours.failing_since) == ("retrying", 1, T0)
    assert ours.available_at == T0 + timedelta(minutes=1) and mail.outbox == []
    assert "Waiting to retry at 2026-12-06 10:01 CET." in notes(ours)[-1]
    # The other company's mail is not held up by ours.
    assert confirmation_deliver(confirmation_id=theirs.pk, clock=at(T0)) == "sent"

    early = T0 + timedelta(seconds=30)
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(early)) is None
    assert ours.pk not in confirmations_sweep(now=early).due_ids
    due = T0 + timedelta(minutes=1)
    assert confirmations_sweep(now=due).due_ids == [ours.pk]
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(due)) == "sent"
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(due)) is None  # run twice

    ours.refresh_from_db()
    assert (ours.status, ours.attempts, ours.error, ours.sent_at) == ("sent", 2, "", due)
    assert [m.to for m in mail.outbox] == [[theirs.to], [ours.to]]
    assert notes(ours)[-1] == "Order confirmation mailed to anna@jansen.example (attempt 2)."
    assert confirmations_sweep(now=due + timedelta(days=2)).due_ids == []


@pytest.mark.parametrize(
    "failure",
    [
        smtplib.SMTPRecipientsRefused({"anna@jansen.example": (450, b"4.2.1 greylisted")}),
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        smtplib.SMTPDataError(451, b"4.3.0 queue full, try later"),
        TimeoutError("timed out"),
    ],
)
def test_temporary_smtp_answers_wait_to_retry(two, failing_mail, failure):
    ours, _ = two
    failing_mail.failures = [failure]
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(T0)) == "retrying"


def test_a_permanent_refusal_fails_at_once_with_the_reason_and_is_not_retried(two, failing_mail):
    ours, theirs = two
    failing_mail.failures = [REFUSED]
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(T0)) == "failed"
    ours.refresh_from_db()
    assert ours.status == "failed" and ours.attempts == 1 and ours.sent_at is None
    assert ours.error == (
        "Order confirmation not mailed: the mail server refused the recipient "
        "(anna@jansen.example: 550 5.1.1 <anna@jansen.example>: no such user)"
    )
    assert notes(ours)[-1] == ours.error
    later = T0 + timedelta(days=3)
    assert confirmations_sweep(now=later).due_ids == [theirs.pk]  # theirs never ran
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(later)) is None
    assert failing_mail.attempts == 1 and mail.outbox == []


def test_a_pdf_that_cannot_be_made_fails_at_once(two, failing_mail, monkeypatch):
    ours, _ = two

    def no_pango(**kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(delivery, "confirmation_pdf", no_pango)
    assert confirmation_deliver(confirmation_id=ours.pk, clock=at(T0)) == "failed"
    ours.refresh_from_db()
    assert ours.error == (
        "Order confirmation not mailed: the PDF could not be made "
        "(cannot load library 'libpango-1.0-0')"
    )
    assert failing_mail.attempts == 0  # nothing was handed to the mail server


def test_a_failure_that_lasts_backs_off_to_an_hour_and_gives_up_after_a_day(two, failing_mail):
    ours, theirs = two
    failing_mail.always = smtplib.SMTPConnectError(421, b"4.3.2 service not available")
    now, waits = T0, []
    while confirmation_deliver(confirmation_id=ours.pk, clock=at(now)) == "retrying":
        ours.refresh_from_db()
        waits.append(ours.available_at - now)
        now = ours.available_at
    ours.refresh_from_db()
    minutes = [wait / timedelta(minutes=1) for wait in waits]
    assert minutes[:7] == [1, 2, 4, 8, 16, 32, 60] and max(minutes) == 60
    assert now == T0 + timedelta(hours=24)  # the last try on the deadline itself
    assert ours.status == "failed" and ours.attempts == len(waits) + 1
    assert ours.error == (
        "Order confirmation not mailed: the mail server answered 421 4.3.2 service not "
        f"available; gave up after {ours.attempts} attempts"
    )
    assert confirmations_sweep(now=now + timedelta(days=1)).due_ids == [theirs.pk]
    assert mail.outbox == []


def test_the_task_defers_a_retry_to_when_it_is_due_where_the_backend_can(two, failing_mail):
    ours, _ = two
    failing_mail.failures = [smtplib.SMTPServerDisconnected("gone")]
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        assert send_confirmation.call(ours.pk) == "retrying"
        (deferred,) = default_task_backend.results
    ours.refresh_from_db()
    assert deferred.args == [ours.pk] and deferred.task.run_after == ours.available_at
    assert deferred.task.name == send_confirmation.name and ours.status == "retrying"
