"""Walkthrough steps 0-2 in Chromium, by their visible labels, against a live sandbox."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from salesdesk.integration.connection.rights_catalog import RIGHTS
from salesdesk.integration.models import ExactConnection
from salesdesk.tenants.services import company_create
from tests.salesdesk.browser import browser, exact_on_live_server, log_in, page  # noqa: F401
from tests.salesdesk.factories import connect_company, make_company

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(exact_on_live_server, live_server):  # noqa: F811
    company = company_create(
        slug="demo",
        name="Demo Wholesale",
        admin_username="admin",
        admin_email="admin@demo.test",
        admin_password="admin",
    )
    other = make_company(slug="other")
    connect_company(company=other, sandbox=exact_on_live_server, division=100003)
    return company, other


def fill_installation(tab, sandbox_url: str, name: str) -> None:
    menu = tab.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Settings", exact=True).click()
    expect(tab.get_by_role("link", name="Installation")).to_have_attribute("aria-current", "page")
    tab.get_by_label("Type", exact=True).select_option(label="Exact Online")
    tab.get_by_label("Name", exact=True).fill(name)
    tab.get_by_label("Address", exact=True).select_option(value=sandbox_url)
    tab.get_by_role("button", name="Save").click()
    expect(tab.get_by_text("The installation settings were saved.")).to_be_visible()


def authorize_in_exact(tab, decision: str) -> None:
    tab.get_by_role("link", name="Connector settings").click()
    tab.get_by_role("button", name="Authorize Salesdesk").click()
    expect(tab.get_by_role("heading", name="Log in")).to_be_visible()
    tab.get_by_label("Username").fill("demo")
    tab.get_by_label("Password").fill("demo")
    tab.get_by_role("button", name="Log in").click()
    tab.get_by_role("button", name=decision).click()


def test_login_install_and_authorize(page, live_server, demo, exact_on_live_server):  # noqa: F811
    log_in(page, live_server.url, "demo", "admin", "admin")
    fill_installation(page, exact_on_live_server.url, "Demo Wholesale B.V.")

    authorize_in_exact(page, "Grant")

    expect(page).to_have_url(re.compile(r"ExactOnlineCallback=True$"))
    status = page.locator("#connection-status")
    expect(status).to_contain_text("Demo Wholesale B.V.")
    expect(status).to_contain_text("100001")
    expect(status).to_contain_text("Demo User")
    expect(status).to_contain_text("Authorized on")
    expect(page.locator("#rights li.ok")).to_have_count(len(RIGHTS))
    connection = ExactConnection.objects.get(company=demo[0])
    assert connection.division == 100001
    # The other company's page stays out of reach, whatever URL is typed.
    response = page.goto(f"{live_server.url}/other/settings/connector")
    assert response.status == 404


def test_denied_consent_and_a_wrong_name(page, live_server, demo, exact_on_live_server):  # noqa: F811
    log_in(page, live_server.url, "demo", "admin", "admin")
    fill_installation(page, exact_on_live_server.url, "Demo Wholesale B.V.")
    authorize_in_exact(page, "Deny")
    expect(page.get_by_role("status")).to_contain_text("the consent was denied")
    expect(page.locator("#connection-status")).to_contain_text("Not connected")

    fill_installation(page, exact_on_live_server.url, "demo wholesale b.v")
    authorize_in_exact(page, "Grant")

    message = page.get_by_role("status")
    expect(message).to_contain_text("No administration is named exactly “demo wholesale b.v”")
    expect(message).to_contain_text("“Demo Retail Nederland”")
    expect(message).to_contain_text("Did you mean “Demo Wholesale B.V.”?")
    assert not ExactConnection.objects.get(company=demo[0]).refresh_token_encrypted
    assert Client().get("/other/settings/connector").status_code == 302  # not logged in there


@pytest.fixture
def deferred(settings):
    """The worker has not picked the consent check up yet."""
    from tests.salesdesk.integration.sync.sync_support import DUMMY_TASKS

    settings.TASKS = DUMMY_TASKS


@pytest.mark.usefixtures("deferred")
def test_checking_until_the_check_connects(page, live_server, demo, exact_on_live_server):  # noqa: F811
    from salesdesk.integration.connection.tasks import authorization_check
    from salesdesk.integration.models import AuthorizationCheck

    log_in(page, live_server.url, "demo", "admin", "admin")
    fill_installation(page, exact_on_live_server.url, "Demo Wholesale B.V.")

    authorize_in_exact(page, "Grant")

    notice = page.locator("#authorization-check")
    expect(notice).to_contain_text("checking…")
    expect(page.get_by_role("status")).to_contain_text("Salesdesk is checking")
    expect(page.locator("#connection-status")).to_contain_text("Not connected")

    authorization_check.call(AuthorizationCheck.objects.get(company=demo[0]).pk)

    status = page.locator("#connection-status")  # the poll reloads the page when done
    expect(status).to_contain_text("Authorized on", timeout=10_000)
    expect(status).to_contain_text("Demo Wholesale B.V.")
    expect(page.locator("#authorization-check")).to_have_count(0)
    expect(page.locator("#rights li.ok")).to_have_count(len(RIGHTS))
