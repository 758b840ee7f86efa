"""Shipping methods and payment conditions through the customers run, against the sandbox:
one listing call each, stored per company, swept (deactivated) when Exact no longer lists one.
"""

from __future__ import annotations

import uuid

import pytest

from exact_sandbox.config import DEMO_CLIENT_ID, SandboxConfig
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.services import sync_execute
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.orders.terms_selectors import (
    payment_conditions_active,
    shipping_methods_active,
    warehouses_active,
)
from tests.salesdesk.factories import connect_company, make_company
from tests.salesdesk.integration.sync.sync_support import client_for, run_sync

pytestmark = pytest.mark.django_db(transaction=True)

METHODS, CONDITIONS = "sales/ShippingMethods", "cashflow/PaymentConditions"


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=20, customers=30)


def _company(live_sandbox, sandbox_clock, division: int):
    company = make_company()
    connect_company(company=company, sandbox=live_sandbox, division=division,
                    clock=sandbox_clock.now)  # fmt: skip
    return company


def _calls(state, division: int, path: str) -> int:
    return state.stats.calls[division].get(path, 0)


def _ids(rows) -> set[uuid.UUID]:
    return {uuid.UUID(row["ID"]) for row in rows}


def test_a_customers_run_lists_both_once_and_stores_them_per_company(
    live_sandbox, sandbox_state, sandbox_clock
):
    first = _company(live_sandbox, sandbox_clock, 100001)
    second = _company(live_sandbox, sandbox_clock, 100003)

    for company in (first, second):
        run = run_sync(company, "customers", sandbox_clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error

    for company, code in ((first, 100001), (second, 100003)):
        division = sandbox_state.divisions[code]
        assert (_calls(sandbox_state, code, METHODS), _calls(sandbox_state, code, CONDITIONS)) == (
            1, 1,
        )  # fmt: skip
        methods = shipping_methods_active(company=company)
        assert {m.exact_id for m in methods} == _ids(division.shipping_methods)
        assert [m.code for m in methods] == sorted(r["Code"] for r in division.shipping_methods)
        conditions = {c.code: (c.description, c.payment_days)
                      for c in payment_conditions_active(company=company)}  # fmt: skip
        assert conditions == {
            row["Code"]: (row["Description"], row["PaymentDays"])
            for row in division.payment_conditions
        }
    # Each company reads only its own administration's lists.
    assert not {m.exact_id for m in shipping_methods_active(company=first)} & {
        m.exact_id for m in shipping_methods_active(company=second)
    }


def test_a_method_gone_or_inactive_in_exact_is_deactivated_never_deleted(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = _company(live_sandbox, sandbox_clock, 100001)
    other = _company(live_sandbox, sandbox_clock, 100003)
    run_sync(company, "customers", sandbox_clock)
    run_sync(other, "customers", sandbox_clock)
    division = sandbox_state.divisions[100001]
    with sandbox_state.lock:
        gone_method, retired_method = list(division.shipping_methods)[:2]
        division.shipping_methods.delete(gone_method["ID"])
        division.touch(division.shipping_methods, retired_method["ID"], {"Active": False},
                       sandbox_clock.now())  # fmt: skip
        gone_condition = next(iter(division.payment_conditions))
        division.payment_conditions.delete(gone_condition["ID"])

    again = run_sync(company, "customers", sandbox_clock)

    assert again.status == SyncRun.Status.SUCCEEDED, again.error
    assert _calls(sandbox_state, 100001, METHODS) == 2  # one listing per run
    active = {m.exact_id for m in shipping_methods_active(company=company)}
    assert active == _ids(division.shipping_methods) - {uuid.UUID(retired_method["ID"])}
    assert ShippingMethod.objects.filter(company=company).count() == 4  # kept, inactive
    stored = PaymentCondition.objects.get(company=company, code=gone_condition["Code"])
    assert stored.active is False
    assert gone_condition["Code"] not in {
        c.code for c in payment_conditions_active(company=company)
    }
    # The other company's lists are untouched.
    assert shipping_methods_active(company=other).count() == 4
    assert payment_conditions_active(company=other).count() == 4


def test_a_run_started_by_a_webhook_skips_the_lists(live_sandbox, sandbox_state, sandbox_clock):
    company = _company(live_sandbox, sandbox_clock, 100001)
    run, _ = runs.sync_run_start(
        company=company, entity="customers", trigger=SyncRun.Trigger.WEBHOOK
    )
    client = client_for(company, sandbox_clock)
    run = sync_execute(run=run, client=client, clock=sandbox_clock.now, sleep=sandbox_clock.advance)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert _calls(sandbox_state, 100001, METHODS) == _calls(sandbox_state, 100001, CONDITIONS) == 0
    assert not ShippingMethod.objects.filter(company=company).exists()


def test_a_withheld_cashflow_scope_keeps_the_conditions_and_the_run_going(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = _company(live_sandbox, sandbox_clock, 100001)
    run_sync(company, "customers", sandbox_clock)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Financial cashflow"])
    division = sandbox_state.divisions[100001]
    with sandbox_state.lock:
        division.shipping_methods.delete(next(iter(division.shipping_methods))["ID"])
        division.payment_conditions.delete(next(iter(division.payment_conditions))["ID"])

    run = run_sync(company, "customers", sandbox_clock)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert payment_conditions_active(company=company).count() == 4  # unread: as stored before
    assert shipping_methods_active(company=company).count() == 3  # still read, and swept


def test_warehouses_for_the_header_come_from_the_stock_sync_main_first(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = _company(live_sandbox, sandbox_clock, 100001)
    other = _company(live_sandbox, sandbox_clock, 100003)
    run_sync(company, "stock", sandbox_clock)

    warehouses = list(warehouses_active(company=company))

    division = sandbox_state.divisions[100001]
    assert warehouses[0].exact_id == uuid.UUID(division.warehouse["ID"])
    assert {w.exact_id for w in warehouses} == _ids(division.warehouses)
    assert not warehouses_active(company=other).exists()


def test_a_customers_run_keeps_each_customers_own_shipping_method(
    live_sandbox, sandbox_state, sandbox_clock
):
    first = _company(live_sandbox, sandbox_clock, 100001)
    second = _company(live_sandbox, sandbox_clock, 100003)
    for company in (first, second):
        assert run_sync(company, "customers", sandbox_clock).status == SyncRun.Status.SUCCEEDED

    for company, code in ((first, 100001), (second, 100003)):
        accounts = sandbox_state.divisions[code].accounts
        wanted = {
            uuid.UUID(row["ID"]): uuid.UUID(row["ShippingMethod"]) if row.get("ShippingMethod")
            else None
            for row in accounts
        }  # fmt: skip
        assert any(wanted.values()) and not all(wanted.values())  # some accounts have one
        stored = dict(company.customers.values_list("exact_id", "shipping_method_exact_id"))
        assert stored == wanted
        methods = {m.exact_id for m in shipping_methods_active(company=company)}
        assert {m for m in stored.values() if m} <= methods  # preselectable on their orders
