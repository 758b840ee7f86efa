"""The sender name is only ever a display name: no header and no address can come in with it."""

from __future__ import annotations

from email import message_from_bytes
from email.utils import getaddresses, parseaddr

import pytest
from django.core import mail
from django.test import override_settings

from salesdesk.confirmations.delivery import confirmation_deliver
from salesdesk.confirmations.forms import ConfirmationSettingsForm
from salesdesk.confirmations.mail import sender
from salesdesk.confirmations.models import ConfirmationSettings
from salesdesk.confirmations.services import confirmation_resend
from tests.salesdesk.confirmations.factories import LOCMEM_EMAIL, order_with_contact
from tests.salesdesk.factories import make_company, make_user

INJECTION = "Acme\r\nBcc: victim@evil.test\r\nX-Evil: 1"


def test_the_form_refuses_a_sender_name_of_more_than_one_line():
    form = ConfirmationSettingsForm({"enabled": "on", "sender_name": INJECTION, "text": ""})
    assert not form.is_valid()
    assert form.errors["sender_name"] == ["The sender name must be one line of text."]


def test_the_form_bounds_the_text():
    form = ConfirmationSettingsForm({"sender_name": "Acme", "text": "x" * 1001})
    assert not form.is_valid() and "text" in form.errors


@override_settings(DEFAULT_FROM_EMAIL="Salesdesk <noreply@salesdesk.example>")
def test_a_name_that_looks_like_an_address_keeps_salesdesks_address():
    name, address = parseaddr(sender(name='Boss" <boss@evil.test>, "x'))
    assert address == "noreply@salesdesk.example"
    assert "boss@evil.test" in name  # shown as text, never used as the address


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM_EMAIL)
def test_a_stored_name_with_line_breaks_mails_one_from_header_and_no_bcc():
    company = make_company()
    # Written past the form, as a bug or an old row might: the mail must still be safe.
    ConfirmationSettings.objects.create(company=company, enabled=True, sender_name=INJECTION)
    order = order_with_contact(company)
    confirmation = confirmation_resend(order=order, actor=make_user(company=company))
    assert confirmation_deliver(confirmation_id=confirmation.pk) == "sent"
    (message,) = mail.outbox
    assert message.recipients() == ["anna@jansen.example"]
    parsed = message_from_bytes(message.message().as_bytes())
    assert parsed.get_all("Bcc") is None and parsed.get_all("X-Evil") is None
    (from_header,) = parsed.get_all("From")
    assert getaddresses([from_header])[0][1] == "salesdesk@localhost"
    assert "\n" not in message.from_email and "\r" not in message.from_email
