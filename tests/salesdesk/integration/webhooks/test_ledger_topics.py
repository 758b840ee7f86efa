"""Notices of StockPositions, SalesOrders and GoodsDeliveries start debounced incremental
runs of the feed they concern (spec §9.7): stock, or the sales orders with their deliveries."""

from datetime import timedelta

import pytest
from django_tasks import default_task_backend

from salesdesk.integration.models import SyncRun, WebhookTopicState
from salesdesk.integration.webhooks.notices import webhook_sync_fire
from tests.salesdesk.integration.webhooks.test_webhooks import (
    DUMMY,
    SECRET,
    body,
    company_on,
    post,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.EXACT_WEBHOOK_SECRET = SECRET
    settings.TASKS = DUMMY
    settings.EXACT_WEBHOOK_DEBOUNCE_SECONDS = 10


@pytest.mark.parametrize(
    ("topic", "entity"),
    [("StockPositions", "stock"), ("SalesOrders", "sales-orders"),
     ("GoodsDeliveries", "sales-orders")],
)  # fmt: skip
def test_a_burst_of_notices_runs_its_feed_once(client, topic, entity):
    acme = company_on(100001, "acme")
    other = company_on(100002, "other")
    for n in range(20):
        post(client, "acme", body(topic=topic, key=f"00000000-0000-4000-8000-{n:012d}"))
    armed = [r for r in default_task_backend.results if r.task.name == "webhook_sync"]
    assert [r.kwargs["topic"] for r in armed] == [topic]

    state = WebhookTopicState.objects.get(company=acme, topic=topic)
    run = webhook_sync_fire(company=acme, topic=topic, now=state.last_notice_at + timedelta(1))

    assert run is not None and run.entity == entity and run.company == acme
    assert run.trigger == SyncRun.Trigger.WEBHOOK
    assert not SyncRun.objects.filter(company=other).exists()


def test_deliveries_and_orders_share_one_run_of_the_sales_orders(client):
    acme = company_on(100001, "acme")
    company_on(100002, "other")
    post(client, "acme", body(topic="SalesOrders", key="00000000-0000-4000-8000-000000000001"))
    post(client, "acme", body(topic="GoodsDeliveries", key="00000000-0000-4000-8000-000000000002"))
    later = WebhookTopicState.objects.filter(company=acme).latest("last_notice_at")
    moment = later.last_notice_at + timedelta(minutes=1)

    first = webhook_sync_fire(company=acme, topic="SalesOrders", now=moment)
    second = webhook_sync_fire(company=acme, topic="GoodsDeliveries", now=moment)

    assert first == second  # the run already queued covers the deliveries too
    assert SyncRun.objects.filter(company=acme, entity="sales-orders").count() == 1
