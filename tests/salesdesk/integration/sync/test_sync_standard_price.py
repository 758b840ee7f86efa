"""The items' standard sales price comes from Exact's general sales item prices.

`sync/Logistics/Items` has no `StandardSalesPrice`; the prices sync reads the sales item
prices without an account (which the sandbox keeps equal to the item's field, as Exact
does) and sets the items' standard price, incrementally and without a call per item.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from exact_sandbox.data.standard_price import standard_price_write
from salesdesk.catalog.models import Item
from salesdesk.integration.models import SyncRun
from tests.salesdesk.integration.sync.sync_support import connected_company, division_of, run_sync

pytestmark = pytest.mark.django_db(transaction=True)


def _first_runs(company, clock) -> None:
    for entity in ("items", "customers", "prices"):
        run = run_sync(company, entity, clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error


def _set_price(state, item_id: str, price: float | None) -> None:
    """A price changed in Exact: the item's field and its general price move together."""
    with state.lock:
        division = division_of(state)
        row = division.touch(
            division.items, item_id, {"StandardSalesPrice": price}, state.clock.now()
        )
        standard_price_write(division, row, state.clock.now())


def _standard_prices(company) -> dict[uuid.UUID, Decimal | None]:
    return dict(Item.objects.filter(company=company).values_list("exact_id", "standard_price"))


def test_first_run_gives_every_item_the_standard_price_exact_shows(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    _first_runs(company, sandbox_clock)

    items = division_of(sandbox_state).items.rows
    wanted = {
        uuid.UUID(key): None if row["StandardSalesPrice"] is None
        else Decimal(repr(row["StandardSalesPrice"]))
        for key, row in items.items()
    }  # fmt: skip
    assert _standard_prices(company) == wanted
    assert _standard_prices(other) == {}


def test_a_price_changed_in_exact_shows_after_the_next_incremental_prices_run(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    _first_runs(company, sandbox_clock)
    _first_runs(other, sandbox_clock)
    keys = list(division_of(sandbox_state).items.keys)
    _set_price(sandbox_state, keys[0], 99.95)
    _set_price(sandbox_state, keys[1], None)

    run = run_sync(company, "prices", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert run.calls <= 5  # two listings, two sync feeds, sync/Deleted: never one per item
    prices = _standard_prices(company)
    assert prices[uuid.UUID(keys[0])] == Decimal("99.95")
    assert prices[uuid.UUID(keys[1])] is None
    untouched = _standard_prices(other)
    assert untouched[uuid.UUID(keys[0])] != Decimal("99.95")
    assert untouched[uuid.UUID(keys[1])] is not None
