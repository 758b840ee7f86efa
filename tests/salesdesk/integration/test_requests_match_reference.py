"""Every request Salesdesk makes names only properties Exact has (exact-online-fields.md).

The whole of Salesdesk's traffic runs against a sandbox whose app is wrapped in a
recorder, for two companies on two administrations: authorization (the real callback,
with its rights checklist), the first and the incremental sync of every entity, the
refresh button, the pictures pass, an order sent, webhooks subscribed and removed. Each
recorded request is then checked against the reference: a `$select`, `$filter`,
`$orderby`, `$expand` or body key that the endpoint lacks fails the test, even where the
sandbox would have let it through.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import httpx
import pytest
from django.test import Client

from exact_sandbox.app import make_app
from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from exact_sandbox.data.mutate import mutate
from exact_sandbox.recording import RequestRecorder
from exact_sandbox.schema.request_audit import endpoint_of, findings
from exact_sandbox.server import SandboxHTTPServer, ServerHandle
from exact_sandbox.webhooks.hub import hub_for
from salesdesk.catalog.models import Item
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.contact_models import Contact
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import AddressInput, NewCustomerInput, PersonInput
from salesdesk.customers.new_customers import customer_create
from salesdesk.integration.account_push.services import account_send
from salesdesk.integration.connection.rights_catalog import RIGHTS
from salesdesk.integration.connection.tasks import authorization_check
from salesdesk.integration.models import AuthorizationCheck, ExactConnection, SyncRun
from salesdesk.integration.order_push.services import order_send
from salesdesk.integration.sync.refresh import record_refresh
from salesdesk.integration.webhooks.subscriptions import webhook_subscribe, webhook_unsubscribe
from salesdesk.orders.lines import LineInput
from salesdesk.orders.models import Order
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.quotations import order_convert
from salesdesk.orders.services import OrderHeader, order_create, order_submit
from salesdesk.orders.terms_selectors import (
    payment_conditions_active,
    shipping_methods_active,
    warehouses_active,
)
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.connection.oauth_flow import callback, grant, install, start
from tests.salesdesk.integration.sync.sync_support import DUMMY_TASKS, client_for, run_sync
from tests.salesdesk.integration.sync.test_sync_pictures import _pictures_pass

pytestmark = pytest.mark.django_db(transaction=True)
ENTITIES = (
    "items", "customers", "prices", "stock", "sales-orders", "invoices", "receivables",
    "addresses", "contacts", "quotations",
)  # fmt: skip
# What Salesdesk must have asked for, so that a silent gap in the flow cannot pass.
EXPECTED = {
    "current/Me", "system/Divisions", "logistics/Items", "crm/Accounts", "sales/SalesPriceLists",
    "sales/SalesPriceListPeriods", "sync/Logistics/Items", "sync/CRM/Accounts",
    "sync/Logistics/SalesItemPrices", "sync/Sales/SalesPriceListVolumeDiscounts", "sync/Deleted",
    "vat/VATCodes", "salesorder/SalesOrders", "webhooks/WebhookSubscriptions",
    "inventory/Warehouses", "sync/Inventory/StockPositions", "sync/SalesOrder/SalesOrderHeaders",
    "sync/SalesOrder/SalesOrderLines", "sync/SalesOrder/GoodsDeliveries",
    "sync/SalesOrder/GoodsDeliveryLines", "sync/SalesInvoice/SalesInvoices",
    "read/financial/ReceivablesList", "sync/CRM/Addresses", "sync/CRM/Contacts",
    "sales/ShippingMethods", "cashflow/PaymentConditions", "crm/Addresses",
    "crm/Quotations", "crm/AcceptQuotation", "sync/CRM/QuotationHeaders", "crm/Contacts",
    "users/UserHasRights",
}  # fmt: skip
# The rights checklist asks about each of these calls (its query is audited: rights_audit.py).
ASKED = {(f"'{right.endpoint}'", f"'{right.action}'") for right in RIGHTS if not right.probed}


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the callback's clients run on the wall clock


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=120, customers=60, minutely_limit=100_000, history_months=2)


@pytest.fixture
def recorder(sandbox_state) -> RequestRecorder:
    return RequestRecorder(make_app(sandbox_state))


@pytest.fixture
def live_sandbox(recorder) -> Iterator[ServerHandle]:
    server = SandboxHTTPServer(("127.0.0.1", 0), recorder)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    host, port = server.server_address[:2]
    handle = ServerHandle(url=f"http://{host}:{port}", server=server, thread=thread)
    yield handle
    handle.stop()


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path, sandbox_state):
    settings.TASKS = DUMMY_TASKS
    settings.MEDIA_ROOT = str(tmp_path)
    # Subscriptions' validation posts are not delivered anywhere: the hub waits for a flush.
    hub_for(sandbox_state, auto_deliver=False, http=httpx.Client(transport=_refusing()))


def _refusing() -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(503))


def _authorize(live_sandbox, division: int, name: str):
    """A company authorized through Salesdesk's own pages and callback."""
    company = make_company()
    install(company, live_sandbox, name=name)
    browser = Client()
    browser.force_login(make_user(company=company))
    query = start(browser, company)
    response = callback(browser, code=grant(live_sandbox, query, [division]), state=query["state"])
    assert response.status_code == 302, response.content
    # The administration and rights are checked in the background (the dummy backend here).
    authorization_check.call(AuthorizationCheck.objects.get(company=company).pk)
    connection = ExactConnection.objects.get(company=company)
    assert (connection.state, connection.division) == (ExactConnection.State.CONNECTED, division)
    return company


def _sync_everything(company, sandbox_state, division: int, clock) -> None:
    for entity in ENTITIES:
        run = run_sync(company, entity, clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error
    pictures = _pictures_pass(company, clock)
    assert pictures.status == SyncRun.Status.SUCCEEDED, pictures.error
    with sandbox_state.lock:
        mutate(sandbox_state.divisions[division], clock=clock, changed_items=3,
               changed_customers=2, deleted_items=1, deleted_customers=1, seed=7)  # fmt: skip
    for entity in ENTITIES:
        run = run_sync(company, entity, clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error
    client = client_for(company, clock)
    item = Item.objects.filter(company=company, active=True).first()
    customer = Customer.objects.filter(company=company, active=True).first()
    record_refresh(company=company, entity="items", exact_id=item.exact_id, client=client)
    record_refresh(company=company, entity="customers", exact_id=customer.exact_id, client=client)


def _send_an_order(company, clock) -> None:
    customer = Customer.objects.filter(company=company, active=True, blocked=False).first()
    items = list(Item.objects.filter(company=company, active=True, is_sales_item=True)[:2])
    order = order_create(
        company=company, user=None, header=OrderHeader(
            customer=customer, your_ref="PO-1", delivery_date=date(2030, 1, 15), notes="Back door"
        ),
        lines=[LineInput(item=item, quantity=Decimal(2)) for item in items],
    )  # fmt: skip
    # The whole header, from what the sync stored, and a delivery address typed in.
    Order.objects.filter(pk=order.pk).update(
        new_delivery_address={"line1": "Havenweg 12", "postcode": "3011 AB", "city": "Rotterdam",
                              "country": "NL"},
        contact_exact_id=Contact.objects.filter(
            company=company, customer_exact_id=customer.exact_id, active=True
        ).values_list("exact_id", flat=True).first(),
        shipping_method_exact_id=shipping_methods_active(company=company)[0].exact_id,
        payment_condition=payment_conditions_active(company=company)[0].code,
        warehouse_exact_id=warehouses_active(company=company)[0].exact_id,
        discount=Decimal("0.05"),
    )  # fmt: skip
    now = datetime.fromtimestamp(clock.now(), tz=UTC)
    order_submit(order=order, now=now)
    outcome = order_send(
        order_id=order.pk, connect=lambda c: client_for(c, clock), clock=lambda: now
    )
    assert outcome.result is SendResult.SUBMITTED, outcome.message


def _send_and_convert_a_quotation(company, sandbox_state, division: int, clock, *, lose: bool):
    """A quotation sent, then converted; with `lose`, each answer is lost once, so the
    look-ups run (a dropped request is not recorded: the other company's are)."""
    customer = Customer.objects.filter(company=company, active=True, blocked=False).first()
    items = list(Item.objects.filter(company=company, active=True, is_sales_item=True)[:2])
    order = order_create(
        company=company, user=None, header=OrderHeader(customer=customer, your_ref="PO-2"),
        lines=[LineInput(item=item, quantity=Decimal(1)) for item in items],
    )  # fmt: skip
    Order.objects.filter(pk=order.pk).update(kind=Order.Kind.QUOTATION)
    order_submit(order=order, now=datetime.fromtimestamp(clock.now(), tz=UTC))
    if lose:
        for path in ("crm/Quotations", "crm/AcceptQuotation"):
            sandbox_state.faults.add("drop_after_commit", path, method="POST", division=division)
    steps = [SendResult.UNCLEAR, SendResult.SUBMITTED] if lose else [SendResult.SUBMITTED]
    results, connect = [], lambda c: client_for(c, clock)
    for step in range(2 * len(steps)):
        # The outbox's clock runs ahead past each back-off; the sandbox's (tokens) does not.
        now = datetime.fromtimestamp(clock.now(), tz=UTC) + timedelta(hours=step + 1)
        if step == len(steps):
            order_convert(order=order, now=now)
        results.append(order_send(order_id=order.pk, connect=connect, clock=lambda: now).result)
    assert results == steps * 2
    order.refresh_from_db()
    assert order.exact_order_number is not None


def _create_a_customer(company, sandbox_state, clock) -> None:
    """A new customer sent with its contact and delivery address, both POSTs answered late
    once, so that the look-ups after an unclear answer are recorded too."""
    membership = Membership.objects.select_related("company", "user").get(
        company=company, user=make_user(company=company)
    )
    data = NewCustomerInput(
        name=f"Nieuw {company.slug}",
        address=AddressInput("Dorpsstraat 1", "1234 AB", "Utrecht", "NL"),
        email=f"info@{company.slug}.example", phone="+31 30 1234567",
        vat_number="NL999999999B01",
        contact=PersonInput("Anna", "de Boer", "anna@example.nl", "+31 6 12345678"),
        delivery_address=AddressInput("Havenweg 9", "1235 CD", "Utrecht", "NL"),
    )  # fmt: skip
    customer = customer_create(membership=membership, data=data)
    for path in ("crm/Accounts", "crm/Contacts"):
        sandbox_state.faults.add("drop_after_commit", path, method="POST")
    for _ in range(3):
        AccountOutbox.objects.filter(customer=customer).update(
            available_at=datetime(2000, 1, 1, tzinfo=UTC)
        )
        outcome = account_send(
            customer_id=customer.pk, connect=lambda c: client_for(c, clock),
            clock=lambda: datetime.fromtimestamp(clock.now(), tz=UTC),
        )  # fmt: skip
    assert outcome.result == "done", outcome.message


def test_every_request_salesdesk_makes_names_only_properties_exact_has(
    live_sandbox, sandbox_state, sandbox_clock, recorder, settings
):
    for division, name in ((100001, "Demo Wholesale B.V."), (100003, "Demo Retail Nederland")):
        company = _authorize(live_sandbox, division, name)
        _sync_everything(company, sandbox_state, division, sandbox_clock)
        _send_an_order(company, sandbox_clock)
        lose = division == 100001
        _send_and_convert_a_quotation(company, sandbox_state, division, sandbox_clock, lose=lose)
        _create_a_customer(company, sandbox_state, sandbox_clock)
        settings.PUBLIC_URL = "https://salesdesk.example.test"  # Exact wants an HTTPS callback
        assert len(webhook_subscribe(company=company).subscriptions) == 5
        assert webhook_unsubscribe(company=company) == 5

    requests = recorder.requests
    assert {endpoint_of(request) for request in requests} >= EXPECTED
    rights = [r for r in requests if endpoint_of(r) == "users/UserHasRights"]
    assert {(r.query.get("endpoint"), r.query.get("action")) for r in rights} == ASKED
    assert any(request.path.lower() == "/docs/sysimage.aspx" for request in requests)
    problems = [problem for request in requests for problem in findings(request)]
    assert problems == []
