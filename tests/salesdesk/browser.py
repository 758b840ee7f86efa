"""Shared browser fixtures: Debian's Chromium through Playwright against pytest-django's
live server, and a live sandbox that accepts the live server's callback address.

Import the fixtures you use into your test module:

    from tests.salesdesk.browser import browser, page, exact_on_live_server, log_in  # noqa: F401

and mark the tests `@pytest.mark.browser` and `@pytest.mark.django_db(transaction=True)`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import replace

import pytest

from exact_sandbox.config import DEMO_CLIENT_ID

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


# Module scope, not session: every test module imports these fixtures, which makes each
# module's copy a separate fixture, and two live sync_playwright() instances cannot coexist.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per test module."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "install Debian's chromium (make browser)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh browser context (no cookies) and page per test."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def exact_on_live_server(live_server, live_sandbox, sandbox_state, settings):
    """Point Salesdesk at the live sandbox and its callback at the live server.

    Registers `{live_server.url}/` as a redirect prefix of the sandbox's demo app and
    overrides EXACT_REDIRECT_URI and EXACT_SANDBOX_URL (the Address choice). Returns the
    sandbox handle.
    """
    app = sandbox_state.apps[DEMO_CLIENT_ID]
    prefixes = (*app.redirect_prefixes, f"{live_server.url}/")
    sandbox_state.apps[DEMO_CLIENT_ID] = replace(app, redirect_prefixes=prefixes)
    settings.EXACT_REDIRECT_URI = f"{live_server.url}/exact/callback"
    settings.EXACT_SANDBOX_URL = live_sandbox.url
    return live_sandbox


def log_in(page, base_url: str, slug: str, username: str, password: str) -> None:
    """Walkthrough step 0: the company's own login page, by its labels."""
    page.goto(f"{base_url}/{slug}/login")
    page.get_by_label("Username or e-mail").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/{slug}/**")
