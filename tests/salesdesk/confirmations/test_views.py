"""The settings page, and the order page's Confirmations part, resend and PDF."""

from __future__ import annotations

import sys

import pytest
from django.core import mail
from django.test import Client, override_settings

from salesdesk.confirmations.models import Confirmation, ConfirmationSettings
from tests.salesdesk.confirmations.factories import (
    IMMEDIATE_TASKS,
    LOCMEM_EMAIL,
    confirmations_on,
    order_with_contact,
)
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("mail_and_tasks"),
]


@pytest.fixture
def mail_and_tasks():
    with override_settings(TASKS=IMMEDIATE_TASKS, EMAIL_BACKEND=LOCMEM_EMAIL):
        yield


@pytest.fixture
def two():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    confirmations_on(acme, sender_name="Acme Sales")
    confirmations_on(globex, sender_name="Globex")
    return acme, globex


def browser(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict | None = None):
    """A form post as the page makes it: with the CSRF token of the page's cookie."""
    client.get("/acme/orders/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    return client.post(url, data or {}, HTTP_X_CSRFTOKEN=token)


def test_admins_set_confirmations_per_company(two):
    acme, globex = two
    admin = browser(make_user(company=acme))
    page = admin.get("/acme/settings/confirmations").content.decode()
    for label in ["Order confirmations", "Send confirmations", "Sender name", "Text in the e-mail"]:
        assert label in page
    response = post(
        admin, "/acme/settings/confirmations", {"sender_name": "Acme Orders", "text": "Hi!"}
    )
    assert response.status_code == 302
    saved = ConfirmationSettings.objects.get(company=acme)
    assert (saved.enabled, saved.sender_name, saved.text) == (False, "Acme Orders", "Hi!")
    theirs = ConfirmationSettings.objects.get(company=globex)
    assert (theirs.enabled, theirs.sender_name) == (True, "Globex")
    assert admin.get("/globex/settings/confirmations").status_code == 404


def test_a_bad_sender_name_is_refused_and_loses_nothing(two):
    acme, _ = two
    admin = browser(make_user(company=acme))
    data = {"enabled": "on", "sender_name": "A\r\nBcc: x@evil.test", "text": "Kept"}
    response = post(admin, "/acme/settings/confirmations", data)
    assert response.status_code == 400
    assert "The sender name must be one line of text." in response.content.decode()
    assert ConfirmationSettings.objects.get(company=acme).sender_name == "Acme Sales"


def test_only_admins_open_the_settings(two):
    acme, _ = two
    for role in ("user", "rep"):
        assert (
            browser(make_user(company=acme, role=role))
            .get("/acme/settings/confirmations")
            .status_code
            == 404
        )


def test_the_order_page_lists_confirmations_and_resends_one(
    two, django_capture_on_commit_callbacks
):
    acme, globex = two
    admin = make_user(company=acme)
    order = order_with_contact(acme)
    theirs = order_with_contact(globex)
    client = browser(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, f"/acme/orders/{order.number}/confirmations/resend")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["anna@jansen.example"]]
    page = client.get(f"/acme/orders/{order.number}/").content.decode()
    part = page[page.index('id="confirmations"') :]
    assert "anna@jansen.example" in part and "Sent" in part and "Sent again by hand" in part
    assert f"/acme/orders/{order.number}/confirmation.pdf" in part
    assert "Resend confirmation" in part
    with django_capture_on_commit_callbacks(execute=True):
        post(client, f"/acme/orders/{order.number}/confirmations/resend")
    assert len(mail.outbox) == 2
    assert Confirmation.objects.filter(order=order).count() == 2
    # Another company's order: not found, nothing recorded or mailed for it.
    assert post(client, f"/acme/orders/{theirs.number}/confirmations/resend").status_code == 404
    assert post(client, f"/globex/orders/{theirs.number}/confirmations/resend").status_code == 404
    assert client.get(f"/globex/orders/{theirs.number}/confirmation.pdf").status_code == 404
    assert not Confirmation.objects.filter(company=globex).exists()


def test_a_resend_needs_the_csrf_token(two):
    acme, _ = two
    order = order_with_contact(acme)
    response = browser(make_user(company=acme)).post(
        f"/acme/orders/{order.number}/confirmations/resend"
    )
    assert response.status_code == 403
    assert not Confirmation.objects.exists()


def test_reps_resend_only_for_orders_they_see(two, django_capture_on_commit_callbacks):
    acme, _ = two
    rob, rita = make_user(company=acme, role="rep"), make_user(company=acme, role="rep")
    robs = order_with_contact(acme)
    robs.created_by = rob
    robs.save(update_fields=["created_by"])
    ritas = order_with_contact(acme)
    ritas.created_by = rita
    ritas.save(update_fields=["created_by"])
    client = browser(rob)
    assert post(client, f"/acme/orders/{ritas.number}/confirmations/resend").status_code == 404
    assert client.get(f"/acme/orders/{ritas.number}/confirmation.pdf").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, f"/acme/orders/{robs.number}/confirmations/resend").status_code == 302
    assert Confirmation.objects.get().order_id == robs.pk
    assert len(mail.outbox) == 1
    # A back-office user sees the order but does not mail customers.
    office = browser(make_user(company=acme, role="user"))
    assert post(office, f"/acme/orders/{robs.number}/confirmations/resend").status_code == 404
    assert "Resend confirmation" not in office.get(f"/acme/orders/{robs.number}/").content.decode()


def test_no_resend_before_exact_has_the_order_or_while_confirmations_are_off(two):
    acme, _ = two
    client = browser(make_user(company=acme))
    draft = make_order(company=acme)
    assert "Confirmations" not in client.get(f"/acme/orders/{draft.number}/").content.decode()
    response = post(client, f"/acme/orders/{draft.number}/confirmations/resend")
    assert response.status_code == 302
    assert "This order is not in Exact Online yet." in client.get(response.url).content.decode()
    assert client.get(f"/acme/orders/{draft.number}/confirmation.pdf").status_code == 404
    ConfirmationSettings.objects.filter(company=acme).update(enabled=False)
    order = order_with_contact(acme)
    post(client, f"/acme/orders/{order.number}/confirmations/resend")
    page = client.get(f"/acme/orders/{order.number}/").content.decode()
    assert "an administrator turns them on in Settings." in page  # the refusal
    assert "Settings › Order confirmations" in page and "Resend confirmation" not in page
    assert not Confirmation.objects.exists() and mail.outbox == []


def test_the_pdf_opens_from_the_order_page(two):
    acme, _ = two
    order = order_with_contact(acme)
    response = browser(make_user(company=acme, role="user")).get(
        f"/acme/orders/{order.number}/confirmation.pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert 'filename="order-confirmation-4711.pdf"' in response["Content-Disposition"]


def test_without_weasyprint_the_order_page_works_and_the_pdf_says_why(two, monkeypatch):
    acme, _ = two
    order = order_with_contact(acme)
    client = browser(make_user(company=acme))
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as where it cannot be imported
    assert client.get(f"/acme/orders/{order.number}/").status_code == 200
    response = client.get(f"/acme/orders/{order.number}/confirmation.pdf")
    assert response.status_code == 503
    assert "cannot make PDFs" in response.content.decode()
