"""Sync feeds and sync/Deleted (spec §3.7, §4.7)."""

import pytest

from exact_sandbox.data.mutate import mutate

from .rest_calls import call, error_text, follow, make_state, read_all

ITEMS = "sync/Logistics/Items"
SELECT = "ID,Code,Timestamp"


@pytest.fixture
def state():
    return make_state(items=1500, customers=40)


def timestamps(rows):
    return [int(row["Timestamp"]) for row in rows]


def test_sync_pages_by_1000_in_ascending_timestamp(state):
    rows, pages = read_all(state, ITEMS, {"$filter": "Timestamp gt 1", "$select": SELECT})
    assert [len(page["results"]) for page in pages] == [1000, 500]
    assert all(isinstance(row["Timestamp"], str) for row in rows)  # Int64 as JSON string
    assert timestamps(rows) == sorted(timestamps(rows))
    assert len({row["ID"] for row in rows}) == 1500
    token = follow(pages[0]["__next"])[1]["$skiptoken"]
    assert token == f"{rows[999]['Timestamp']}L"


def test_sync_from_the_highest_timestamp_seen_returns_only_changes(state):
    rows, _ = read_all(state, ITEMS, {"$filter": "Timestamp gt 1", "$select": SELECT})
    high = max(timestamps(rows))
    result = mutate(state.divisions[100001], clock=state.clock, changed_items=3, seed=1)
    changed, _ = read_all(state, ITEMS, {"$filter": f"Timestamp gt {high}L", "$select": SELECT})
    assert sorted(row["ID"] for row in changed) == result["ids"]["changed_items"]
    assert min(timestamps(changed)) > high


def test_sync_accepts_only_the_timestamp_filter(state):
    for text in ("Code eq 'ART-000001'", "Timestamp ge 1", "Timestamp gt 1 and Code eq 'x'"):
        status, body = call(state, ITEMS, {"$filter": text, "$select": SELECT})
        assert status == 400
        assert error_text(body) == "This $filter parameter is not supported for this resource"
    assert call(state, ITEMS, {"$filter": "Timestamp gt 1", "$select": "*"})[0] == 400


def test_other_sync_feeds_answer(state):
    for resource in (
        "sync/CRM/Accounts",
        "sync/Logistics/SalesItemPrices",
        "sync/Sales/SalesPriceListVolumeDiscounts",
        "sync/SalesOrder/SalesOrderHeaders",
    ):
        rows, _ = read_all(
            state, resource, {"$filter": "Timestamp gt 1", "$select": "ID,Timestamp"}
        )
        assert timestamps(rows) == sorted(timestamps(rows)), resource


def test_deleted_feed_has_the_entity_types(state):
    division = state.divisions[100001]
    _, body = call(state, "sync/Deleted", {"$filter": "Timestamp gt 1", "$select": "EntityKey"})
    assert body["d"]["results"] == []
    item = next(k for k in division.items.keys if division.item_prices.lookup("Item", k))
    prices = division.item_prices.lookup("Item", item)
    account = division.accounts.keys[0]
    assert call(state, f"logistics/Items(guid'{item}')", method="DELETE")[0] == 204
    assert call(state, f"crm/Accounts(guid'{account}')", method="DELETE")[0] == 204
    query = {"$filter": "Timestamp gt 1", "$select": "Timestamp,EntityKey,EntityType,DeletedDate"}
    rows, _ = read_all(state, "sync/Deleted", query)
    kinds = {row["EntityKey"]: row["EntityType"] for row in rows}
    assert kinds[item] == 9
    assert kinds[account] == 2
    assert all(kinds[key] == 8 for key in prices)
    assert timestamps(rows) == sorted(timestamps(rows))
    assert rows[0]["DeletedDate"].startswith("/Date(")


def test_deleted_rows_leave_the_feeds(state):
    division = state.divisions[100001]
    item = division.items.keys[10]
    division.delete_item(item, state.clock.now())
    rows, _ = read_all(state, ITEMS, {"$filter": "Timestamp gt 1", "$select": SELECT})
    assert item not in {row["ID"] for row in rows}
    assert len(rows) == 1499
