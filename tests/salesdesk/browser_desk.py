"""What the in-process browser tests of orders, quotations, new customers and confirmations
share: a live sandbox on real time, tasks run in the request, static files served, and a demo
company connected to the sandbox with its customers and items (beside a second company).

Import the fixtures into a test module (`# noqa: F401`), as tests.salesdesk.browser's are.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from exact_sandbox.clock import SandboxClock
from tests.salesdesk.factories import connect_company, make_company, make_user
from tests.salesdesk.orders.factories import copy_sandbox_parties

PASSWORD = "correct-horse-battery"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the live server's Exact client uses time.time


@pytest.fixture
def static_files(settings):
    # salesdesk/static is not an app's static folder; until settings list it in
    # STATICFILES_DIRS the live server cannot serve htmx.
    if not settings.STATICFILES_DIRS:
        settings.STATICFILES_DIRS = [settings.BASE_DIR / "salesdesk" / "static"]


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "pictures"],
        }
    }


@dataclass(frozen=True)
class Desk:
    company: object
    user: object
    customers: list
    items: list


def demo_desk(*, live_sandbox, sandbox_state) -> Desk:
    """Company "demo" with its admin, connected to division 100001 and holding copies of
    the sandbox's customers and items; company "other" holds one of each, to stay apart."""
    company = make_company(slug="demo", name="Demo Wholesale")
    user = make_user(company=company, username="admin", password=PASSWORD)
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_state.clock.now)
    customers, items = copy_sandbox_parties(company=company, state=sandbox_state)
    other = make_company(slug="other")
    copy_sandbox_parties(company=other, state=sandbox_state, customers=1, items=1)
    return Desk(company=company, user=user, customers=customers, items=items)
