"""Walkthrough steps 1 and 2 in Chromium, by their labels, where the other browser tests
do not go: the Address choices, Username/Password marked as not needed, errors next to
the field with nothing else lost, and the failed callbacks (replayed, wrong state, another
browser) that leave the working connection as it was.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from salesdesk.integration.models import ExactConnection
from tests.salesdesk.browser import browser, exact_on_live_server, log_in, page  # noqa: F401
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import IMMEDIATE_TASKS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
SITES = [
    "https://start.exactonline.nl/ (Netherlands)",
    "https://start.exactonline.be/ (Belgium)",
    "https://start.exactonline.co.uk/ (United Kingdom)",
    "https://start.exactonline.de/ (Germany)",
    "https://start.exactonline.fr/ (France)",
    "https://start.exactonline.es/ (Spain)",
    "https://start.exactonline.com/ (United States)",
]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    # The consent check runs in the callback's request here (no worker in tests).
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def demo(live_server, page):  # noqa: F811
    company = make_company(slug="demo", name="Demo Wholesale")
    make_user(company=company, username="admin", password=PASSWORD)
    make_company(slug="other")
    log_in(page, live_server.url, "demo", "admin", PASSWORD)
    menu = page.get_by_role("navigation", name="Main menu")
    administration = menu.get_by_role("listitem").filter(has_text=re.compile("^Administration"))
    administration.get_by_role("link", name="Settings", exact=True).click()
    expect(page.get_by_role("link", name="Installation")).to_have_attribute("aria-current", "page")
    return company


def field_of(tab, label: str):
    """The .field block that holds the control labelled `label` (its errors sit in it)."""
    return tab.locator(".field").filter(has=tab.get_by_label(label, exact=True))


def test_installation_fields_and_errors_next_to_them(page, demo):  # noqa: F811
    assert page.get_by_label("Type", exact=True).input_value() == "exact_online"
    expect(page.get_by_label("Type", exact=True).locator("option:checked")).to_have_text(
        "Exact Online"
    )
    options = page.get_by_label("Address", exact=True).locator("option").all_inner_texts()
    assert all(site in options for site in SITES), options
    assert "Another address…" in options
    expect(page.get_by_text("Username and Password")).to_be_visible()
    expect(page.get_by_text("Not needed for Exact Online")).to_be_visible()

    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The settings were not saved")
    expect(field_of(page, "Name").locator(".errorlist")).to_have_text(
        "Enter the name of the Exact Online administration."
    )
    expect(field_of(page, "Address").locator(".errorlist")).to_have_text(
        "Choose the Exact Online site of the administration."
    )

    page.get_by_label("Name", exact=True).fill("Demo Wholesale B.V.")
    page.get_by_label("Address", exact=True).select_option(label="Another address…")
    page.get_by_label("Other address", exact=True).fill("not a url")
    page.get_by_role("button", name="Save").click()
    expect(field_of(page, "Other address").locator(".errorlist")).to_contain_text(
        "Enter a web address"
    )
    expect(page.get_by_label("Name", exact=True)).to_have_value("Demo Wholesale B.V.")
    expect(page.get_by_label("Address", exact=True).locator("option:checked")).to_have_text(
        "Another address…"
    )
    assert not ExactConnection.objects.filter(company=demo, name="Demo Wholesale B.V.").exists()

    page.get_by_label("Address", exact=True).select_option(label=SITES[1])
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_have_text("The installation settings were saved.")
    assert ExactConnection.objects.get(company=demo).base_url == "https://start.exactonline.be"


def _authorize(tab, sandbox_url: str) -> str:
    """Save the settings, authorize in the sandbox; returns the callback URL it used."""
    tab.reload()  # the sandbox joined the Address choices after the page was drawn
    tab.get_by_label("Name", exact=True).fill("Demo Wholesale B.V.")
    tab.get_by_label("Address", exact=True).select_option(value=sandbox_url)
    tab.get_by_role("button", name="Save").click()
    tab.get_by_role("link", name="Connector settings").click()
    callbacks: list[str] = []
    tab.on("request", lambda r: callbacks.append(r.url) if "/exact/callback" in r.url else None)
    tab.get_by_role("button", name="Authorize Salesdesk").click()
    tab.get_by_label("Username").fill("demo")
    tab.get_by_label("Password").fill("demo")
    tab.get_by_role("button", name="Log in").click()
    tab.get_by_role("button", name="Grant").click()
    tab.wait_for_url(re.compile(r"\?ExactOnlineCallback=True$"))
    return callbacks[0]


def test_failed_callbacks_keep_the_working_connection(
    page,  # noqa: F811
    browser,  # noqa: F811
    live_server,
    demo,
    exact_on_live_server,  # noqa: F811
):
    callback = _authorize(page, exact_on_live_server.url)
    status = page.locator("#connection-status")
    expect(status).to_contain_text("Connected")

    page.goto(callback)  # the same answer again
    expect(page).to_have_url(f"{live_server.url}/demo/settings/connector")
    expect(page.locator(".messages")).to_contain_text("already used")
    expect(status).to_contain_text("Demo Wholesale B.V.")

    page.goto(re.sub(r"state=[^&]+", "state=forged", callback))
    expect(page.locator(".messages")).to_contain_text("does not match")
    expect(status).to_contain_text("Connected")
    expect(page.get_by_role("heading", name="Connector settings")).to_be_visible()

    stranger = browser.new_context()
    try:
        other_tab = stranger.new_page()
        other_tab.goto(callback)
        expect(other_tab.get_by_role("heading", name="Authorization not completed")).to_be_visible()
        expect(other_tab.get_by_role("alert")).to_contain_text("Authorize Salesdesk")
    finally:
        stranger.close()
    assert ExactConnection.objects.get(company=demo).division == 100001
