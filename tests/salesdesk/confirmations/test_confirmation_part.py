"""The order page's Confirmations part follows a mail on its way: it polls while one waits
to be sent and stops once it is sent (the page around it is drawn only once)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from salesdesk.confirmations.models import Confirmation
from tests.salesdesk.confirmations.factories import confirmations_on, mark_in_exact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db
POLL = 'hx-trigger="every 2s"'


@pytest.fixture
def orders():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    confirmations_on(acme)
    confirmations_on(globex)
    ours, theirs = (mark_in_exact(make_order(company=c)) for c in (acme, globex))
    for order in (ours, theirs):
        Confirmation.objects.create(
            company=order.company, order=order, document="order", trigger="auto", to="a@b.nl"
        )
    client = Client()
    client.force_login(make_user(company=acme))
    return client, ours, theirs


def test_the_part_polls_while_the_mail_waits_and_stops_once_sent(orders):
    client, ours, _ = orders
    part = f"/acme/orders/{ours.number}/confirmations"
    page = client.get(f"/acme/orders/{ours.number}/").content.decode()
    assert f'hx-get="{part}"' in page and POLL in page
    waiting = client.get(part)
    assert waiting.status_code == 200
    assert "Waiting to be sent" in waiting.content.decode() and POLL in waiting.content.decode()

    Confirmation.objects.filter(order=ours).update(status=Confirmation.Status.SENT)
    sent = client.get(part).content.decode()
    assert 'id="confirmations"' in sent and "Sent" in sent and POLL not in sent
    assert "View the confirmation (PDF)" in sent


def test_another_companys_order_part_is_not_found(orders):
    client, _, theirs = orders
    assert client.get(f"/globex/orders/{theirs.number}/confirmations").status_code == 404
    assert client.get(f"/acme/orders/{theirs.number}/confirmations").status_code == 404


STATES = {
    "pending": ["Waiting to be sent"],
    "sending": ["Sending"],
    "retrying": [
        "Waiting to retry at 2026-12-06 10:01 (attempt 1 failed): the mail server did not "
        "answer in time"
    ],
    "sent": ["Sent"],
    "failed": ["Failed: Order confirmation not mailed: the mail server refused the recipient"],
    "skipped": ["Not sent"],
    "unknown": [
        "<strong>Not known whether mailed</strong>: its sending did not finish",
        "may or may not have reached the customer. Check with them before you resend it.",
    ],
}
ERRORS = {
    "retrying": "the mail server did not answer in time",
    "failed": "Order confirmation not mailed: the mail server refused the recipient",
    "unknown": "its sending did not finish by 2026-12-06 10:10 CET, so it may or may not "
    "have been mailed; check with the customer and resend by hand if needed",
}


@pytest.mark.parametrize("status", list(STATES))
def test_the_part_shows_each_state_and_keeps_the_resend_button(orders, status):
    client, ours, theirs = orders
    when = datetime(2026, 12, 6, 9, 1, tzinfo=UTC)
    Confirmation.objects.filter(order=ours).update(
        status=status, attempts=1, available_at=when, error=ERRORS.get(status, "")
    )
    Confirmation.objects.filter(order=theirs).update(status="unknown", error="theirs")
    page = client.get(f"/acme/orders/{ours.number}/").content.decode()
    for text in STATES[status]:
        assert text in page
    assert "Resend confirmation" in page and "theirs" not in page
    # Only a mail about to go is followed; a retry an hour away is not polled for.
    assert (POLL in page) == (status in ("pending", "sending"))
    warned = "may or may not have reached the customer" in page
    assert warned == (status == "unknown")
