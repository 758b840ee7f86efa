"""Walkthrough step 3 in Chromium, by its labels: the Synchronize heading, the three rows
with the rotating-arrows button behind each, red while running, blue with the count and
time when done, updated without a reload; a double click starts one run; a failed run
shows its error and a Retry.

No task worker runs (DummyBackend): the test plays the worker by closing the run itself,
so the page's own polling is what is under test, and each test stays fast.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from salesdesk.catalog.models import Item
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync.runs import sync_run_finish
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.factories import make_company, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
QUEUES = ["default", "pictures"]
RED = "rgb(179, 38, 30)"
BLUE = "rgb(31, 95, 191)"
ROWS = [
    ("Stored items", "Synchronize items"),
    ("Stored customers", "Synchronize customers"),
    ("Stored price lists", "Synchronize price lists"),
]


@pytest.fixture
def no_worker(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": QUEUES}
    }


@pytest.fixture
def demo(live_server, no_worker, page):  # noqa: F811
    company = make_company(slug="demo", name="Demo Wholesale")
    make_user(company=company, username="admin", password=PASSWORD)
    other = make_company(slug="other")
    log_in(page, live_server.url, "demo", "admin", PASSWORD)
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Settings", exact=True
    ).click()
    page.get_by_role("link", name="Installation").click()
    section = page.locator("#synchronize")
    expect(section.get_by_role("heading", name="Synchronize")).to_be_visible()
    return company, other, section


def _color(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).backgroundColor")


def test_three_rows_each_with_the_arrows_button_behind_the_label(demo):
    _, _, section = demo
    for label, action in ROWS:
        row = section.locator(".sync-row", has_text=label)
        expect(row).to_have_attribute("aria-busy", "false")
        button = row.get_by_role("button", name=action)
        expect(button.locator(".spin svg")).to_be_visible()
        behind = row.locator(".sync-label").evaluate(
            "(label, button) => !!(label.compareDocumentPosition(button)"
            " & Node.DOCUMENT_POSITION_FOLLOWING)",
            button.element_handle(),
        )
        assert behind, f"the button of {label} must come after the label"
        assert _color(row.locator(".indicator")) == BLUE
        expect(row).to_contain_text("Not synchronized yet")


def test_a_double_click_runs_once_red_then_blue_without_a_reload(page, demo):  # noqa: F811
    company, other, section = demo
    page.evaluate("window.notReloaded = true")
    row = section.locator("#sync-items")
    row.get_by_role("button", name="Synchronize items").dblclick()

    expect(row).to_have_attribute("aria-busy", "true")
    expect(row.locator(".sync-status")).to_contain_text("Running")
    assert _color(row.locator(".indicator")) == RED
    assert row.locator(".spin").evaluate("e => getComputedStyle(e).animationName") == "spin"
    runs = SyncRun.objects.filter(company=company, entity="items")
    assert runs.count() == 1
    assert not SyncRun.objects.filter(company=other).exists()

    # The worker's part: two items stored, the run closed.
    for code in ("A-1", "A-2"):
        Item.objects.create(company=company, exact_id=uuid.uuid4(), code=code)
    sync_run_finish(run=runs.get())

    expect(row).to_have_attribute("aria-busy", "false")
    expect(row.locator(".sync-count")).to_have_text("2")
    expect(row.locator(".sync-status")).to_have_text(
        re.compile(r"Last synchronized: \d\d-\d\d-\d{4} \d\d:\d\d")
    )
    assert _color(row.locator(".indicator")) == BLUE
    assert page.evaluate("window.notReloaded") is True


def test_a_failed_run_shows_its_error_and_a_retry(page, demo):  # noqa: F811
    company, _, section = demo
    row = section.locator("#sync-customers")
    row.get_by_role("button", name="Synchronize customers").click()
    expect(row).to_have_attribute("aria-busy", "true")
    run = SyncRun.objects.get(company=company, entity="customers")
    sync_run_finish(run=run, error="Exact Online is down for maintenance.")

    expect(row.locator(".sync-status")).to_have_text(
        "Failed: Exact Online is down for maintenance."
    )
    row.get_by_role("button", name="Retry").click()
    expect(row).to_have_attribute("aria-busy", "true")
    assert SyncRun.objects.filter(company=company, entity="customers").count() == 2
