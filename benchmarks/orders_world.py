"""The world of the orders benchmark's issue-20 scenarios: a sandbox and a connected company.

Each scenario gets a fresh sandbox (the same seed as the 1,000-orders table) and a company
that holds the division's customers, items, addresses, contacts, shipping methods and
payment conditions, read from the sandbox through the real sync, so an order header names
what Exact really has. The Exact client runs on the sandbox clock (rate-limit waits take no
real time) and through a request recorder, which lets a scenario read, after the run, what
Salesdesk asked (a look-up is a GET on the endpoint it posts to).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

DIVISION = 100001
SYNCED = ("customers", "addresses", "contacts")  # customers bring the order terms
_worlds = itertools.count(1)  # each world's company gets a slug of its own


@dataclass
class World:
    state: object
    company: object
    client: object
    recorder: object
    customers: list = field(default_factory=list)
    items: list = field(default_factory=list)
    seeded_accounts: frozenset = frozenset()  # the accounts Exact had before the run

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.state.clock.now(), tz=UTC)

    def connect(self, company):
        assert company.pk == self.company.pk  # never another company's client
        return self.client

    def calls(self) -> int:
        return self.state.stats.total(DIVISION)

    @property
    def data(self):
        return self.state.divisions[DIVISION]


def world_open(slug: str) -> World:
    """A fresh sandbox and a company connected to it, with the division's records synced."""
    from exact_sandbox.app import make_app
    from exact_sandbox.clock import SandboxClock
    from exact_sandbox.config import SandboxConfig
    from exact_sandbox.recording import RequestRecorder
    from exact_sandbox.seed import build_state
    from exact_sandbox.server import serve_in_thread
    from salesdesk.integration.connection.clients import exact_client_for
    from tests.salesdesk.factories import connect_company, make_company
    from tests.salesdesk.orders.factories import copy_sandbox_parties
    from tests.sandbox_fixtures import sandbox_client

    state = build_state(SandboxConfig(items=500, customers=300, seed=11), SandboxClock())
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    try:
        slug = f"{slug}-{next(_worlds)}"
        company = make_company(slug=slug, name=f"Bench {slug}")
        connect_company(company=company, sandbox=handle, clock=state.clock.now)
        recorder = RequestRecorder(make_app(state))
        client = exact_client_for(
            company=company,
            http=sandbox_client(recorder, base_url=handle.url),
            clock=state.clock.now,
            sleep=state.clock.advance,
        )
    finally:
        handle.stop()
    customers, items = copy_sandbox_parties(company=company, state=state, customers=50, items=60)
    seeded = frozenset(row["ID"] for row in state.divisions[DIVISION].accounts)
    world = World(state, company, client, recorder, customers, items, seeded)
    _sync(world)
    recorder.exchanges.clear()  # only the measured run's requests count
    return world


def _sync(world: World) -> None:
    from salesdesk.integration.models import SyncRun
    from salesdesk.integration.sync import runs
    from salesdesk.integration.sync.services import sync_execute

    for entity in SYNCED:
        run, _ = runs.sync_run_start(
            company=world.company, entity=entity, trigger=SyncRun.Trigger.CLI
        )
        run = sync_execute(
            run=run, client=world.client, clock=world.state.clock.now,
            sleep=world.state.clock.advance,
        )  # fmt: skip
        if run.error:
            raise RuntimeError(f"sync of {entity} failed: {run.error}")


def faults_plan(world: World, *, fault_rate: float, drops: dict[str, tuple[int, int]]) -> None:
    """Random faults on `fault_rate` of all calls, and per POST path (drops, posts expected)
    that many connections dropped after Exact stored the record, spread over the posts."""
    world.state.config.fault_rate = fault_rate
    for path, (count, posts) in drops.items():
        step = max(1, posts // max(1, count))
        for skip in range(step // 2, posts, step)[:count]:
            world.state.faults.add("drop_after_commit", path, method="POST", skip=skip)


@dataclass
class Measured:
    calls: int
    faults: int
    sandbox_minutes: float
    wall_seconds: float


def measured(world: World, work: Callable[[], object]) -> Measured:
    """Run `work`, counting Exact calls, faults fired, sandbox and wall time."""
    stats = world.state.stats
    calls, faults = world.calls(), stats.faults_fired
    sandbox_start, wall_start = world.state.clock.now(), time.perf_counter()
    work()
    return Measured(
        calls=world.calls() - calls,
        faults=stats.faults_fired - faults,
        sandbox_minutes=(world.state.clock.now() - sandbox_start) / 60,
        wall_seconds=time.perf_counter() - wall_start,
    )


def drain(world: World, *, accounts: bool = False) -> None:
    """Send everything queued, accounts first when asked, like the worker's two outboxes:
    each round sends what is due of both, then waits (on the sandbox clock) for the next."""
    from salesdesk.customers.account_outbox import account_due_ids, account_next_due_at
    from salesdesk.integration.account_push.services import account_send
    from salesdesk.integration.order_push.services import order_send
    from salesdesk.orders.outbox import outbox_due_ids, outbox_next_due_at

    company = world.company
    while True:
        due_accounts = []
        if accounts:
            due_accounts = account_due_ids(now=world.now(), company_ids=[company.pk])
        for customer_id in due_accounts:
            account_send(customer_id=customer_id, connect=world.connect, clock=world.now)
        due = outbox_due_ids(now=world.now(), company_id=company.pk)
        for order_id in due:
            order_send(order_id=order_id, connect=world.connect, clock=world.now)
        if due or due_accounts:
            continue
        waits = [outbox_next_due_at(company_id=company.pk)]
        if accounts:
            waits.append(account_next_due_at(company_id=company.pk))
        waits = [at for at in waits if at is not None]
        if not waits:
            return
        world.state.clock.advance(max(0.0, (min(waits) - world.now()).total_seconds()) + 0.001)
