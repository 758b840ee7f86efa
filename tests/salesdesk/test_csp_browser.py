"""In Chromium: the walkthrough pages and the API docs work under the Content-Security-Policy
(no console errors, htmx's live parts still live) and load nothing from another origin."""

from __future__ import annotations

import pytest

from exact_sandbox.clock import SandboxClock
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.factories import connect_company, make_company, make_user
from tests.salesdesk.orders.factories import copy_sandbox_parties

PASSWORD = "correct-horse-battery"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the live server's Exact client uses time.time


class Console:
    """Console errors and failed page scripts, and every URL the page asked for."""

    def __init__(self, tab) -> None:
        self.errors: list[str] = []
        self.urls: list[str] = []
        tab.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        tab.on("pageerror", lambda exc: self.errors.append(str(exc)))
        tab.on("request", lambda request: self.urls.append(request.url))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_walkthrough_pages_have_a_policy_and_no_csp_errors(
    page,  # noqa: F811
    live_server,
    live_sandbox,
    sandbox_state,
):
    company = make_company(slug="demo", name="Demo Wholesale")
    user = make_user(company=company, username="admin", password=PASSWORD)
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_state.clock.now)
    customers, items = copy_sandbox_parties(company=company, state=sandbox_state)
    console = Console(page)
    base = live_server.url

    log_in(page, base, "demo", user.username, PASSWORD)
    for path, ready in [
        ("/demo/settings/installation", "#sync-section"),  # loaded by htmx (hx-trigger=load)
        ("/demo/settings/connector", "main"),
        ("/demo/items/", "table"),
        ("/demo/customers/", "table"),
    ]:
        answer = page.goto(base + path)
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        page.locator(ready).first.wait_for()
        page.wait_for_load_state("networkidle")

    page.goto(f"{base}/demo/orders/new")
    page.get_by_label("Customer").fill(customers[0].code_display)
    line = page.get_by_role("group", name="Line 1")
    line.get_by_label("Item").fill(items[0].code)
    line.get_by_label("Quantity").fill("3")
    page.keyboard.press("Tab")  # "change" fires the live preview (htmx)
    page.locator("#order-preview").get_by_text("Total including VAT").wait_for()

    assert console.errors == []
    assert all(url.startswith((base, "data:")) for url in console.urls), console.urls


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_api_docs_come_from_our_origin_only(page, live_server):  # noqa: F811
    console = Console(page)
    answer = page.goto(f"{live_server.url}/api/v1/docs")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    page.get_by_text("Salesdesk reps' API").first.wait_for()
    page.locator(".opblock").first.wait_for()  # the operations, from openapi.json
    assert console.errors == []
    assert all(url.startswith((live_server.url, "data:")) for url in console.urls), console.urls
    assert any(
        url.endswith("/static/salesdesk/swagger-ui/swagger-ui-bundle.js") for url in console.urls
    )
