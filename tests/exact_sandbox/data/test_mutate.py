"""The control API's mutate: changes and deletes as Exact would record them."""

from exact_sandbox.data.mutate import mutate

from .rest_calls import make_state


def test_mutate_changes_and_deletes_with_counts_and_ids():
    state = make_state(items=60, customers=30)
    division = state.divisions[100001]
    before_ts = division.last_timestamp
    state.clock.advance(3600)

    result = mutate(
        division,
        clock=state.clock,
        changed_items=4,
        changed_customers=2,
        deleted_items=3,
        deleted_customers=1,
        seed=9,
    )

    assert {k: result[k] for k in result if k != "ids"} == {
        "changed_items": 4,
        "changed_customers": 2,
        "deleted_items": 3,
        "deleted_customers": 1,
    }
    ids = result["ids"]
    assert not set(ids["changed_items"]) & set(ids["deleted_items"])
    assert len(division.items) == 57 and len(division.accounts) == 29
    for item_id in ids["changed_items"]:
        row = division.items.rows[item_id]
        assert int(row["Timestamp"]) > before_ts
        assert row["Modified"] == division.audit(state.clock.now())["Modified"]
    deleted = {row["EntityKey"]: row["EntityType"] for row in division.deleted}
    assert all(deleted[key] == 9 for key in ids["deleted_items"])
    assert all(deleted[key] == 2 for key in ids["deleted_customers"])


def test_mutate_keeps_the_base_sales_price_in_step():
    state = make_state(items=20, customers=5)
    division = state.divisions[100001]
    result = mutate(division, clock=state.clock, changed_items=1, seed=2)
    item_id = result["ids"]["changed_items"][0]
    price = division.items.rows[item_id]["StandardSalesPrice"]
    base = [
        division.item_prices.rows[k]
        for k in division.item_prices.lookup("Item", item_id)
        if division.item_prices.rows[k]["Account"] is None
        and not division.item_prices.rows[k]["Quantity"]
    ]
    assert base and all(row["Price"] == price for row in base)


def test_same_seed_picks_the_same_records_and_counts_are_capped():
    first = mutate(make_state(items=30).divisions[100001], clock=_Clock(), changed_items=5, seed=4)
    again = mutate(make_state(items=30).divisions[100001], clock=_Clock(), changed_items=5, seed=4)
    assert first == again
    state = make_state(items=30, customers=5)
    capped = mutate(state.divisions[100001], clock=state.clock, deleted_customers=50)
    assert capped["deleted_customers"] == 5
    assert len(state.divisions[100001].accounts) == 0


class _Clock:
    def now(self):
        return 1772442000.0
