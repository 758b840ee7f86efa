"""Webhooks at scale: the sandbox posts to Salesdesk behind gunicorn (`salesdesk serve`), RQ
runs the debounced sync."""

from __future__ import annotations

import pytest

from exact_sandbox.config import DEMO_WEBHOOK_SECRET
from exact_sandbox.data.mutate import mutate
from exact_sandbox.server import serve_in_thread
from exact_sandbox.webhooks.hub import hub_for
from salesdesk.integration.models import SyncRun, WebhookNotice
from salesdesk.integration.sync.services import sync_execute
from salesdesk.integration.webhooks.subscriptions import webhook_subscribe
from tests.scale.support import Workers, connect_companies, scale_state, wait_for
from tests.scale.web import GunicornWeb

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox():
    state = scale_state(2, items=1500, customers=20, minutely_limit=100_000)
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    yield state, handle
    hub_for(state).close()
    handle.stop()


@pytest.fixture
def web():
    env = {"EXACT_WEBHOOK_SECRET": DEMO_WEBHOOK_SECRET, "EXACT_WEBHOOK_DEBOUNCE_SECONDS": "2"}
    with GunicornWeb(env) as server:
        yield server


def test_500_changes_become_one_sync_run_by_a_worker(sandbox, web, settings):
    settings.PUBLIC_URL = web.url
    settings.EXACT_WEBHOOK_SECRET = DEMO_WEBHOOK_SECRET
    settings.EXACT_WEBHOOK_DEBOUNCE_SECONDS = 2
    state, handle = sandbox
    company, quiet = connect_companies(handle, state)
    first = SyncRun.objects.create(company=company, entity="items")
    assert sync_execute(run=first).status == SyncRun.Status.SUCCEEDED
    webhook_subscribe(company=company)
    code = sorted(state.divisions)[0]

    with Workers(2, "default"):
        changed = mutate(state.divisions[code], clock=state.clock, changed_items=500)
        assert wait_for(
            lambda: WebhookNotice.objects.filter(company=company).count() == 500, timeout=60
        )
        assert wait_for(lambda: _webhook_run_done(company), timeout=90)

    runs = list(SyncRun.objects.filter(company=company, entity="items").exclude(pk=first.pk))
    assert 1 <= len(runs) <= 2  # one, or one more if the notices came slower than the debounce
    assert {run.status for run in runs} == {SyncRun.Status.SUCCEEDED}, [r.error for r in runs]
    assert sum(run.updated for run in runs) == len(changed["ids"]["changed_items"]) == 500
    assert sum(run.calls for run in runs) <= 8  # not 500 GETs
    assert not SyncRun.objects.filter(company=quiet).exists()
    assert not WebhookNotice.objects.filter(company=quiet).exists()


def _webhook_run_done(company) -> bool:
    runs = SyncRun.objects.filter(company=company, entity="items")
    return runs.count() >= 2 and not runs.filter(status__in=SyncRun.ACTIVE).exists()
