"""The new Synchronize rows in Chromium: each button runs its feed in the task worker and its
row comes back with the count stored and the time, without a reload (as in `make demo`)."""

from __future__ import annotations

import re

import pytest

from exact_sandbox.config import SandboxConfig
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.integration.sync.test_sync_browser import (  # noqa: F401
    PASSWORD,
    salesdesk_server,
    sandbox_clock,
)

ROWS = (
    ("Stored stock positions", "Synchronize stock positions", "stock_positions"),
    ("Stored sales orders", "Synchronize sales orders", "sales_orders"),
    ("Stored invoices", "Synchronize invoices", "sales_invoices"),
    ("Stored addresses", "Synchronize addresses", "addresses"),
    ("Stored contacts", "Synchronize contacts", "contacts"),
)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=40, customers=20, history_months=3)


@pytest.mark.browser
def test_each_new_row_synchronizes_its_records(
    page,  # noqa: F811
    salesdesk_server,  # noqa: F811
    sandbox_state,
):
    division = sandbox_state.divisions[100001]
    log_in(page, salesdesk_server, "demo", "admin", PASSWORD)
    page.goto(f"{salesdesk_server}/demo/settings/installation")
    section = page.locator("#synchronize")
    section.get_by_role("heading", name="Synchronize").wait_for()
    for label, action, table in ROWS:
        row = section.locator(".sync-row", has_text=label)
        assert row.locator(".sync-count").inner_text() == "0"
        row.get_by_role("button", name=action).click()
        done = section.locator('.sync-row[aria-busy="false"]', has_text=label)
        count = re.compile(rf"^{len(getattr(division, table))}$")
        done.locator(".sync-count", has_text=count).wait_for(timeout=30_000)
        assert re.search(r"Last synchronized: \d\d-\d\d-\d{4} \d\d:\d\d", done.inner_text())
    # The open items: what the receivables still owe, read in one call.
    row = section.locator(".sync-row", has_text="Stored open items")
    row.get_by_role("button", name="Synchronize open items").click()
    unpaid = sum(1 for r in division.receivables.rows.values() if not r["IsFullyPaid"])
    section.locator(".sync-row", has_text="Stored open items").locator(
        ".sync-count", has_text=re.compile(rf"^{unpaid}$")
    ).wait_for(timeout=30_000)
