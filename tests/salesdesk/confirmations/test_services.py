"""An order reaching Exact mails its confirmation once, as the company's settings say."""

from __future__ import annotations

import socket
import uuid
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import override_settings

from salesdesk.confirmations.delivery import confirmation_deliver
from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_resend
from salesdesk.confirmations.tasks import send_confirmation
from salesdesk.integration.order_push.services import UNCLEAR_BACKOFF
from salesdesk.orders.models import Order, OrderEvent
from salesdesk.orders.outbox import outbox_claim, outbox_finish
from salesdesk.orders.outcomes import SendOutcome
from salesdesk.orders.services import order_submit
from salesdesk.orders.signals import order_in_exact
from tests.salesdesk.confirmations.factories import (
    IMMEDIATE_TASKS,
    LOCMEM_EMAIL,
    confirmations_on,
    order_with_contact,
)
from tests.salesdesk.customers.contact_factories import make_contact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import DUMMY_TASKS
from tests.salesdesk.orders.factories import make_customer, make_order

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("mail_and_tasks"),
]
NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def mail_and_tasks():
    with override_settings(TASKS=IMMEDIATE_TASKS, EMAIL_BACKEND=LOCMEM_EMAIL):
        yield


def reach_exact(order: Order, *, number: int = 4711) -> Order:
    """Send the order through the outbox as the push does, up to Exact's answer."""
    with override_settings(TASKS=DUMMY_TASKS):  # this test plays the push itself
        order_submit(order=order, now=NOW)
    claim = outbox_claim(order_id=order.pk, now=NOW)
    done = SendOutcome.submitted(order_id=uuid.uuid4(), number=number, found=False)
    outbox_finish(claim=claim, outcome=done, now=NOW, backoff=UNCLEAR_BACKOFF.delay)
    order.refresh_from_db()
    return order


def notes(order: Order) -> list[str]:
    return list(OrderEvent.objects.filter(order=order).values_list("message", flat=True))


def test_an_order_reaching_exact_mails_its_contact_once_with_the_pdf():
    company, other = make_company(name="Acme Wholesale"), make_company()
    confirmations_on(company, sender_name="Acme Sales", text="Thanks!")
    confirmations_on(other)
    customer = make_customer(company=company, email="orders@bakker.example")
    contact = make_contact(company=company, customer_exact_id=customer.exact_id, last_name="Visser")
    order = make_order(company=company, customer=customer)
    Order.objects.filter(pk=order.pk).update(contact_exact_id=contact["exact_id"])
    order = reach_exact(order)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@visser.example"]
    assert message.from_email == "Acme Sales <salesdesk@localhost>"
    assert "4711" in message.subject and "Thanks!" in message.body
    (name, content, mimetype), = message.attachments  # fmt: skip
    assert name == "order-confirmation-4711.pdf" and mimetype == "application/pdf"
    assert content.startswith(b"%PDF-")
    sent = Confirmation.objects.get(order=order)
    assert (sent.status, sent.trigger, sent.to) == ("sent", "auto", "anna@visser.example")
    assert sent.sent_at is not None and sent.company_id == company.pk
    assert "Order confirmation mailed to anna@visser.example." in notes(order)
    # The signal and the task delivered again: no second mail, no second record.
    order_in_exact.send(sender=None, order_id=order.pk)
    send_confirmation.enqueue(sent.pk)
    assert len(mail.outbox) == 1
    assert Confirmation.objects.filter(order=order).count() == 1
    assert not Confirmation.objects.filter(company=other).exists()


def test_without_a_usable_contact_address_the_customer_gets_it():
    company = make_company()
    confirmations_on(company)
    order = order_with_contact(company, email="anna@one.example; piet@two.example")
    order_in_exact.send(sender=None, order_id=order.pk)
    assert [m.to for m in mail.outbox] == [["orders@customer.example"]]


def test_with_confirmations_off_nothing_is_mailed_or_recorded():
    company = make_company()
    confirmations_on(company)
    off = make_company()  # never saved its settings: off by default
    customer = make_customer(company=off, email="orders@customer.example")
    order = reach_exact(make_order(company=off, customer=customer))
    assert mail.outbox == []
    assert not Confirmation.objects.exists()
    assert not any("confirmation" in note.lower() for note in notes(order))


def test_no_address_at_all_leaves_a_note_and_mails_nothing():
    company = make_company()
    confirmations_on(company)
    order = reach_exact(make_order(company=company, customer=make_customer(company=company)))
    assert mail.outbox == []
    skipped = Confirmation.objects.get(order=order)
    assert skipped.status == "skipped" and skipped.to == ""
    assert (
        "Order confirmation not mailed: neither the contact nor the customer has an e-mail "
        "address." in notes(order)
    )


def test_a_quotation_in_exact_and_its_order_later_are_confirmed_each_once():
    company = make_company()
    confirmations_on(company)
    order = order_with_contact(company)
    Order.objects.filter(pk=order.pk).update(
        kind="quotation", exact_order_number=None, exact_quotation_number=120
    )
    order_in_exact.send(sender=None, order_id=order.pk)
    Order.objects.filter(pk=order.pk).update(exact_order_number=4712)  # converted in Exact
    order_in_exact.send(sender=None, order_id=order.pk)
    order_in_exact.send(sender=None, order_id=order.pk)
    assert [m.attachments[0][0] for m in mail.outbox] == [
        "quotation-120.pdf",
        "order-confirmation-4712.pdf",
    ]
    documents = Confirmation.objects.filter(order=order).values_list("document", flat=True)
    assert sorted(documents) == ["order", "quotation"]


def test_a_resend_is_a_second_record_and_a_second_mail():
    company = make_company()
    confirmations_on(company)
    admin = make_user(company=company)
    order = order_with_contact(company)
    order_in_exact.send(sender=None, order_id=order.pk)
    again = confirmation_resend(order=order, actor=admin)
    assert confirmation_deliver(confirmation_id=again.pk) == "sent"
    assert confirmation_deliver(confirmation_id=again.pk) is None  # a task run twice
    assert len(mail.outbox) == 2
    triggers = Confirmation.objects.filter(order=order).values_list("trigger", "actor", "status")
    assert sorted(triggers) == [("auto", None, "sent"), ("manual", admin.pk, "sent")]


def test_a_mail_server_that_refuses_the_connection_waits_to_retry():
    company = make_company()
    confirmations_on(company)
    order = order_with_contact(company)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    with override_settings(EMAIL_BACKEND=smtp, EMAIL_HOST="127.0.0.1", EMAIL_PORT=port):
        order_in_exact.send(sender=None, order_id=order.pk)
    waiting = Confirmation.objects.get(order=order)
    assert waiting.status == "retrying" and waiting.sent_at is None
    assert waiting.attempts == 1 and waiting.lease_until is None
    assert waiting.error.startswith("the mail server could not be reached")
    (note,) = [n for n in notes(order) if "Waiting to retry at" in n]
    assert note.startswith("Order confirmation to anna@jansen.example not mailed yet (attempt 1)")
