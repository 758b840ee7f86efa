"""Quotations follow Exact's status through sync/CRM/QuotationHeaders, per company."""

from __future__ import annotations

import httpx
import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.integration.sync.services import RECORD_ENTITIES
from salesdesk.integration.sync.status import sync_rows
from salesdesk.orders.exact_progress import order_in_exact
from salesdesk.orders.quotations import (
    order_convert,
    quotation_convertible,
    quotations_status_follow,
)
from salesdesk.orders.services import OrderRefused
from tests.exact_sandbox.data.rest_calls import call
from tests.salesdesk.integration.order_push.quotation_desk import convert, sent_quotation
from tests.salesdesk.integration.sync.sync_support import run_sync
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=30, customers=15, seed=5)


def _move(live, desk, order, status: int) -> None:
    answer = httpx.post(
        f"{live.url}/_sandbox/quotation",
        json={"division": desk.division, "quotation_number": order.exact_quotation_number,
              "status": status},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text


def test_each_company_follows_only_its_own_quotations(sandbox_state, live_sandbox):
    clock = sandbox_state.clock
    acme = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="acme")
    globex = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="globex", division=100002)
    rejected, printed = sent_quotation(acme), sent_quotation(acme)
    theirs = sent_quotation(globex)
    assert rejected.exact_quotation_number == theirs.exact_quotation_number == 1
    _move(live_sandbox, acme, rejected, 5)
    _move(live_sandbox, acme, printed, 40)
    _move(live_sandbox, globex, theirs, 40)

    run = run_sync(acme.company, SyncEntity.QUOTATIONS, clock, client=acme.client)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    for order in (rejected, printed, theirs):
        order.refresh_from_db()
    assert (rejected.exact_quotation_status, rejected.exact_quotation_status_label) == (
        5, "Rejected",
    )  # fmt: skip
    assert printed.exact_quotation_status_label == "Printed"
    assert theirs.exact_quotation_status_label == "Open"  # another company's: untouched
    assert rejected.events.filter(message__contains="is now Rejected").count() == 1
    assert run.updated == 2

    again = run_sync(acme.company, SyncEntity.QUOTATIONS, clock, client=acme.client)
    assert again.updated == 0  # incremental: nothing new since the cursor
    run_sync(globex.company, SyncEntity.QUOTATIONS, clock, client=globex.client)
    theirs.refresh_from_db()
    assert theirs.exact_quotation_status_label == "Printed"
    stored = {row.entity: row.stored for row in sync_rows(company=acme.company)}
    assert stored[SyncEntity.QUOTATIONS] == 2


def test_a_row_of_another_companys_quotation_changes_nothing(sandbox_state, live_sandbox):
    acme = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="acme")
    globex = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="globex", division=100002)
    theirs = sent_quotation(globex)
    row = {"exact_id": theirs.exact_quotation_id, "status": 5, "status_label": "Rejected"}
    assert quotations_status_follow(company=acme.company, rows=[row]) == 0
    theirs.refresh_from_db()
    assert theirs.exact_quotation_status_label == "Open"
    assert SyncEntity.QUOTATIONS in RECORD_ENTITIES  # scheduled and on the Synchronize page


def test_a_converted_quotation_follows_its_sales_order_like_any_other(sandbox_state, live_sandbox):
    clock = sandbox_state.clock
    acme = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="acme")
    order = convert(acme, sent_quotation(acme))
    assert order_in_exact(company=acme.company, order=order).order is None  # not synced yet
    made = str(order.exact_order_id)
    answer = httpx.post(f"{live_sandbox.url}/_sandbox/deliver", json={"order": made})
    assert answer.status_code == 200, answer.text
    run = run_sync(acme.company, SyncEntity.SALES_ORDERS, clock, client=acme.client)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    in_exact = order_in_exact(company=acme.company, order=order)
    assert in_exact.order.number == order.exact_order_number
    assert in_exact.order.delivery_status == 21 and len(in_exact.deliveries) == 1
    quotes = run_sync(acme.company, SyncEntity.QUOTATIONS, clock, client=acme.client)
    assert quotes.updated == 0  # the accepted status was recorded by the conversion itself


def test_a_quotation_deleted_in_exact_can_no_longer_be_converted(sandbox_state, live_sandbox):
    acme = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="acme")
    globex = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="globex", division=100002)
    order, theirs = sent_quotation(acme), sent_quotation(globex)
    with sandbox_state.lock:  # as Exact's user deleting it there
        status, _ = call(
            sandbox_state, f"crm/Quotations(guid'{order.exact_quotation_id}')", method="DELETE"
        )
    assert status == 204
    run = run_sync(acme.company, SyncEntity.QUOTATIONS, sandbox_state.clock, client=acme.client)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    order.refresh_from_db()
    assert order.exact_quotation_status_label == "Deleted in Exact Online"
    assert not quotation_convertible(order=order)
    with pytest.raises(OrderRefused, match="deleted in Exact"):
        order_convert(order=order)
    theirs.refresh_from_db()
    assert quotation_convertible(order=theirs)  # the other company's is untouched
