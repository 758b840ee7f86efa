"""The public webhook endpoint: validation POST, HashCode checks, repeats, debounce (§4.10)."""

import hashlib
import hmac

import pytest
from django_tasks import default_task_backend

from exact_sandbox.webhooks.signing import notice_content, signed_body
from salesdesk.integration.models import (
    ExactConnection,
    WebhookNotice,
    WebhookTopicState,
)
from tests.salesdesk.factories import make_company

SECRET = "test-webhook-secret"
DUMMY = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "pictures"],
    }
}
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.EXACT_WEBHOOK_SECRET = SECRET
    settings.TASKS = DUMMY


def company_on(division: int, slug: str):
    company = make_company(slug=slug)
    ExactConnection.objects.create(
        company=company, state=ExactConnection.State.CONNECTED, division=division
    )
    return company


def body(*, key="9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff", topic="Items", division=100001,
         action="Update", now=1772442000.0, secret=SECRET) -> bytes:  # fmt: skip
    content = notice_content(
        topic=topic, client_id="0f0e0d0c-1111-2222-3333-444455556666", division=division,
        action=action, key=key, base_url="https://start.exactonline.nl", now=now,
    )  # fmt: skip
    return signed_body(content, secret)


def post(client, slug: str, data: bytes):
    return client.post(f"/exact/webhooks/{slug}", data=data, content_type="application/json")


def enqueued() -> list:
    return [r for r in default_task_backend.results if r.task.name == "webhook_sync"]


def test_the_empty_validation_post_gets_a_200(client):
    company_on(100001, "acme")
    assert post(client, "acme", b"").status_code == 200
    assert client.get("/exact/webhooks/acme").status_code == 405
    assert post(client, "nobody", b"").status_code == 404


def test_a_valid_notice_is_stored_and_arms_one_sync(client):
    acme = company_on(100001, "acme")
    other = company_on(100002, "other")

    response = post(client, "acme", body())

    assert response.status_code == 200 and response.content == b"stored"
    notice = WebhookNotice.objects.get()
    assert (notice.company, notice.topic, notice.action) == (acme, "Items", "Update")
    assert notice.key == "9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff"
    state = WebhookTopicState.objects.get(company=acme, topic="Items")
    assert state.notices == 1 and state.sync_due_at is not None
    assert not WebhookTopicState.objects.filter(company=other).exists()


@pytest.mark.django_db(transaction=True)
def test_the_sync_task_is_enqueued_after_commit_for_later(client):
    company_on(100001, "acme")
    post(client, "acme", body())
    [result] = enqueued()
    assert result.task.run_after is not None
    assert result.kwargs == {"company_id": WebhookNotice.objects.get().company_id, "topic": "Items"}


@pytest.mark.parametrize(
    "data",
    [
        body(secret="sandbox-demo-secret"),  # the client secret, not the webhook secret
        body().replace(b'"Action":"Update"', b'"Action":"Delete"'),  # content altered
        body()[:-66]
        + hmac.new(SECRET.encode(), b"x", hashlib.sha256).hexdigest().upper().encode()
        + b'"}',  # another message's hash
    ],
    ids=["client-secret", "tampered", "wrong-hash"],
)
def test_a_wrong_hashcode_is_refused_and_stores_nothing(client, data):
    company_on(100001, "acme")
    assert post(client, "acme", data).status_code == 401
    assert not WebhookNotice.objects.exists()


def test_lowercase_hex_is_refused_as_exact_signs_in_uppercase(client):
    company_on(100001, "acme")
    good = body()
    head, _, hash_part = good.rpartition(b'"HashCode":"')
    lowered = head + b'"HashCode":"' + hash_part.lower()
    assert post(client, "acme", lowered).status_code == 401


def test_a_replayed_notice_is_answered_but_ignored(client):
    company_on(100001, "acme")
    first, second = post(client, "acme", body()), post(client, "acme", body())
    assert (first.content, second.content) == (b"stored", b"repeat")
    assert second.status_code == 200
    assert WebhookNotice.objects.count() == 1
    assert WebhookTopicState.objects.get().notices == 1


@pytest.mark.parametrize(
    "data",
    [
        b"not json at all",
        b'{"Content":{"Topic":"Items"}}',
        b'{"HashCode":"ABC","Content":{}}',
    ],
    ids=["garbage", "no-hashcode", "wrong-order"],
)
def test_malformed_bodies_get_a_400(client, data):
    company_on(100001, "acme")
    assert post(client, "acme", data).status_code == 400


def test_signed_content_without_the_fields_is_malformed(client):
    company_on(100001, "acme")
    content = b'{"Topic":"Items","Division":100001}'
    assert post(client, "acme", signed_body(content, SECRET)).status_code == 400


def test_a_notice_of_another_administration_is_ignored(client):
    company_on(100001, "acme")
    company_on(100002, "other")
    response = post(client, "acme", body(division=100002))
    assert response.status_code == 200
    assert not WebhookNotice.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_notices_arms_one_sync_per_topic(client):
    acme = company_on(100001, "acme")
    company_on(100002, "other")
    for n in range(300):
        post(client, "acme", body(key=f"00000000-0000-4000-8000-{n:012d}"))
    for n in range(50):
        post(client, "acme", body(topic="Accounts", key=f"00000000-0000-4000-9000-{n:012d}"))
    post(client, "acme", body(topic="SalesOrders", key="00000000-0000-4000-a000-000000000001"))

    assert sorted(r.kwargs["topic"] for r in enqueued()) == ["Accounts", "Items", "SalesOrders"]
    assert WebhookNotice.objects.filter(company=acme).count() == 351
    states = {s.topic: s.notices for s in WebhookTopicState.objects.filter(company=acme)}
    assert states == {"Items": 300, "Accounts": 50, "SalesOrders": 1}


def test_the_sync_waits_while_notices_keep_coming_then_runs_once(client, settings):
    from datetime import timedelta

    from salesdesk.integration.models import SyncRun
    from salesdesk.integration.webhooks.notices import webhook_sync_fire

    settings.EXACT_WEBHOOK_DEBOUNCE_SECONDS = 10
    acme = company_on(100001, "acme")
    post(client, "acme", body())
    state = WebhookTopicState.objects.get(company=acme)
    soon = state.last_notice_at + timedelta(seconds=4)

    assert webhook_sync_fire(company=acme, topic="Items", now=soon) is None
    state.refresh_from_db()
    assert state.sync_due_at == state.last_notice_at + timedelta(seconds=10)
    assert not SyncRun.objects.exists()

    run = webhook_sync_fire(company=acme, topic="Items", now=soon + timedelta(seconds=7))
    assert run is not None and run.entity == "items" and run.company == acme
    assert run.get_trigger_display() == "Exact webhook"  # the history says what started it
    state.refresh_from_db()
    assert state.sync_due_at is None and state.armed_at is None


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_body_ending_with_a_newline_is_verified_like_exacts_samples(client, ending):
    company_on(100001, "acme")

    response = post(client, "acme", body() + ending)

    assert (response.status_code, response.content) == (200, b"stored")
    assert WebhookNotice.objects.count() == 1


def test_a_newline_inside_the_signed_content_still_breaks_the_signature(client):
    company_on(100001, "acme")
    head, _, tail = body().partition(b',"HashCode"')
    assert post(client, "acme", head[:-1] + b"\n}" + b',"HashCode"' + tail).status_code == 401
