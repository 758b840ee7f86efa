"""One sync/Deleted read per company serves every entity: deletions of every type, runs alone,
two companies, overlapping runs, full re-runs, and the cursors of before."""

from __future__ import annotations

import importlib
import uuid

import pytest
from django.apps import apps

from exact_sandbox.config import SandboxConfig
from exact_sandbox.data.removals import remove
from salesdesk.catalog.models import Item, ItemPrice, VolumeDiscount
from salesdesk.catalog.stock_models import StockPosition
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.history.models import (
    GoodsDelivery,
    GoodsDeliveryLine,
    SalesInvoice,
    SalesOrder,
    SalesOrderLine,
)
from salesdesk.integration.models import SharedDeletions, SyncCursor
from salesdesk.integration.sync.cursors import cursor_get
from salesdesk.integration.sync.deletions import (
    deletions_lease_release,
    deletions_lease_take,
    deletions_read_done,
)
from salesdesk.integration.sync.services import sync_execute
from salesdesk.orders.models import Order
from tests.salesdesk.integration.sync.sync_support import (
    client_for,
    connected_company,
    delete_accounts,
    division_of,
    run_sync,
)
from tests.salesdesk.integration.sync.tick_support import (
    deleted_reads,
    synced_company,
    tick,
)
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=40, customers=12, history_months=2)


def _gone(state, table: str, entity_type: int) -> uuid.UUID:
    """Delete the first record of `table` in Exact, as Exact's user would (sync/Deleted row)."""
    with state.lock:
        division = division_of(state)
        key = next(iter(getattr(division, table).keys))
        getattr(division, table).delete(key)
        division.record_deletion(key, entity_type, state.clock.now())
    return uuid.UUID(key)


def _removed(state, kind: str, table: str) -> uuid.UUID:
    """Delete through the sandbox's own removal (the side effects Exact has)."""
    with state.lock:
        division = division_of(state)
        key = next(iter(getattr(division, table).keys))
        remove(division, kind, key, state.clock.now())
    return uuid.UUID(key)


def _active(model, company, exact_id: uuid.UUID) -> bool:
    return model.objects.get(company=company, exact_id=exact_id).active


def _quotation_in_exact(company) -> Order:
    order = make_order(company=company, kind=Order.Kind.QUOTATION)
    Order.objects.filter(pk=order.pk).update(
        exact_quotation_id=uuid.uuid4(), exact_quotation_number=1
    )
    order.refresh_from_db()
    return order


def test_one_tick_applies_the_deletions_of_every_entity_type_with_one_read(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    synced_company(other, sandbox_clock)
    quotation = _quotation_in_exact(company)
    theirs = Order.objects.get(pk=_quotation_in_exact(other).pk)
    Order.objects.filter(pk=theirs.pk).update(exact_quotation_id=quotation.exact_quotation_id)
    gone = {
        Item: _gone(sandbox_state, "items", 9),
        Customer: _gone(sandbox_state, "accounts", 2),
        ItemPrice: _gone(sandbox_state, "item_prices", 8),
        VolumeDiscount: _gone(sandbox_state, "volume_discounts", 31),
        SalesOrder: _gone(sandbox_state, "sales_orders", 32),
        SalesOrderLine: _gone(sandbox_state, "sales_order_lines", 33),
        GoodsDelivery: _gone(sandbox_state, "goods_deliveries", 16),
        GoodsDeliveryLine: _gone(sandbox_state, "goods_delivery_lines", 17),
        StockPosition: _removed(sandbox_state, "stock_position", "stock_positions"),
        SalesInvoice: _removed(sandbox_state, "invoice", "sales_invoices"),
        Address: _removed(sandbox_state, "address", "addresses"),
        Contact: _removed(sandbox_state, "contact", "contacts"),
    }
    with sandbox_state.lock:
        division_of(sandbox_state).record_deletion(
            str(quotation.exact_quotation_id), 34, sandbox_clock.now()
        )
    reads = deleted_reads(sandbox_state)

    runs = tick(company, sandbox_clock)

    assert all(not run.error for run in runs), [run.error for run in runs]
    assert deleted_reads(sandbox_state) - reads == 1
    still_active = [model.__name__ for model, key in gone.items() if _active(model, company, key)]
    assert still_active == []
    quotation.refresh_from_db()
    assert quotation.exact_quotation_status_label == "Deleted in Exact Online"
    # The other company (same division, its own cursor) has not run: nothing of it changed.
    assert all(_active(model, other, key) for model, key in gone.items())
    theirs.refresh_from_db()
    assert theirs.exact_quotation_status_label != "Deleted in Exact Online"
    assert cursor_get(company=other, feed="deleted") < cursor_get(company=company, feed="deleted")


def test_a_run_alone_applies_its_deletions(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    tick(company, sandbox_clock)  # a tick read sync/Deleted before the click
    deleted = uuid.UUID(delete_accounts(sandbox_state, 1)[0])
    reads = deleted_reads(sandbox_state)

    run = run_sync(company, "customers", sandbox_clock)  # "Synchronize customers"

    assert not run.error and not _active(Customer, company, deleted)
    # Exact deleted its addresses, contacts and prices with it: the one read applies them all.
    assert run.deactivated > 1
    assert deleted_reads(sandbox_state) - reads == 1


def test_a_run_waits_for_another_workers_read_and_does_not_repeat_it(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    assert deletions_lease_take(company=company, owner="other-worker")
    run, _ = _queued(company, "addresses")
    waits = []

    def other_worker_finishes(seconds: float) -> None:  # the run's sleep while it waits
        waits.append(seconds)
        deletions_read_done(company=company, began_at=run.queued_at)
        deletions_lease_release(company=company, owner="other-worker")

    reads = deleted_reads(sandbox_state)
    done = sync_execute(
        run=run, client=client_for(company, sandbox_clock), clock=sandbox_clock.now,
        sleep=other_worker_finishes,
    )  # fmt: skip

    assert not done.error and len(waits) == 1
    assert deleted_reads(sandbox_state) == reads  # the other worker's read covered it
    assert SharedDeletions.objects.get(company=company).lease_owner == ""


def test_a_deletion_applied_by_another_run_during_this_one_is_applied_again(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    run, _ = _queued(company, "contacts")
    contact: list[uuid.UUID] = []

    def meanwhile(progress) -> None:  # after the run stored its page of contacts
        if contact:
            return
        contact.append(_removed(sandbox_state, "contact", "contacts"))
        run_sync(company, "addresses", sandbox_clock)  # another worker reads the deletion
        assert not _active(Contact, company, contact[0])
        # ... and this run's page, fetched before Exact deleted it, revives it when stored:
        Contact.objects.filter(company=company, exact_id=contact[0]).update(active=True)

    client = client_for(company, sandbox_clock)
    sandbox_state.clock.advance(1)
    Contact.objects.filter(company=company).update(first_name="changed locally")
    with sandbox_state.lock:  # one change in Exact, so that this run stores a page
        division = division_of(sandbox_state)
        key = next(iter(division.contacts.keys))
        division.touch(division.contacts, key, {"Notes": "x"}, sandbox_clock.now())
    done = sync_execute(
        run=run, client=client, clock=sandbox_clock.now, sleep=sandbox_clock.advance,
        on_progress=meanwhile,
    )  # fmt: skip

    assert not done.error and contact
    assert not _active(Contact, company, contact[0])
    assert done.deactivated == 1


def test_a_full_run_reads_every_deletion_again(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    position = _removed(sandbox_state, "stock_position", "stock_positions")
    tick(company, sandbox_clock)
    cursor = cursor_get(company=company, feed="deleted")
    StockPosition.objects.filter(company=company, exact_id=position).update(active=True)

    run = run_sync(company, "stock", sandbox_clock, full=True)

    assert not run.error and not _active(StockPosition, company, position)
    assert cursor_get(company=company, feed="deleted") == cursor  # never moved back


def test_the_shared_cursor_starts_at_the_lowest_entity_cursor():
    from tests.salesdesk.factories import make_company

    company, other = make_company(), make_company()
    for feed, timestamp in (("deleted:items", 900), ("deleted:stock", 300), ("items", 50)):
        SyncCursor.objects.create(company=company, feed=feed, timestamp=timestamp)
    SyncCursor.objects.create(company=other, feed="deleted:quotations", timestamp=700)
    migration = importlib.import_module(
        "salesdesk.integration.migrations.0010_deleted_shared_deletions"
    )

    migration.shared_cursor_from_legacy(apps, None)

    assert cursor_get(company=company, feed="deleted") == 300
    assert cursor_get(company=other, feed="deleted") == 700
    assert not SyncCursor.objects.filter(feed__startswith="deleted:").exists()
    assert cursor_get(company=company, feed="items") == 50


def _queued(company, entity):
    from salesdesk.integration.sync import runs

    return runs.sync_run_start(company=company, entity=entity)


def test_the_lease_is_one_workers_per_company_until_released_or_expired():
    from datetime import timedelta

    from django.utils import timezone

    from tests.salesdesk.factories import make_company

    company, other = make_company(), make_company()
    assert deletions_lease_take(company=company, owner="a")
    assert not deletions_lease_take(company=company, owner="b")
    assert deletions_lease_take(company=other, owner="b")  # each company its own
    deletions_lease_release(company=company, owner="b")  # not b's to release
    assert not deletions_lease_take(company=company, owner="b")
    # a's worker died: once the lease has run out, b takes it, and a late release is void
    past = timezone.now() - timedelta(seconds=1)
    SharedDeletions.objects.filter(company=company).update(lease_until=past)
    assert deletions_lease_take(company=company, owner="b")
    deletions_lease_release(company=company, owner="a")
    assert SharedDeletions.objects.get(company=company).lease_owner == "b"


def test_a_run_that_cannot_get_the_lease_reads_anyway(live_sandbox, sandbox_state, sandbox_clock):
    from salesdesk.integration.sync.deletions import LEASE_WAITS

    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    assert deletions_lease_take(company=company, owner="stuck-worker")
    deleted = _removed(sandbox_state, "address", "addresses")
    run, _ = _queued(company, "addresses")
    waits = []
    reads = deleted_reads(sandbox_state)

    done = sync_execute(
        run=run, client=client_for(company, sandbox_clock), clock=sandbox_clock.now,
        sleep=waits.append,
    )  # fmt: skip

    assert not done.error and len(waits) == LEASE_WAITS
    assert deleted_reads(sandbox_state) - reads == 1  # a second read costs a call, never a deletion
    assert not _active(Address, company, deleted)
    assert SharedDeletions.objects.get(company=company).lease_owner == "stuck-worker"
