"""VAT codes through the items sync, against the sandbox: one listing per run, item rates."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from exact_sandbox.config import DEMO_CLIENT_ID
from exact_sandbox.data.vat_codes import vat_code_row
from salesdesk.catalog.models import Item, VatCode
from salesdesk.integration.models import SyncRun
from tests.salesdesk.integration.sync.sync_support import (
    change_rows,
    connected_company,
    division_of,
    run_sync,
)

pytestmark = pytest.mark.django_db(transaction=True)

VAT_PATH = "vat/VATCodes"


def _vat_calls(state) -> int:
    return state.stats.calls[100001][VAT_PATH]


def _rates(company) -> dict[uuid.UUID, Decimal | None]:
    rows = Item.objects.filter(company=company).values_list("exact_id", "vat_percentage")
    return dict(rows)


def _expected_rates(state) -> dict[uuid.UUID, Decimal]:
    division = division_of(state)
    return {
        uuid.UUID(key): Decimal(repr(vat_code_row(division, row["SalesVatCode"])["Percentage"]))
        for key, row in division.items.rows.items()
    }


def test_items_run_lists_vat_codes_once_and_rates_every_item(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)

    run = run_sync(company, "items", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert _vat_calls(sandbox_state) == 1
    codes = VatCode.objects.filter(company=company, active=True)
    assert {c.code: c.percentage for c in codes} == {
        "0": Decimal("0"),
        "1": Decimal("0.21"),
        "2": Decimal("0.09"),
    }
    assert _rates(company) == _expected_rates(sandbox_state)
    assert {Decimal("0.21"), Decimal("0.09")} <= set(_rates(company).values())
    assert not VatCode.objects.filter(company=other).exists()

    again = run_sync(company, "items", sandbox_clock)
    assert again.status == SyncRun.Status.SUCCEEDED, again.error
    assert _vat_calls(sandbox_state) == 2  # one listing per run, not per page
    assert VatCode.objects.filter(company=company).count() == 3


def test_a_changed_rate_reaches_items_without_reading_them_again(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    run_sync(other, "items", sandbox_clock)
    division = division_of(sandbox_state)
    low = vat_code_row(division, "2  ")
    with sandbox_state.lock:
        division.touch(division.vat_codes, low["ID"], {"Percentage": 0.1}, sandbox_clock.now())

    run = run_sync(company, "items", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert run.created == run.updated == 0  # no item changed in Exact
    low_items = Item.objects.filter(company=company, vat_code="2")
    assert low_items.exists()
    assert set(low_items.values_list("vat_percentage", flat=True)) == {Decimal("0.1")}
    high = Item.objects.filter(company=company, vat_code="1")
    assert set(high.values_list("vat_percentage", flat=True)) == {Decimal("0.21")}
    theirs = Item.objects.filter(company=other, vat_code="2")
    assert set(theirs.values_list("vat_percentage", flat=True)) == {Decimal("0.09")}


def test_an_item_moved_to_another_code_takes_its_rate(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    [moved] = change_rows(sandbox_state, "items", 1, {"SalesVatCode": "0  "})

    run_sync(company, "items", sandbox_clock)

    item = Item.objects.get(company=company, exact_id=uuid.UUID(moved))
    assert (item.vat_code, item.vat_percentage) == ("0", Decimal("0"))


def test_without_the_financial_scope_items_still_sync_with_unknown_rates(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Financial accounting"])

    run = run_sync(company, "items", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert Item.objects.filter(company=company).count() == len(division_of(sandbox_state).items)
    assert not VatCode.objects.filter(company=company).exists()
    assert set(_rates(company).values()) == {None}

    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[])
    run_sync(company, "items", sandbox_clock)  # the scope granted: the next run rates them
    assert _rates(company) == _expected_rates(sandbox_state)
