"""Sync of each entity against the sandbox: first run, incremental, deletions, two companies."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod, VolumeDiscount
from salesdesk.customers.models import Customer
from salesdesk.integration.models import SyncCursor, SyncRun
from tests.salesdesk.factories import make_company
from tests.salesdesk.integration.sync.sync_support import (
    change_rows,
    connected_company,
    delete_accounts,
    delete_items,
    division_of,
    run_sync,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _uuids(keys) -> set[uuid.UUID]:
    return {uuid.UUID(key) for key in keys}


def _stored(model, company, **filters) -> set[uuid.UUID]:
    rows = model.objects.filter(company=company, **filters)
    return set(rows.values_list("exact_id", flat=True))


def test_first_sync_of_items_stores_every_item_with_its_fields(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = make_company()
    run = run_sync(company, "items", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    division = division_of(sandbox_state)
    assert _stored(Item, company) == _uuids(division.items.rows)
    assert run.created == len(division.items) and run.updated == 0
    assert run.done == run.total == len(division.items)
    assert run.calls <= 4  # one sync page (300 rows) + sync/Deleted + VAT codes
    assert not Item.objects.filter(company=other).exists()

    key, row = next(iter(division.items.rows.items()))
    item = Item.objects.get(company=company, exact_id=uuid.UUID(key))
    assert item.code == row["Code"]
    assert item.description == row["Description"]
    assert item.unit == (row["Unit"] or "").strip()
    assert item.exact_timestamp == row["_ts"]
    # sync/Logistics/Items has no StandardSalesPrice: it comes with the prices (next test).
    assert item.standard_price is None


def test_first_sync_of_customers_keeps_padded_codes_for_matching(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    accounts = division_of(sandbox_state).accounts.rows
    assert _stored(Customer, company) == _uuids(accounts)
    key, row = next(iter(accounts.items()))
    customer = Customer.objects.get(company=company, exact_id=uuid.UUID(key))
    assert customer.code == row["Code"] and len(customer.code) == 18
    assert customer.code_display == row["Code"].strip()
    assert customer.name == row["Name"]
    assert customer.blocked == row["Blocked"]
    # The account manager links a customer to a rep's Exact user (spec §9.4 "Reps").
    managed = {
        uuid.UUID(key): (uuid.UUID(row["AccountManager"]), row["AccountManagerFullName"])
        for key, row in accounts.items()
        if row.get("AccountManager")
    }
    assert managed  # the sandbox gives accounts their account managers (data/seed_crm.py)
    stored = Customer.objects.filter(company=company, account_manager_exact_id__isnull=False)
    assert {
        c.exact_id: (c.account_manager_exact_id, c.account_manager_name) for c in stored
    } == managed


def test_price_lists_and_prices_link_to_items_and_customers(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    for entity in ("items", "customers", "prices"):
        run = run_sync(company, entity, sandbox_clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error

    division = division_of(sandbox_state)
    assert _stored(PriceList, company) == _uuids(division.price_lists.rows)
    assert _stored(PriceListPeriod, company) == _uuids(division.price_list_periods.rows)
    assert _stored(VolumeDiscount, company) == _uuids(division.volume_discounts.rows)
    assert _stored(ItemPrice, company) == _uuids(division.item_prices.rows)
    assert run.skipped == 0

    with_list = [r for r in division.accounts.rows.values() if r.get("PriceList")]
    assert with_list, "the sandbox seeds customers with price lists"
    customer = Customer.objects.get(company=company, exact_id=uuid.UUID(with_list[0]["ID"]))
    assert customer.price_list.exact_id == uuid.UUID(with_list[0]["PriceList"])
    per_customer = [r for r in division.item_prices.rows.values() if r.get("Account")]
    price = ItemPrice.objects.get(company=company, exact_id=uuid.UUID(per_customer[0]["ID"]))
    assert price.customer.exact_id == uuid.UUID(per_customer[0]["Account"])
    assert price.item.exact_id == uuid.UUID(per_customer[0]["Item"])
    key, row = next(iter(division.items.rows.items()))
    item = Item.objects.get(company=company, exact_id=uuid.UUID(key))
    assert item.standard_price == Decimal(repr(row["StandardSalesPrice"]))


def test_incremental_run_fetches_only_changes_and_deactivates_deletions(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    for entity in ("items", "customers", "prices"):
        run_sync(company, entity, sandbox_clock)
    first_cursor = SyncCursor.objects.get(company=company, feed="items").timestamp

    changed = change_rows(sandbox_state, "items", 5, {"Description": "Changed in Exact"})
    deleted = delete_items(sandbox_state, 3, offset=10)
    gone_customers = delete_accounts(sandbox_state, 2)
    items_run = run_sync(company, "items", sandbox_clock)
    customers_run = run_sync(company, "customers", sandbox_clock)
    prices_run = run_sync(company, "prices", sandbox_clock)

    assert (items_run.created, items_run.updated) == (0, 5)
    assert items_run.calls == 3  # one sync page of changes + sync/Deleted + VAT codes
    # The one read of sync/Deleted applies every type: the items, the customers, their prices.
    prices_gone = ItemPrice.objects.filter(company=company, active=False).count()
    gone_discounts = VolumeDiscount.objects.filter(company=company, active=False).count()
    assert prices_gone > 0
    assert items_run.deactivated == 3 + 2 + prices_gone + gone_discounts
    assert customers_run.deactivated == prices_run.deactivated == 0  # read, nothing left
    assert _stored(Item, company, description="Changed in Exact") == _uuids(changed)
    assert _stored(Item, company, active=False) == _uuids(deleted)
    assert _stored(Customer, company, active=False) == _uuids(gone_customers)
    # Deactivated, never deleted: orders may refer to them.
    division = division_of(sandbox_state)
    assert Item.objects.filter(company=company).count() == len(division.items) + 3
    live_prices = _uuids(division.item_prices.rows)
    assert _stored(ItemPrice, company, active=True) == live_prices
    assert SyncCursor.objects.get(company=company, feed="items").timestamp > first_cursor


def test_second_run_without_changes_changes_nothing(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    again = run_sync(company, "items", sandbox_clock)
    assert (again.created, again.updated, again.deactivated, again.done) == (0, 0, 0, 0)
    assert again.calls == 3  # an empty sync page + sync/Deleted + VAT codes


def test_full_run_reads_everything_again_and_deactivates_what_exact_lost(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    # Lost without a sync/Deleted row (e.g. the deletion feed was purged): only a full run sees it.
    with sandbox_state.lock:
        division = division_of(sandbox_state)
        lost = division.items.keys[0]
        division.items.delete(lost)

    full = run_sync(company, "items", sandbox_clock, full=True)
    assert full.status == SyncRun.Status.SUCCEEDED, full.error
    assert full.updated == len(division.items) and full.created == 0
    assert _stored(Item, company, active=False) == {uuid.UUID(lost)}


def test_two_companies_on_one_administration_keep_their_own_rows(
    live_sandbox, sandbox_state, sandbox_clock
):
    first = connected_company(live_sandbox, sandbox_clock)
    second = connected_company(live_sandbox, sandbox_clock)
    run_sync(first, "items", sandbox_clock)
    delete_items(sandbox_state, 1)
    run_sync(second, "items", sandbox_clock)

    assert (
        Item.objects.filter(company=first).count()
        == Item.objects.filter(company=second).count() + 1
    )
    assert not Item.objects.filter(company=first, active=False).exists()
    assert not Item.objects.filter(company=second, active=False).exists()
