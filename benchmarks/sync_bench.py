"""Synchronization against the sandbox: first sync, incremental run, and raw throughput.

1. With --latency-ms 150 and Exact's limits (60/min, 5,000/day): a full first sync of
   5,000 items with their prices and 5,000 customers, then an incremental run after 50
   items and 50 customers changed and 10 records deleted.
2. With no latency and no limits: 100,000 items + 100,000 customers stored (the sandbox
   in its own process, so the memory figure is Salesdesk's alone).

Prints a markdown table and the ratio of wall time to time spent waiting on the sandbox.

    python -m benchmarks.sync_bench [--skip-large] [--large-rows 100000]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time

import httpx

FIRST_WALL, INCREMENTAL_WALL, RATE, PEAK_MB = 10.0, 2.0, 20_000, 300
ENTITIES = ("items", "customers", "prices")


class TimedTransport(httpx.HTTPTransport):
    """Counts the seconds the run's thread spends waiting for the sandbox's answers: its own
    requests, and pages read ahead (in another thread) that were not in when it wanted them
    (`timed_ahead`). A page read ahead while the run stores the one before is not waiting."""

    waited = 0.0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            _add_wait(started)


def _add_wait(started: float) -> None:
    if threading.current_thread() is threading.main_thread():
        TimedTransport.waited += time.perf_counter() - started


@contextlib.contextmanager
def timed_ahead():
    from exact_client import Exchange

    join = Exchange.join

    def timed_join(exchange) -> None:
        started = time.perf_counter()
        try:
            join(exchange)
        finally:
            _add_wait(started)

    Exchange.join = timed_join
    try:
        yield
    finally:
        Exchange.join = join


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    os.environ["SALESDESK_VAR_DIR"] = var_dir
    os.environ["SALESDESK_SQLITE_PATH"] = os.path.join(var_dir, "bench.sqlite3")
    os.environ["SALESDESK_TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def connect(slug: str, sandbox_url: str):
    from tests.salesdesk.factories import connect_company, make_company

    company = make_company(slug=slug)
    connect_company(company=company, sandbox=type("Sandbox", (), {"url": sandbox_url}))
    return company


def sync_all(company, entities=ENTITIES) -> tuple[float, float, list]:
    """Run each entity in the foreground; (wall seconds, seconds waiting, runs)."""
    from salesdesk.integration.connection.clients import exact_client_for
    from salesdesk.integration.models import SyncRun
    from salesdesk.integration.sync import runs
    from salesdesk.integration.sync.services import sync_execute

    TimedTransport.waited = 0.0
    client = exact_client_for(company=company, http=httpx.Client(transport=TimedTransport()))
    started, done = time.perf_counter(), []
    with timed_ahead():
        for entity in entities:
            run, _ = runs.sync_run_start(
                company=company, entity=entity, trigger=SyncRun.Trigger.CLI
            )
            run = sync_execute(run=run, client=client)
            assert not run.error, run.error
            done.append(run)
    return time.perf_counter() - started, TimedTransport.waited, done


def allowed_calls(stats_before: dict, stats_after: dict, rows: dict[str, int], extra: int) -> int:
    """One call per 1,000 rows (60 for plain endpoints) per endpoint used, plus `extra`."""
    used = {path for path, n in stats_after.items() if n > stats_before.get(path, 0)}
    budget = 0
    for path in used:
        size = 1000 if path.lower().startswith(("sync/", "bulk/")) else 60
        budget += max(1, math.ceil(rows.get(path, 0) / size))
    return budget + extra


def calls_between(before: dict, after: dict) -> int:
    return sum(after.values()) - sum(before.values())


def small_figures(rows_out: list) -> None:
    from exact_sandbox.config import SandboxConfig
    from exact_sandbox.seed import build_state
    from exact_sandbox.server import serve_in_thread

    state = build_state(SandboxConfig(items=5000, customers=5000, latency_ms=150))
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    try:
        company = connect("first", handle.url)
        division = state.divisions[100001]
        rows = {
            "sync/Logistics/Items": len(division.items),
            "sync/CRM/Accounts": len(division.accounts),
            "sync/Logistics/SalesItemPrices": len(division.item_prices),
            "sync/Sales/SalesPriceListVolumeDiscounts": len(division.volume_discounts),
            "sales/SalesPriceLists": len(division.price_lists),
            "sales/SalesPriceListPeriods": len(division.price_list_periods),
        }
        before = dict(state.stats.calls[100001])
        wall, waited, _ = sync_all(company)
        after = dict(state.stats.calls[100001])
        calls, budget = calls_between(before, after), allowed_calls(before, after, rows, 5)
        rows_out.append(
            ("Full first sync: 5,000 items + prices, 5,000 customers", f"< {FIRST_WALL:.0f} s, "
             f"<= {budget} calls", f"{wall:.2f} s, {calls} calls", wall / max(waited, 1e-9))
        )  # fmt: skip
        _mutate(state)
        before = dict(state.stats.calls[100001])
        wall, waited, _ = sync_all(company)
        after = dict(state.stats.calls[100001])
        used = {p for p, n in after.items() if n > before.get(p, 0)}
        calls, budget = calls_between(before, after), len(used) + 3
        rows_out.append(
            ("Incremental: 50 items + 50 customers changed, 10 deleted",
             f"< {INCREMENTAL_WALL:.0f} s, <= {budget} calls", f"{wall:.2f} s, {calls} calls",
             wall / max(waited, 1e-9))
        )  # fmt: skip
        pictures_figures(rows_out, state, company)
    finally:
        handle.stop()


def pictures_pass(company) -> tuple[float, float, object]:
    from salesdesk.integration.connection.clients import exact_client_for
    from salesdesk.integration.models import SyncRun
    from salesdesk.integration.sync import runs
    from salesdesk.integration.sync.pictures import pictures_execute

    TimedTransport.waited = 0.0
    client = exact_client_for(company=company, http=httpx.Client(transport=TimedTransport()))
    run, _ = runs.sync_run_start(company=company, entity="pictures", trigger=SyncRun.Trigger.CLI)
    started = time.perf_counter()
    run = pictures_execute(run=run, client=client)
    assert not run.error, run.error
    return time.perf_counter() - started, TimedTransport.waited, run


def pictures_figures(rows_out: list, state, company) -> None:
    """The pictures pass on its own: one call per new or changed picture, nothing else.

    Exact has no bulk picture endpoint, so the pass is bound by the rate limit; it is
    measured without latency and limits, and the time under the real limit follows from
    the pass's pacing (it keeps half of each minute's budget for the records).
    """
    state.config.latency_ms = 0
    state.config.minutely_limit = state.config.daily_limit = 10_000_000
    wall, waited, run = pictures_pass(company)
    minutes = run.calls / 30
    rows_out.append(
        ("Pictures pass, first time (no latency, no limits)", "only new or changed pictures",
         f"{run.done:,} pictures, {run.calls:,} calls, {wall:.2f} s; under 60 calls/min it "
         f"paces to 30/min: about {minutes:.0f} min", wall / max(waited, 1e-9))
    )  # fmt: skip
    wall, waited, run = pictures_pass(company)
    rows_out.append(
        ("Pictures pass again, nothing changed", "0 picture calls",
         f"{run.done} pictures, {run.calls} calls, {wall:.2f} s", None)
    )  # fmt: skip


def _mutate(state) -> None:
    with state.lock:
        division, now = state.divisions[100001], state.clock.now()
        for key in list(division.items.keys)[:50]:
            division.touch(division.items, key, {"Description": "Changed"}, now)
        for key in list(division.accounts.keys)[:50]:
            division.touch(division.accounts, key, {"Name": "Changed"}, now)
        for key in list(division.items.keys)[100:105]:
            division.delete_item(key, now)
        for key in list(division.accounts.keys)[100:105]:
            division.delete_account(key, now)


def large_figure(rows_out: list, count: int) -> None:
    port = _free_port()
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "salesdesk.cli", "sandbox", "--port", str(port),
         "--items", str(count), "--customers", str(count), "--latency-ms", "0",
         "--minutely-limit", "100000000", "--daily-limit", "100000000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_up(url)
        company = connect("large", url)
        with StoreTimer() as spent:
            wall, waited, runs = sync_all(company, entities=("items", "customers"))
        stored = sum(run.done for run in runs)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows_out.append(
            (f"{count:,} items + {count:,} customers stored (no latency, no limits)",
             f">= {RATE:,} records/s, < {PEAK_MB} MB peak",
             f"{stored / wall:,.0f} records/s ({stored:,} in {wall:.1f} s; Salesdesk's side "
             f"alone {stored / max(wall - waited, 1e-9):,.0f} records/s), {peak_mb:.0f} MB peak",
             wall / max(waited, 1e-9))
        )  # fmt: skip
        if stored / wall < RATE or peak_mb >= PEAK_MB:
            BREAKDOWN.append(
                f"Not met: {count:,} + {count:,} records stored at {stored / wall:,.0f} "
                f"records/s (target {RATE:,}) with a {peak_mb:.0f} MB peak (target < {PEAK_MB})."
            )
        python = wall - waited - spent["sql"] - spent["commit"]
        BREAKDOWN.append(
            f"Where the {stored:,} records' {wall:.1f} s went in the run's thread, measured in "
            f"the same run: waiting on the sandbox {waited:.1f} s, SQL statements (in {_db()}) "
            f"{spent['sql']:.1f} s, commits {spent['commit']:.1f} s, the rest of its Python "
            f"(preparing rows, bookkeeping) {python:.1f} s. Reading the JSON and mapping run "
            f"in a second thread, a page ahead, and share the interpreter lock with it."
        )
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)


BREAKDOWN: list[str] = []


def _db() -> str:
    from django.db import connection

    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(
        connection.vendor, connection.vendor
    )


class StoreTimer:
    """Adds up the seconds spent in SQL statements and in commits on the default database."""

    def __enter__(self) -> dict[str, float]:
        from django.db import connection

        self.spent = {"sql": 0.0, "commit": 0.0}
        self.connection, self.commit = connection, connection._commit

        def timed_sql(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                self.spent["sql"] += time.perf_counter() - started

        def timed_commit():
            started = time.perf_counter()
            try:
                return self.commit()
            finally:
                self.spent["commit"] += time.perf_counter() - started

        connection.execute_wrappers.append(timed_sql)
        connection._commit = timed_commit
        return self.spent

    def __exit__(self, *exc) -> None:
        self.connection.execute_wrappers.pop()
        self.connection._commit = self.commit


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_up(url: str) -> None:
    deadline = time.monotonic() + 600  # seeding 100,000 + 100,000 records takes a while
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/_sandbox/", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError("the sandbox did not start")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--large-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    rows: list = []
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        small_figures(rows)
        if not args.skip_large:
            large_figure(rows, args.large_rows)
    print_section("## Synchronization (benchmarks/sync_bench.py)", rows)
    return 0


def print_section(heading: str, rows: list) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    date = f"{dt.datetime.now(dt.UTC):%Y-%m-%d}"
    print(f"{heading}\n")
    print("| figure | target | measured | wall / waiting on sandbox | machine | date |")
    print("|---|---|---|---|---|---|")
    for figure, target, measured, ratio in rows:
        shown = "n/a (no calls)" if ratio is None else f"{ratio:.2f}"
        print(f"| {figure} | {target} | {measured} | {shown} | {machine} | {date} |")
    print(
        "\nWall / waiting: wall-clock time of the runs divided by the time spent waiting "
        "for the sandbox's answers (1.0 = Salesdesk adds nothing; the rest is mapping and "
        "storing)."
    )
    for line in BREAKDOWN:
        print(f"\n{line}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
