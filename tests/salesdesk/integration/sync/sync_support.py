"""Helpers for the sync tests: a company connected to a live sandbox, and sandbox changes."""

from __future__ import annotations

from exact_sandbox.data.division import DivisionData
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.services import sync_execute
from tests.salesdesk.factories import connect_company, make_company, make_user

DIVISION = 100001
QUEUES = ["default", "pictures"]
IMMEDIATE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": QUEUES}
}
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": QUEUES}}


def connected_company(sandbox, clock, *, slug: str | None = None):
    company = make_company(slug=slug)
    make_user(company=company)
    connect_company(company=company, sandbox=sandbox, division=DIVISION, clock=clock.now)
    return company


def client_for(company, clock):
    return exact_client_for(company=company, clock=clock.now, sleep=clock.advance)


def run_sync(company, entity: str, clock, *, client=None, full: bool = False) -> SyncRun:
    """Start and execute one run in the foreground (as the `sync` command does)."""
    run, created = runs.sync_run_start(
        company=company, entity=entity, trigger=SyncRun.Trigger.CLI, full=full
    )
    assert created
    client = client or client_for(company, clock)
    return sync_execute(run=run, client=client, clock=clock.now, sleep=clock.advance)


def division_of(state) -> DivisionData:
    return state.divisions[DIVISION]


def live_ids(table) -> set[str]:
    return set(table.rows)


def change_rows(state, table_name: str, count: int, changes: dict) -> list[str]:
    """Touch the first `count` rows of a table (new rowversion, Modified now)."""
    with state.lock:
        division = division_of(state)
        table = getattr(division, table_name)
        keys = list(table.keys)[:count]
        for key in keys:
            division.touch(table, key, dict(changes), state.clock.now())
    return keys


def delete_items(state, count: int, *, offset: int = 0) -> list[str]:
    with state.lock:
        division = division_of(state)
        keys = list(division.items.keys)[offset : offset + count]
        for key in keys:
            division.delete_item(key, state.clock.now())
    return keys


def delete_accounts(state, count: int, *, offset: int = 0) -> list[str]:
    with state.lock:
        division = division_of(state)
        keys = list(division.accounts.keys)[offset : offset + count]
        for key in keys:
            division.delete_account(key, state.clock.now())
    return keys
