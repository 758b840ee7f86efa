"""An item's StandardSalesPrice and its sales item price without an account stay equal."""

from __future__ import annotations

from exact_sandbox.data.mutate import mutate
from exact_sandbox.data.standard_price import standard_price_key
from exact_sandbox.odata.values import day_value, local_date

from .rest_calls import DIVISION, call, make_state, read_all

FULL = {"Prefer": "return=representation"}
PRICE_SELECT = "ID,Item,Account,Price,Quantity,StartDate"


def _division(state):
    return state.divisions[DIVISION]


def _prices_since(state, timestamp: int) -> list[dict]:
    query = {"$select": PRICE_SELECT, "$filter": f"Timestamp gt {timestamp}"}
    return read_all(state, "sync/Logistics/SalesItemPrices", query)[0]


def _standard_row(state, item_id):
    key = standard_price_key(_division(state), item_id, state.clock.now())
    return None if key is None else _division(state).item_prices.rows[key]


def test_seeded_items_have_their_standard_price_as_a_general_price():
    state = make_state(items=60)
    checked = 0
    for item in _division(state).items:
        row = _standard_row(state, item["ID"])
        if row is not None:
            assert row["Price"] == item["StandardSalesPrice"]
            assert row["Account"] is None
            checked += 1
    assert checked > 50


def test_a_changed_standard_price_reaches_the_prices_sync_feed():
    state = make_state(items=30)
    item = next(iter(_division(state).items))
    mark = _division(state).last_timestamp
    status, _ = call(
        state, f"logistics/Items(guid'{item['ID']}')", method="PUT",
        body={"StandardSalesPrice": 77.25},
    )  # fmt: skip
    assert status == 204
    changed = _prices_since(state, mark)
    assert [(row["Item"], row["Account"], row["Price"]) for row in changed] == [
        (item["ID"], None, 77.25)
    ]


def test_a_put_that_leaves_the_price_alone_leaves_the_prices_alone():
    state = make_state(items=30)
    item = next(iter(_division(state).items))
    mark = _division(state).last_timestamp
    call(state, f"logistics/Items(guid'{item['ID']}')", method="PUT", body={"Notes": "n"})
    assert _prices_since(state, mark) == []


def test_a_new_item_with_a_price_gets_its_general_price_from_today():
    state = make_state(items=30)
    status, body = call(
        state, "logistics/Items", method="POST", headers=FULL,
        body={"Code": "STD-1", "Description": "Nieuw", "StandardSalesPrice": 4.5},
    )  # fmt: skip
    assert status == 201
    row = _standard_row(state, body["d"]["ID"])
    assert (row["Price"], row["Quantity"], row["Account"]) == (4.5, 0.0, None)
    assert row["StartDate"] == day_value(local_date(state.clock.now()))
    status, body = call(
        state, "logistics/Items", method="POST", headers=FULL,
        body={"Code": "STD-2", "Description": "Zonder prijs"},
    )  # fmt: skip
    assert not _division(state).item_prices.lookup("Item", body["d"]["ID"])


def test_clearing_the_standard_price_deletes_its_general_price():
    state = make_state(items=30)
    item = next(iter(_division(state).items))
    key = standard_price_key(_division(state), item["ID"], state.clock.now())
    mark = _division(state).last_timestamp
    call(state, f"logistics/Items(guid'{item['ID']}')", method="PUT",
         body={"StandardSalesPrice": None})  # fmt: skip
    assert key not in _division(state).item_prices
    query = {"$select": "EntityKey,EntityType", "$filter": f"Timestamp gt {mark}"}
    deleted = read_all(state, "sync/Deleted", query)[0]
    assert [(row["EntityKey"], row["EntityType"]) for row in deleted] == [(key, 8)]


def test_an_announced_price_rise_is_not_the_standard_price_before_it_starts():
    state = make_state(items=200)
    division = _division(state)
    now = state.clock.now()
    today = day_value(local_date(now))
    risen = next(
        row for row in division.item_prices
        if row["Account"] is None and row["StartDate"] > today and not row["Quantity"]
    )  # fmt: skip
    before = risen["Price"]
    mutate(division, clock=state.clock, changed_items=len(division.items.keys), seed=5)
    item = division.items.rows[risen["Item"]]
    assert division.item_prices.rows[risen["ID"]]["Price"] == before
    assert _standard_row(state, item["ID"])["Price"] == item["StandardSalesPrice"]
