"""The schedule in Chromium: the admin sees the Exact calls a day; 5 minutes is saved with the
warning that scheduled runs pause to keep the day's last calls for orders, and the shortest
interval that fits with the warning of what is left."""

from __future__ import annotations

import os

import pytest

from salesdesk.integration.models import SyncSchedule
from salesdesk.tenants.models import Membership
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.factories import make_company, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
SHOTS = os.environ.get("SALESDESK_SCREENSHOTS", "")  # a folder: keep the pages as PNG


def _shot(tab, name: str) -> None:
    if SHOTS:
        tab.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_five_minutes_saved_with_the_pause_and_six_with_whats_left(page, live_server):  # noqa: F811
    company = make_company(slug="demo")
    admin = make_user(company=company, role=Membership.Role.ADMIN)
    log_in(page, live_server.url, company.slug, admin.username, PASSWORD)
    page.goto(f"{live_server.url}/demo/settings/sync-runs")
    said = page.locator("#schedule-cost").inner_text()
    assert said.startswith("Every 24 hours: about 44 Exact calls a day (1 run of at least 20")

    page.get_by_label("Synchronize every (minutes)").fill("5")
    page.get_by_role("button", name="Save").click()
    pause = page.locator(".message.warning", has_text="scheduled runs pause while fewer than 500")
    pause.first.wait_for()
    _shot(page, "schedule-five-minutes")
    assert SyncSchedule.objects.get(company=company).interval_minutes == 5

    page.get_by_label("Synchronize every (minutes)").fill("6")
    page.get_by_role("button", name="Save").click()
    page.locator(".message.warning", has_text="176 are left").first.wait_for()
    _shot(page, "schedule-heavy")
    assert SyncSchedule.objects.get(company=company).interval_minutes == 6
    assert "about 4824 Exact calls a day" in page.locator("#schedule-cost").inner_text()
