"""Issue 20's "Done when", in Chromium against the real `salesdesk demo` processes.

`salesdesk demo` runs as a subprocess on free ports (its own sandbox, web server, task
workers and scheduler) with a small sandbox and a temporary var directory. The demo admin
walks steps 1-3 of the walkthrough, then step 7: a complete order, a quotation converted
into an order, a new customer with an order at once, a rep who sees only their customers,
and the confirmation with its PDF. What reached "Exact" is read from the sandbox's control
plane (`GET /_sandbox/orders|quotations|accounts`), as a user would check it.

The tests of this module share one demo and run in order: each step builds on the last.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import expect

from tests.salesdesk.browser import CHROMIUM_ARGS, TIMEOUT_MS
from tests.salesdesk.integration.connection.test_installation_browser import (
    authorize_in_exact,
    fill_installation,
)
from tests.salesdesk.ops.demo_runner import Demo

pytestmark = pytest.mark.browser
DIVISION = 100001
# Waits on the demo's own workers (sync, outbox): longer than a page's default.
WORKER_MS = 60_000


class Sandbox:
    """The demo sandbox's control plane: what reached "Exact"."""

    def __init__(self, url: str) -> None:
        self.url = url

    def rows(self, holding: str) -> list[dict]:
        answer = httpx.get(f"{self.url}/_sandbox/{holding}", params={"division": DIVISION})
        answer.raise_for_status()
        return answer.json()["rows"]

    def one(self, holding: str, **match) -> dict:
        found = [r for r in self.rows(holding) if all(r.get(k) == v for k, v in match.items())]
        assert len(found) == 1, (holding, match, found)
        return found[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[Demo]:
    running = Demo(var_dir=tmp_path_factory.mktemp("demo-var"), items=12, customers=12)
    try:
        banner = running.start()
        assert f"http://127.0.0.1:{running.web}/demo/login" in banner
        assert "admin / admin" in banner
        running.drain()
        yield running
    finally:
        children = running.children() if running.proc else []
        if running.proc and running.proc.poll() is None:
            running.proc.terminate()
        running.kill_leftovers(running.wait_gone(children))


@pytest.fixture(scope="module")
def web(demo) -> str:
    return f"http://127.0.0.1:{demo.web}"


@pytest.fixture(scope="module")
def admin(web) -> Iterator[object]:
    """The demo admin's tab in Chromium, signed in, for the whole module."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "install Debian's chromium (make browser)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = chromium.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        tab = context.new_page()
        tab.goto(f"{web}/demo/login")
        tab.get_by_label("Username or e-mail").fill("admin")
        tab.get_by_label("Password").fill("admin")
        tab.get_by_role("button", name="Log in").click()
        tab.wait_for_url(f"{web}/demo/**")
        yield tab
        chromium.close()


@pytest.fixture(autouse=True)
def _page_on_failure(request, admin):
    """A failed step leaves what the admin saw in the report: the page's URL and text."""
    failed = request.session.testsfailed
    yield
    if request.session.testsfailed > failed:
        print(f"\nThe admin's page at the failure: {admin.url}\n{admin.inner_text('body')}")


@pytest.fixture(scope="module")
def sandbox(demo) -> Sandbox:
    return Sandbox(f"http://127.0.0.1:{demo.sandbox}")


def test_install_authorize_and_synchronize(admin, sandbox):
    fill_installation(admin, sandbox.url, "Demo Wholesale B.V.")
    authorize_in_exact(admin, "Grant")
    expect(admin).to_have_url(re.compile(r"ExactOnlineCallback=True$"))
    expect(admin.locator("#connection-status")).to_contain_text("Demo Wholesale B.V.")

    admin.get_by_role("link", name="Installation").click()
    section = admin.locator("#synchronize")
    # The order header's lists: a customer's delivery addresses and contacts have rows of
    # their own; shipping methods and payment conditions come with the customers.
    for entity in ("items", "customers", "price lists", "addresses", "contacts"):
        section.get_by_role("button", name=f"Synchronize {entity}").click()
    for row in ("#sync-items", "#sync-customers", "#sync-addresses", "#sync-contacts"):
        expect(section.locator(row).locator(".sync-status")).to_contain_text(
            "Last synchronized", timeout=WORKER_MS
        )
    expect(section.locator("#sync-customers .sync-count")).to_have_text("12")


def new_order(tab, *, kind: str, customer: str) -> None:
    """Orders > New order, by its labels: the order type and the customer, whose header
    choices then load."""
    menu = tab.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Orders", exact=True).click()
    tab.get_by_role("link", name="New order").click()
    tab.get_by_label("Order type").select_option(label=kind)
    tab.get_by_label("Customer", exact=True).fill(customer)
    tab.keyboard.press("Tab")  # leaving the field is what fires "change"
    tab.get_by_label("Delivery address").wait_for()


def add_line(tab, number: int, item: str, quantity: str) -> None:
    # Add line posts the form and draws it again: the header chosen so far must survive.
    if number > 1:
        tab.get_by_role("button", name="Add line").click()
    line = tab.get_by_role("group", name=f"Line {number}")
    line.get_by_label("Item").fill(item)
    line.get_by_label("Quantity").fill(quantity)


def last_choice(select) -> tuple[str, str]:
    """The last real option of a header list (not "—" nor "A new address…"): a choice
    other than Exact's default wherever the customer has more than one."""
    options = select.locator("option").evaluate_all(
        "os => os.map(o => [o.value, o.textContent.trim()])"
    )
    real = [(value, text) for value, text in options if value and value != "new"]
    assert real, f"nothing to choose in {options}"
    return real[-1]


def exact_ms(value: str) -> int:
    """Exact's JSON date `/Date(1767225600000)/` in milliseconds."""
    return int(re.fullmatch(r"/Date\((-?\d+)\)/", value).group(1))


def customer_codes(sandbox: Sandbox) -> list[str]:
    return sorted(row["Code"].strip() for row in sandbox.rows("accounts"))


def test_a_complete_order_reaches_exact_with_its_header(admin, sandbox):
    customer = customer_codes(sandbox)[0]
    new_order(admin, kind="Sales order", customer=customer)
    chosen = {}
    for label in ("Delivery address", "Contact person", "Shipping method", "Payment condition"):
        select = admin.get_by_label(label)
        chosen[label] = last_choice(select)
        select.select_option(value=chosen[label][0])
    admin.get_by_label("Delivery date").fill("2027-03-01")
    admin.get_by_label("Your reference").fill("PO-DONE-WHEN-1")
    add_line(admin, 1, "ART-000001", "3")
    add_line(admin, 2, "ART-000002", "1")
    admin.get_by_role("button", name="Submit order").click()

    admin.wait_for_url(re.compile(r"/demo/orders/SD-demo-\d+/$"))
    number = admin.locator("#exact-order-number")
    expect(number).to_have_text(re.compile(r"^\d+$"), timeout=WORKER_MS)
    salesdesk_number = admin.url.rstrip("/").rsplit("/", 1)[1]
    order = sandbox.one("orders", Description=salesdesk_number)
    assert str(order["OrderNumber"]) == number.inner_text()
    assert order["YourRef"] == "PO-DONE-WHEN-1"
    assert order["DeliveryAddress"] == chosen["Delivery address"][0]
    assert order["OrderedByContactPerson"] == chosen["Contact person"][0]
    assert order["ShippingMethod"] == chosen["Shipping method"][0]
    assert order["PaymentCondition"] == chosen["Payment condition"][0]
    assert len(order["SalesOrderLines"]) == 2
    # The page caught up by itself: the parts drawn before the send ended are there too.
    confirmations = admin.locator("#confirmations")
    expect(confirmations.get_by_role("link", name="View the confirmation (PDF)")).to_be_visible()
    expect(confirmations.locator("tbody tr")).to_contain_text("Sent", timeout=WORKER_MS)
    expect(admin.get_by_role("heading", name="In Exact Online")).to_be_visible()
    expect(admin.locator("#order-delivery-address")).to_have_text(chosen["Delivery address"][1])
    expect(admin.locator("#order-contact")).to_have_text(chosen["Contact person"][1])
    expect(admin.locator("#order-shipping-method")).to_have_text(chosen["Shipping method"][1])


def test_a_quotation_is_converted_into_an_order(admin, sandbox):
    customer = customer_codes(sandbox)[1]
    new_order(admin, kind="Quotation", customer=customer)
    # A delivery address typed in: it goes to Exact as the customer's, before the quotation.
    admin.get_by_label("Delivery address").select_option(label="A new address…")
    admin.get_by_label("Address line 1").fill("Havenweg 3")
    admin.get_by_label("Postcode").fill("3511 AB")
    admin.get_by_label("City").fill("Utrecht")
    admin.get_by_label("Country").fill("NL")
    admin.get_by_label("Your reference").fill("PO-QUOTE-1")
    add_line(admin, 1, "ART-000003", "5")
    admin.get_by_role("button", name="Submit order").click()

    admin.wait_for_url(re.compile(r"/demo/orders/SD-demo-\d+/$"))
    salesdesk_number = admin.url.rstrip("/").rsplit("/", 1)[1]
    expect(admin.locator("#order-kind")).to_have_text("Quotation")
    quotation_number = admin.locator("#exact-quotation-number")
    expect(quotation_number).to_have_text(re.compile(r"^\d+$"), timeout=WORKER_MS)
    quotation = sandbox.one("quotations", Description=salesdesk_number)
    assert str(quotation["QuotationNumber"]) == quotation_number.inner_text()
    assert quotation["YourRef"] == "PO-QUOTE-1"
    assert quotation["DeliveryAddress"]
    expect(admin.locator("#order-delivery-address")).to_have_text("Havenweg 3, 3511 AB Utrecht, NL")
    assert not [r for r in sandbox.rows("orders") if r["Description"] == salesdesk_number]

    admin.get_by_role("button", name="Convert to order").click()
    order_number = admin.locator("#exact-order-number")
    expect(order_number).to_have_text(re.compile(r"^\d+$"), timeout=WORKER_MS)
    expect(admin.locator("#exact-quotation-status")).to_have_text("Accepted")
    order = sandbox.one("orders", Description=salesdesk_number)
    assert str(order["OrderNumber"]) == order_number.inner_text()
    assert order["YourRef"] == "PO-QUOTE-1"
    assert order["DeliveryAddress"] == quotation["DeliveryAddress"]
    assert sandbox.one("quotations", Description=salesdesk_number)["Status"] == 50
    expect(admin.get_by_role("button", name="Convert to order")).to_have_count(0)


def test_a_new_customer_gets_an_order_that_reaches_exact_after_the_account(admin, sandbox):
    admin.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Customer management"
    ).click()
    admin.get_by_role("link", name="New customer").first.click()
    admin.get_by_label("Name", exact=True).fill("Bakkerij Done When")
    admin.get_by_label("Relationship").select_option("Customer")
    admin.get_by_label("E-mail", exact=True).fill("info@bakkerij-donewhen.nl")
    admin.get_by_label("VAT number").fill("NL 8123.45.678 B01")
    admin.get_by_label("Address", exact=True).fill("Dorpsstraat 5")
    admin.get_by_label("Postcode", exact=True).fill("1234 AB")
    admin.get_by_label("City", exact=True).fill("Utrecht")
    admin.get_by_label("First name").fill("Bram")
    admin.get_by_label("Last name").fill("Bakker")
    admin.get_by_role("button", name="Create customer").click()
    heading = admin.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Bakkerij Done When")
    code = heading.inner_text().split(" ", 1)[0]

    # At once, whether or not the demo's worker has created the account yet.
    new_order(admin, kind="Sales order", customer=code)
    admin.get_by_label("Your reference").fill("PO-NEW-CUSTOMER")
    add_line(admin, 1, "ART-000004", "2")
    admin.get_by_role("button", name="Submit order").click()
    admin.wait_for_url(re.compile(r"/demo/orders/SD-demo-\d+/$"))
    salesdesk_number = admin.url.rstrip("/").rsplit("/", 1)[1]
    expect(admin.locator("#exact-order-number")).to_have_text(
        re.compile(r"^\d+$"), timeout=WORKER_MS
    )
    account = sandbox.one("accounts", Name="Bakkerij Done When")
    order = sandbox.one("orders", Description=salesdesk_number)
    assert order["OrderedBy"] == account["ID"]
    assert exact_ms(account["Created"]) <= exact_ms(order["Created"])


REP_PASSWORD = "rep-at-the-door-2026"


def listed_orders(tab) -> dict[str, str]:
    """The Orders page's rows: Salesdesk number → customer name."""
    rows = tab.locator("main table tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].slice(0, 2).map(c => c.textContent.trim()))"
    )
    return {number: customer.split(" ", 1)[1] for number, customer in rows}


def admin_orders(admin) -> dict[str, str]:
    admin.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Orders", exact=True
    ).click()
    return listed_orders(admin)


def test_a_rep_sees_only_their_customers(admin, web, sandbox):
    menu = admin.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Users", exact=True).click()
    admin.get_by_label("Username").fill("rep1")
    admin.get_by_label("E-mail").fill("rep1@demo.example")
    admin.get_by_label("Password").fill(REP_PASSWORD)
    admin.get_by_label("Role", exact=True).select_option(label="Sales rep")
    admin.get_by_role("button", name="Add user").click()
    expect(admin.get_by_label("All reps see all customers")).not_to_be_checked()

    admin.get_by_role("link", name="Exact user of rep1").click()
    # The account manager of the first order's customer: the rep sees that order too.
    accounts = sandbox.rows("accounts")
    first = next(r for r in accounts if r["Code"].strip() == customer_codes(sandbox)[0])
    manager = first["AccountManager"]
    admin.get_by_label("Exact user", exact=True).select_option(value=manager)
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_have_text(
        f"rep1 is linked to the Exact user {first['AccountManagerFullName']}."
    )

    own = {r["Name"] for r in accounts if r.get("AccountManager") == manager}
    assert len(own) < len(accounts), own
    orders = admin_orders(admin)
    rep = admin.context.browser.new_context()
    rep.set_default_timeout(TIMEOUT_MS)
    tab = rep.new_page()
    try:
        tab.goto(f"{web}/demo/login")
        tab.get_by_label("Username or e-mail").fill("rep1")
        tab.get_by_label("Password").fill(REP_PASSWORD)
        tab.get_by_role("button", name="Log in").click()
        tab.wait_for_url(f"{web}/demo/**")
        tab.goto(f"{web}/demo/customers/")
        names = tab.locator("main table tbody tr td:nth-child(2)").all_inner_texts()
        assert set(names) == own

        tab.goto(f"{web}/demo/orders/new")
        tab.get_by_label("Customer", exact=True).press_sequentially("10")
        options = tab.locator("#customer-options option")
        expect(options).to_have_count(len(own))
        suggested = {text.split(",")[0] for text in options.all_inner_texts()}
        assert suggested == own

        tab.goto(f"{web}/demo/orders/")
        theirs = {number for number, customer in orders.items() if customer in own}
        assert "SD-demo-000001" in theirs and len(theirs) < len(orders)
        assert listed_orders(tab).keys() == theirs
        other = sorted(orders.keys() - theirs)[0]
        assert tab.goto(f"{web}/demo/orders/{other}/").status == 404
    finally:
        rep.close()


def test_the_confirmation_is_mailed_with_its_pdf(admin, web, demo, sandbox):
    menu = admin.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Orders", exact=True).click()
    admin.get_by_role("link", name=re.compile(r"^SD-demo-0+1$")).click()
    part = admin.locator("#confirmations")
    expect(part.get_by_role("heading", name="Confirmations")).to_be_visible()
    expect(part.locator("tbody tr")).to_have_count(1, timeout=WORKER_MS)
    expect(part.locator("tbody tr")).to_contain_text("Sent")
    link = part.get_by_role("link", name="View the confirmation (PDF)")
    answer = admin.request.get(web + link.get_attribute("href"))
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")
    # The demo mails through the console backend: the worker printed it, PDF attached.
    number = sandbox.one("orders", Description="SD-demo-000001")["OrderNumber"]
    mailed = "".join(demo.output)
    assert f"Subject: =?utf-8?q?Order_confirmation_{number}_=C2=B7_Demo_Wholesale?=" in mailed
    assert f"Order confirmation {number} (your reference: PO-DONE-WHEN-1)" in mailed
    assert f'attachment; filename="order-confirmation-{number}.pdf"' in mailed


def test_the_order_page_follows_exacts_status_after_a_sync(admin, web, sandbox):
    admin.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Settings", exact=True
    ).click()
    row = admin.locator("#sync-sales-orders")
    row.get_by_role("button", name="Synchronize sales orders").click()
    expect(row.locator(".sync-status")).to_contain_text("Last synchronized", timeout=WORKER_MS)
    admin.goto(f"{web}/demo/orders/SD-demo-000001/")
    exact = sandbox.one("orders", Description="SD-demo-000001")
    expect(admin.locator("#exact-state")).to_have_text("Open")  # nothing delivered yet
    section = admin.locator("section[aria-labelledby=in-exact-heading]")
    lines = section.locator("table").first.locator("tbody tr")
    expect(lines).to_have_count(len(exact["SalesOrderLines"]))
    expect(lines.first).to_contain_text("ART-000001")
    expect(section).to_contain_text("Nothing delivered yet.")
