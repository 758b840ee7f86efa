"""Walkthrough step 3 in Chromium: the indicator goes red while the run works, then blue.

How the task worker runs: pytest-django's live server uses SQLite's in-memory test
database, which a `salesdesk db_worker` subprocess cannot open, and a worker thread in this
process trips over SQLite's shared-cache table locks (they fail at once instead of
waiting) or, on the live server's shared connection, mixes its transactions with the
requests'. So this test runs Salesdesk as the demo does, on a database file in a temporary
directory: `salesdesk migrate`, then `salesdesk runserver` and `salesdesk db_worker` as
subprocesses (WAL and a busy timeout let them share the file), against the live sandbox.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401

PASSWORD = "correct-horse-battery"
ROOT = Path(__file__).resolve().parents[4]
SETUP = """
from tests.salesdesk.factories import connect_company, make_company, make_user
class Sandbox:
    url = {url!r}
company = make_company(slug="demo", name="Demo Wholesale")
make_user(company=company, username="admin", password={password!r})
connect_company(company=company, sandbox=Sandbox)
"""


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    # Slow enough (total + 3 pages + deletions at 300 ms each) to watch the indicator run.
    return SandboxConfig(items=2500, customers=50, latency_ms=300)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # the subprocesses run on the wall clock


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _salesdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "salesdesk.cli", *args]


@pytest.fixture
def salesdesk_server(tmp_path, live_sandbox) -> Iterator[str]:
    """Salesdesk on a database file, with its task worker; yields the base URL."""
    # Always its own database file, also when the suite runs on PostgreSQL (make test-scale):
    # a shared database would hold the previous test's "demo" company.
    outside = {"DATABASE_URL", "REDIS_URL", "SALESDESK_TASKS"}
    env = {
        **{name: value for name, value in os.environ.items() if name not in outside},
        "SALESDESK_VAR_DIR": str(tmp_path),
        "SALESDESK_SQLITE_PATH": str(tmp_path / "salesdesk.sqlite3"),
        "PYTHONPATH": str(ROOT),
        "SALESDESK_EXACT_ALLOW_LOOPBACK": "1",  # the sandbox is on a loopback port
    }
    run = {"env": env, "cwd": ROOT, "check": True, "capture_output": True, "timeout": 120}
    subprocess.run(_salesdesk("migrate", "--noinput"), **run)
    setup = SETUP.format(url=live_sandbox.url, password=PASSWORD)
    subprocess.run(_salesdesk("shell", "-c", setup), **run)
    port = _free_port()
    quiet = {"env": env, "cwd": ROOT, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(_salesdesk("runserver", f"127.0.0.1:{port}", "--noreload"), **quiet)
    worker = subprocess.Popen(
        _salesdesk("db_worker", "--queue-name", "default", "--interval", "0.2",
                   "--no-startup-delay", "--no-reload"),
        **quiet,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/demo/login")
        yield base
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=15)


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"Salesdesk did not come up at {url}")


@pytest.mark.browser
def test_synchronize_items_goes_red_then_blue_with_count_and_time(
    page,  # noqa: F811
    salesdesk_server,
):
    log_in(page, salesdesk_server, "demo", "admin", PASSWORD)
    page.goto(f"{salesdesk_server}/demo/settings/installation")

    section = page.locator("#synchronize")
    section.get_by_role("heading", name="Synchronize").wait_for()
    row = section.locator(".sync-row", has_text="Stored items")
    row.wait_for()
    assert row.get_attribute("aria-busy") == "false"
    assert "running" not in row.locator(".indicator").get_attribute("class")

    row.get_by_role("button", name="Synchronize items").click()
    busy = section.locator('.sync-row[aria-busy="true"]', has_text="Stored items")
    busy.wait_for()
    assert "running" in busy.locator(".indicator").get_attribute("class")
    assert "Running" in busy.locator(".sync-status").inner_text()
    # Progress as records done out of the total, updated without a reload.
    section.locator(".sync-row", has_text=re.compile(r"of 2500 records")).wait_for(timeout=20_000)

    idle = section.locator('.sync-row[aria-busy="false"]', has_text="Stored items")
    idle.wait_for(timeout=30_000)
    assert "running" not in idle.locator(".indicator").get_attribute("class")
    assert idle.locator(".sync-count").inner_text() == "2500"
    assert re.search(r"Last synchronized: \d\d-\d\d-\d{4} \d\d:\d\d", idle.inner_text())
