"""A sandbox with history survives its state file (`--state-file`, exact_sandbox.snapshot)."""

from exact_sandbox.config import SandboxConfig
from exact_sandbox.data.fulfilment import deliver
from exact_sandbox.data.order_status import OPEN
from exact_sandbox.seed import build_state
from exact_sandbox.snapshot import state_load, state_save

from .ledger_state import DIVISION, assert_consistent, sync_all

CONFIG = dict(items=30, customers=15, history_months=24)


def test_a_saved_history_resumes_with_its_feeds_and_changes(tmp_path, sandbox_clock):
    state = build_state(SandboxConfig(**CONFIG), sandbox_clock)
    division = state.divisions[DIVISION]
    order = next(o for o in division.sales_orders if o["Status"] == OPEN)
    deliver(division, order["OrderID"], None, sandbox_clock.now())
    path = tmp_path / "sandbox.state"

    state_save(state, path)
    restored = state_load(path, SandboxConfig(**CONFIG))

    assert restored is not None
    feed = sync_all(restored, "sync/SalesInvoice/SalesInvoices", "ID,InvoiceID,LineNumber")
    assert len(feed) == len(division.sales_invoices) + len(division.sales_invoice_lines)
    again = restored.divisions[DIVISION]
    assert again.sales_orders.rows[order["OrderID"]]["DeliveryStatus"] != OPEN
    assert_consistent(again)


def test_other_history_settings_start_from_fresh_data(tmp_path, sandbox_clock):
    path = tmp_path / "sandbox.state"
    state_save(build_state(SandboxConfig(**CONFIG), sandbox_clock), path)

    assert state_load(path, SandboxConfig(**{**CONFIG, "history_months": 12})) is None
    assert state_load(path, SandboxConfig(**{**CONFIG, "warehouses": 2})) is None
