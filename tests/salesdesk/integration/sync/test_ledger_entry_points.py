"""The new feeds from every entry point: the Synchronize rows (click, counts, history), the
`sync` command with its progress, and the open items' own schedule."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from salesdesk.catalog.stock_models import StockPosition
from salesdesk.customers.contact_models import Contact
from salesdesk.integration.models import ExactConnection, SyncRun
from salesdesk.integration.sync.open_items_schedule import open_items_tick
from salesdesk.integration.sync.schedule import schedule_set
from tests.salesdesk.factories import make_company
from tests.salesdesk.integration.sync.ledger_support import LEDGER_ENTITIES
from tests.salesdesk.integration.sync.sync_support import connected_company, division_of
from tests.salesdesk.integration.sync.test_sync_views import DUMMY, IMMEDIATE, _admin

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = [
    ("stock", "Stored stock positions", "Synchronize stock positions"),
    ("sales-orders", "Stored sales orders", "Synchronize sales orders"),
    ("invoices", "Stored invoices", "Synchronize invoices"),
    ("receivables", "Stored open items", "Synchronize open items"),
    ("addresses", "Stored addresses", "Synchronize addresses"),
    ("contacts", "Stored contacts", "Synchronize contacts"),
]


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # the views and the command build their client on the wall clock


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=30, customers=15, history_months=3)


def test_the_section_keeps_its_rows_and_adds_one_per_feed(client):
    company = make_company()
    _admin(client, company)
    html = client.get(f"/{company.slug}/settings/synchronize").content.decode()

    order = ["Stored items", "Stored customers", "Stored price lists"] + [r[1] for r in ROWS]
    assert [html.index(label) for label in order] == sorted(html.index(lab) for lab in order)
    for entity, label, action in ROWS:
        assert f'id="sync-{entity}"' in html and f'aria-label="{action}"' in html
        assert f"/settings/synchronize/{entity}" in html


@override_settings(TASKS=IMMEDIATE)
def test_a_click_on_a_row_runs_its_feed_and_shows_count_and_history(
    client, live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    _admin(client, company)

    client.post(f"/{company.slug}/settings/synchronize/contacts", HTTP_HX_REQUEST="true")

    run = SyncRun.objects.get(company=company, entity="contacts")
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    stored = Contact.objects.filter(company=company, active=True).count()
    assert stored == len(division_of(sandbox_state).contacts)
    html = client.get(f"/{company.slug}/settings/synchronize").content.decode()
    row = html[html.index('id="sync-contacts"') :]
    assert f'data-count="{stored}"' in row[: row.index("</div>")]
    assert "Last synchronized" in row[: row.index("</div>")]
    history = client.get(f"/{company.slug}/settings/sync-runs").content.decode()
    assert "Contacts" in history
    assert not SyncRun.objects.filter(company=other).exists()


def test_the_command_syncs_one_feed_with_its_progress(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    out = StringIO()
    call_command("sync", company.slug, "--entity", "items", stdout=out)
    call_command("sync", company.slug, "--entity", "stock", stdout=out, stderr=StringIO())

    positions = len(division_of(sandbox_state).stock_positions)
    assert f"stock: succeeded; created {positions + 3}, updated 0" in out.getvalue()
    assert StockPosition.objects.filter(company=company).count() == positions
    assert not StockPosition.objects.filter(company=other).exists()


def test_the_command_syncs_everything_by_default(live_sandbox, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    out = StringIO()
    call_command("sync", company.slug, stdout=out, stderr=StringIO())
    for entity in ("items", "customers", "prices", *LEDGER_ENTITIES):
        assert f"{entity}: succeeded" in out.getvalue()


@override_settings(TASKS=DUMMY, EXACT_OPEN_ITEMS_MINUTES=60)
def test_open_items_are_read_on_their_own_schedule():
    due, paused, unconnected = make_company(), make_company(), make_company()
    for company in (due, paused):
        ExactConnection.objects.create(company=company, state=ExactConnection.State.CONNECTED)
    schedule_set(company=paused, interval_minutes=60, enabled=False)

    started = open_items_tick()
    assert [(r.company_id, r.entity, r.trigger) for r in started] == [
        (due.pk, "receivables", SyncRun.Trigger.SCHEDULE)
    ]
    assert open_items_tick() == []  # it ran within the hour (here: it is still queued)
    SyncRun.objects.filter(pk=started[0].pk).update(
        status=SyncRun.Status.SUCCEEDED, queued_at=timezone.now() - timedelta(minutes=61)
    )
    assert [r.company_id for r in open_items_tick()] == [due.pk]
    assert not SyncRun.objects.filter(company=unconnected).exists()
