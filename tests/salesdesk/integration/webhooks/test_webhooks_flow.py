"""Webhooks end to end: subscribe through exact_client, the sandbox delivers into Salesdesk,
a burst of 1,000 notices becomes one incremental sync of a few calls, the panel shows it."""

import httpx
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.template import Context, Template
from django.test import RequestFactory
from django_tasks import default_task_backend

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import DEMO_WEBHOOK_SECRET, SandboxConfig
from exact_sandbox.data.mutate import mutate
from exact_sandbox.webhooks.hub import hub_for
from salesdesk.integration.models import SyncRun, WebhookNotice, WebhookSubscription
from salesdesk.integration.sync.services import sync_execute
from salesdesk.integration.webhooks.subscriptions import (
    webhook_subscribe,
    webhook_unsubscribe,
)
from salesdesk.integration.webhooks.tasks import webhook_sync
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import client_for, connected_company, run_sync
from tests.salesdesk.integration.webhooks.test_webhooks import DUMMY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: exact_client_for builds clients on the wall clock


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=1200, customers=50, minutely_limit=100_000)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.EXACT_WEBHOOK_SECRET = DEMO_WEBHOOK_SECRET
    settings.TASKS = DUMMY
    settings.EXACT_WEBHOOK_DEBOUNCE_SECONDS = 0  # the test runs the task itself, at once


@pytest.fixture
def hub(sandbox_state):
    django_app = httpx.Client(transport=httpx.WSGITransport(app=WSGIHandler()))
    return hub_for(sandbox_state, auto_deliver=False, http=django_app)


def test_a_burst_of_1000_changes_costs_one_sync_of_a_few_calls(
    live_sandbox, sandbox_state, sandbox_clock, hub
):
    company = connected_company(live_sandbox, sandbox_clock, slug="acme")
    run_sync(company, "items", sandbox_clock)
    outcome = webhook_subscribe(company=company)
    assert sorted(s.topic for s in outcome.subscriptions) == [
        "Accounts", "GoodsDeliveries", "Items", "SalesOrders", "StockPositions"
    ]  # fmt: skip
    validations = hub.flush()
    assert [s.status for s in validations] == [200] * 5
    assert all(s.body == b"" for s in validations)

    changed = mutate(sandbox_state.divisions[100001], clock=sandbox_clock, changed_items=1000)
    deliveries = hub.flush()

    # Each change moves the item's stock too: a StockPositions notice per item as well.
    items = [sent for sent in deliveries if b'"Topic":"Items"' in sent.body]
    assert len(items) == 1000 and {s.status for s in deliveries} == {200}
    assert WebhookNotice.objects.filter(company=company, topic="Items").count() == 1000
    armed = [r for r in default_task_backend.results if r.task.name == "webhook_sync"]
    assert sorted(r.kwargs["topic"] for r in armed) == ["Items", "StockPositions"]
    [armed] = [r for r in armed if r.kwargs["topic"] == "Items"]
    webhook_sync.call(**armed.kwargs)
    run = SyncRun.objects.get(company=company, entity="items", status=SyncRun.Status.QUEUED)
    run = sync_execute(
        run=run, client=client_for(company, sandbox_clock),
        clock=sandbox_clock.now, sleep=sandbox_clock.advance,
    )  # fmt: skip
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert run.updated == len(changed["ids"]["changed_items"]) == 1000
    assert run.calls <= 4  # one page of 1,000 changes, the Deleted feed, not 1,000 GETs


def test_subscribing_again_keeps_the_subscriptions_and_unsubscribing_removes_them(
    live_sandbox, sandbox_state, sandbox_clock, hub
):
    company = connected_company(live_sandbox, sandbox_clock, slug="acme")
    first = {s.exact_id for s in webhook_subscribe(company=company).subscriptions}
    second = {s.exact_id for s in webhook_subscribe(company=company).subscriptions}
    assert first == second and len(first) == 5
    assert len(sandbox_state.divisions[100001].webhook_subscriptions) == 5

    assert webhook_unsubscribe(company=company) == 5
    assert sandbox_state.divisions[100001].webhook_subscriptions == {}
    assert not WebhookSubscription.objects.filter(company=company).exists()


def test_the_connector_panel_shows_subscriptions_and_the_last_notice_of_this_company_only(
    live_sandbox, sandbox_state, sandbox_clock, hub, client
):
    company = connected_company(live_sandbox, sandbox_clock, slug="acme")
    other = make_company(slug="other")
    client.force_login(make_user(company=company))
    assert client.post("/acme/settings/connector/webhooks").status_code == 302
    hub.flush()
    mutate(sandbox_state.divisions[100001], clock=sandbox_clock, changed_customers=2)
    hub.flush()

    mine, theirs = _panel(company), _panel(other)

    assert mine.count("Subscribed since") == 5
    assert "None yet" in mine  # no Items notice yet
    assert ">2</td>" in mine  # two Accounts notices
    assert "Subscribed since" not in theirs and ">2</td>" not in theirs
    assert "/exact/webhooks/other" in theirs
    assert client.post("/other/settings/connector/webhooks").status_code == 404


def _panel(company) -> str:
    request = RequestFactory().get("/")
    request.company = company
    template = Template("{% load exact_webhooks %}{% exact_webhooks_panel %}")
    return template.render(Context({"request": request, "csrf_token": "t"}))
