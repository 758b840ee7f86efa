"""Without EXACT_WEBHOOK_SECRET there is no public default: the webhook endpoint is off."""

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from exact_sandbox.config import DEMO_WEBHOOK_SECRET
from exact_sandbox.webhooks.signing import notice_content, signed_body
from salesdesk.integration.models import ExactConnection, WebhookNotice
from tests.salesdesk.factories import fast_passwords, make_company, make_user  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture(autouse=True)
def no_secret(settings):
    settings.EXACT_WEBHOOK_SECRET = ""


def connected(slug: str):
    company = make_company(slug=slug)
    ExactConnection.objects.create(
        company=company, state=ExactConnection.State.CONNECTED, division=100001
    )
    return company


def notice_signed_with(secret: str) -> bytes:
    content = notice_content(
        topic="Items", client_id="0f0e0d0c-1111-2222-3333-444455556666", division=100001,
        action="Update", key="9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff",
        base_url="https://start.exactonline.nl", now=1772442000.0,
    )  # fmt: skip
    return signed_body(content, secret)


def test_the_settings_default_is_no_secret():
    from salesdesk import settings as defaults

    assert defaults.EXACT_WEBHOOK_SECRET != DEMO_WEBHOOK_SECRET


@pytest.mark.parametrize("secret", ["", DEMO_WEBHOOK_SECRET])
def test_the_endpoint_is_off_and_stores_nothing(secret):
    connected("acme")
    client = Client()
    for body in (b"", notice_signed_with(secret)):
        response = client.post("/exact/webhooks/acme", data=body, content_type="application/json")
        assert response.status_code == 404
    assert not WebhookNotice.objects.exists()


def test_the_endpoint_is_on_with_a_secret(settings):
    settings.EXACT_WEBHOOK_SECRET = "operator-secret"
    connected("acme")
    response = Client().post(
        "/exact/webhooks/acme",
        data=notice_signed_with("operator-secret"),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert WebhookNotice.objects.count() == 1


def test_the_panel_says_webhooks_are_off_and_offers_no_subscription():
    company = connected("acme")
    request = RequestFactory().get("/")
    request.company = company
    panel = Template("{% load exact_webhooks %}{% exact_webhooks_panel %}").render(
        Context({"request": request, "csrf_token": "t"})
    )
    assert "Webhooks are off" in panel and "EXACT_WEBHOOK_SECRET" in panel
    assert "Subscribe to webhooks" not in panel


def test_subscribing_is_refused_with_the_reason():
    company = connected("acme")
    client = Client()
    client.force_login(make_user(company=company))
    response = client.post("/acme/settings/connector/webhooks", follow=True)
    assert "Webhooks are off" in response.content.decode()
