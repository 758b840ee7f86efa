"""Stock, sales history, open items, addresses and contacts synced from the sandbox: the
first run (1,000 rows a call), incremental runs with changes and deletions, two companies."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from exact_sandbox.config import SandboxConfig
from salesdesk.catalog.models import Item
from salesdesk.catalog.stock_models import StockPosition, Warehouse
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.history.models import (
    GoodsDelivery,
    GoodsDeliveryLine,
    OpenItem,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
)
from tests.salesdesk.integration.sync.ledger_support import (
    LEDGER_ENTITIES,
    SYNC_TABLES,
    calls_by_path,
    control,
    pages,
    sync_all,
)
from tests.salesdesk.integration.sync.sync_support import connected_company, division_of, run_sync

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    # 350 items x 3 warehouses: the stock feed takes two pages of 1,000.
    return SandboxConfig(items=350, customers=40, history_months=6)


def _ids(model, company, **filters) -> set[uuid.UUID]:
    rows = model.objects.filter(company=company, **filters)
    return set(rows.values_list("exact_id", flat=True))


def _uuids(keys) -> set[uuid.UUID]:
    return {uuid.UUID(str(key)) for key in keys}


def test_first_run_stores_every_record_of_every_feed(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "customers", *LEDGER_ENTITIES))

    division = division_of(sandbox_state)
    assert _ids(Warehouse, company) == _uuids(division.warehouses.rows)
    assert _ids(StockPosition, company) == _uuids(division.stock_positions.rows)
    assert _ids(SalesOrder, company) == _uuids(division.sales_orders.rows)
    assert _ids(SalesOrderLine, company) == _uuids(division.sales_order_lines.rows)
    assert _ids(GoodsDelivery, company) == _uuids(division.goods_deliveries.rows)
    assert _ids(GoodsDeliveryLine, company) == _uuids(division.goods_delivery_lines.rows)
    assert _ids(SalesInvoice, company) == _uuids(division.sales_invoices.rows)
    assert _ids(SalesInvoiceLine, company) == _uuids(division.sales_invoice_lines.rows)
    assert _ids(Address, company) == _uuids(division.addresses.rows)
    assert _ids(Contact, company) == _uuids(division.contacts.rows)
    unpaid = [row for row in division.receivables.rows.values() if not row["IsFullyPaid"]]
    assert unpaid and OpenItem.objects.filter(company=company).count() == len(unpaid)
    # The other company synchronized nothing: it holds nothing.
    for model in (StockPosition, SalesOrder, SalesInvoice, OpenItem, Address, Contact):
        assert not model.objects.filter(company=other).exists()


def test_first_run_maps_the_fields_the_pages_show(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "customers", *LEDGER_ENTITIES))
    division = division_of(sandbox_state)

    key, row = next(iter(division.stock_positions.rows.items()))
    position = StockPosition.objects.get(company=company, exact_id=uuid.UUID(key))
    assert position.item_exact_id == uuid.UUID(row["ItemId"])
    assert position.free == Decimal(repr(row["FreeStock"]))
    assert position.warehouse_code == row["WarehouseCode"].strip()
    item = Item.objects.get(company=company, exact_id=position.item_exact_id)
    free = sum(
        Decimal(repr(r["FreeStock"]))
        for r in division.stock_positions.rows.values()
        if r["ItemId"] == row["ItemId"]
    )
    assert item.free_stock == free

    key, row = next(iter(division.sales_order_lines.rows.items()))
    line = SalesOrderLine.objects.get(company=company, exact_id=uuid.UUID(key))
    assert line.order_exact_id == uuid.UUID(row["OrderID"])
    assert line.quantity_delivered == Decimal(repr(row["QuantityDelivered"]))
    assert line.delivery_status == row["DeliveryStatus"]

    key, row = next(iter(division.sales_invoices.rows.items()))
    invoice = SalesInvoice.objects.get(company=company, exact_id=uuid.UUID(key))
    assert invoice.number == row["InvoiceNumber"]
    assert invoice.customer_exact_id == uuid.UUID(row["OrderedBy"])

    limited = [a for a in division.accounts.rows.values() if a.get("CreditLineSales")]
    assert limited
    customer = Customer.objects.get(company=company, exact_id=uuid.UUID(limited[0]["ID"]))
    assert customer.credit_limit == Decimal(repr(limited[0]["CreditLineSales"]))


def test_first_run_costs_one_call_per_1000_rows_per_endpoint_plus_a_few(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "customers"))
    before = calls_by_path(sandbox_state)
    runs = sync_all(company, sandbox_clock)
    after = calls_by_path(sandbox_state)

    division = division_of(sandbox_state)
    used = {path: after.get(path, 0) - before.get(path, 0) for path in after}
    for path, table in SYNC_TABLES.items():
        assert used[path] == pages(len(getattr(division, table))), path
    assert used["sync/Inventory/StockPositions"] == 2
    # The invoice feed: its header rows and line rows, 1,000 a page together.
    invoice_rows = len(division.sales_invoices) + len(division.sales_invoice_lines)
    assert used["sync/SalesInvoice/SalesInvoices"] == pages(invoice_rows)
    assert used["read/financial/ReceivablesList"] == 1
    assert used["inventory/Warehouses"] == 1
    # Per entity: its sync pages, one count per endpoint, one read of sync/Deleted.
    assert runs["stock"].calls == 2 + 1 + 1 + 1
    assert runs["receivables"].calls == 1
    feeds = pages(invoice_rows) + 2 + 1
    assert runs["invoices"].calls == feeds
    assert runs["stock"].total == runs["stock"].done == len(division.stock_positions) + 3


def test_incremental_run_reads_changes_and_deletions_only(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    entities = ("items", "customers", *LEDGER_ENTITIES)
    sync_all(company, sandbox_clock, entities)
    sync_all(other, sandbox_clock, entities)
    division = division_of(sandbox_state)
    item = next(iter(division.items.rows.values()))
    moved = control(live_sandbox, "stock", item_code=item["Code"], warehouse_code="1",
                    current=77, reserved=5)  # fmt: skip
    address = next(iter(division.addresses.rows))
    contact = next(iter(division.contacts.rows))
    invoice = next(iter(division.sales_invoices.rows))
    control(live_sandbox, "delete", kind="address", key=address)
    control(live_sandbox, "delete", kind="contact", key=contact)
    control(live_sandbox, "delete", kind="invoice", key=invoice)
    before = sum(calls_by_path(sandbox_state).values())

    runs = sync_all(company, sandbox_clock, ("stock", "invoices", "addresses", "contacts"))

    position = StockPosition.objects.get(company=company, exact_id=uuid.UUID(moved["ID"]))
    assert (position.current, position.reserved) == (Decimal(77), Decimal(5))
    assert position.free == Decimal(repr(moved["FreeStock"]))
    # The warehouses, read whole, and the one position that moved.
    assert runs["stock"].updated == len(division.warehouses) + 1
    assert runs["stock"].created == 0
    assert not Address.objects.get(company=company, exact_id=uuid.UUID(address)).active
    assert not Contact.objects.get(company=company, exact_id=uuid.UUID(contact)).active
    assert not SalesInvoice.objects.get(company=company, exact_id=uuid.UUID(invoice)).active
    lines = SalesInvoiceLine.objects.filter(company=company, invoice_exact_id=uuid.UUID(invoice))
    assert lines.exists() and not lines.filter(active=True).exists()
    # The first run's read of sync/Deleted (stock's) applied every type; the later runs read
    # it again (each alone) and found nothing new.
    assert runs["stock"].deactivated >= 3
    assert runs["addresses"].deactivated == runs["contacts"].deactivated == 0
    # One call per feed: warehouses, positions, deletions; invoices and deletions; ...
    assert sum(calls_by_path(sandbox_state).values()) - before == 3 + 2 + 2 + 2
    # The other company has not synchronized since: it still has everything as it was.
    assert Address.objects.get(company=other, exact_id=uuid.UUID(address)).active
    kept = StockPosition.objects.get(company=other, exact_id=uuid.UUID(moved["ID"]))
    assert kept.current != Decimal(77)


def test_a_payment_closes_the_open_item_on_the_next_read(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "receivables", sandbox_clock)
    run_sync(other, "receivables", sandbox_clock)
    open_item = OpenItem.objects.filter(company=company).order_by("invoice_number").first()

    control(live_sandbox, "pay", invoice_number=open_item.invoice_number)
    run = run_sync(company, "receivables", sandbox_clock)

    assert run.deactivated == 1 and run.calls == 1
    open_item.refresh_from_db()
    assert not open_item.active
    still = OpenItem.objects.get(company=other, exact_id=open_item.exact_id)
    assert still.active


def test_stock_positions_deleted_in_exact_no_longer_count(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "stock"))
    key, row = next(iter(division_of(sandbox_state).stock_positions.rows.items()))
    item = Item.objects.get(company=company, exact_id=uuid.UUID(row["ItemId"]))
    free_before = item.free_stock

    control(live_sandbox, "delete", kind="stock_position", key=key)
    run = run_sync(company, "stock", sandbox_clock)

    assert run.deactivated == 1
    assert not StockPosition.objects.get(company=company, exact_id=uuid.UUID(key)).active
    item.refresh_from_db()
    assert item.free_stock == free_before - Decimal(repr(row["FreeStock"]))
    assert not StockPosition.objects.filter(company=other).exists()


def test_a_full_run_reads_every_record_again(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "addresses", sandbox_clock)
    quiet = run_sync(company, "addresses", sandbox_clock)
    assert (quiet.created, quiet.updated, quiet.calls) == (0, 0, 2)  # nothing new: two calls

    full = run_sync(company, "addresses", sandbox_clock, full=True)

    addresses = len(division_of(sandbox_state).addresses)
    assert (full.created, full.updated) == (0, addresses)
    assert full.calls == pages(addresses) + 1 + 1  # the pages, the count, the deletions
    assert not Address.objects.filter(company=other).exists()
