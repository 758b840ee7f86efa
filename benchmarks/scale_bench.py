"""Fairness at scale: N companies (default 50), each syncing items and customers (2,000 each)
from its own sandbox administration, run by 1 and then by 4 RQ workers on PostgreSQL.

Starts its own PostgreSQL and Redis (scripts/scale/start.sh; Debian packages, installed when
missing) and stops them at the end. Prints a markdown section for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTITIES = ("items", "customers")


def scale_services_start(directory: str, *, durable: bool = False) -> dict[str, str]:
    """Start PostgreSQL and Redis in `directory` (scripts/scale/start.sh); the variables
    that reach them. `durable`: PostgreSQL's default fsync and synchronous commits."""
    env = {**os.environ, "SCALE_PG_DURABLE": "1"} if durable else None
    subprocess.run([str(ROOT / "scripts/scale/start.sh"), directory], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    lines = Path(directory, "env").read_text().splitlines()
    return dict(line.removeprefix("export ").partition("=")[::2] for line in lines)


def start_services(directory: str) -> None:
    os.environ.update(scale_services_start(directory))
    os.environ.update(
        SALESDESK_TASKS="rq", SALESDESK_VAR_DIR=f"{directory}/var", SALESDESK_DB_CONN_MAX_AGE="0"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def clear_round(companies, state) -> None:
    import redis
    from django.conf import settings

    from exact_sandbox.stats import CallStats
    from salesdesk.catalog.models import Item
    from salesdesk.customers.models import Customer
    from salesdesk.integration.models import SyncCursor, SyncRun

    Item.objects.filter(company__in=companies).delete()
    Customer.objects.filter(company__in=companies).delete()
    SyncCursor.objects.filter(company__in=companies).delete()
    SyncRun.objects.filter(company__in=companies).delete()
    redis.Redis.from_url(settings.REDIS_URL).flushdb()
    state.stats = CallStats()


def run_round(companies, state, workers: int) -> dict:
    from salesdesk.integration.models import SyncRun
    from salesdesk.integration.sync.services import sync_request
    from tests.scale.support import Workers, wait_for

    clear_round(companies, state)
    started = time.monotonic()
    for company in companies:
        for entity in ENTITIES:
            sync_request(company=company, entity=entity)
    runs = SyncRun.objects.filter(company__in=companies, entity__in=ENTITIES)
    with Workers(workers, "default"):
        finished = wait_for(lambda: not runs.filter(status__in=SyncRun.ACTIVE).exists(), 3600, 1)
    elapsed = time.monotonic() - started
    return {"workers": workers, "seconds": elapsed, "finished": finished,
            **check_round(companies, state, started)}  # fmt: skip


def check_round(companies, state, started: float) -> dict:
    from django.db.models import Count, Max

    from salesdesk.catalog.models import Item
    from salesdesk.customers.models import Customer
    from salesdesk.integration.models import SyncRun

    runs = SyncRun.objects.filter(company__in=companies, entity__in=ENTITIES)
    per_pair = runs.values("company", "entity").annotate(n=Count("id"))
    codes = sorted(state.divisions)
    exact = all(
        Item.objects.filter(company=c).count() == len(state.divisions[code].items)
        and Customer.objects.filter(company=c).count() == len(state.divisions[code].accounts)
        for c, code in zip(companies, codes, strict=False)
    )
    first_queued = runs.order_by("queued_at").values_list("queued_at", flat=True).first()
    done = runs.values("company").annotate(last=Max("finished_at"))
    waits = sorted((row["last"] - first_queued).total_seconds() for row in done)
    return {
        "duplicates": sum(1 for row in per_pair if row["n"] > 1),
        "failed": runs.exclude(status=SyncRun.Status.SUCCEEDED).count(),
        "exact": exact,
        "first_done": waits[0], "median_done": statistics.median(waits), "last_done": waits[-1],
        "calls": state.stats.total(), "rate_limited": sum(state.stats.rate_limited.values()),
    }  # fmt: skip


def report(args, rounds: list[dict]) -> str:
    one, many = rounds[0], rounds[-1]
    lines = [
        "## Syncs at scale: PostgreSQL + RQ workers (scale_bench)",
        "",
        f"{args.companies} companies, each its own sandbox administration with {args.items:,} "
        f"items and {args.customers:,} customers (Exact's default limits, 60/min and 5,000/day "
        "per administration); one items run and one customers run requested per company, "
        "then `salesdesk worker default` processes started. Sandbox, PostgreSQL, Redis and "
        "workers share this machine.",
        "",
        "| workers | total s | runs failed | duplicate runs | counts exact | first company done s "
        "| median s | last company done s | API calls | 429s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        lines.append(
            f"| {r['workers']} | {r['seconds']:.1f} | {r['failed']} | {r['duplicates']} | "
            f"{'yes' if r['exact'] else 'NO'} | {r['first_done']:.1f} | {r['median_done']:.1f} | "
            f"{r['last_done']:.1f} | {r['calls']} | {r['rate_limited']} |"
        )
    ratio = one["seconds"] / many["seconds"]
    lines += ["", f"Speed-up of {many['workers']} workers over 1: **{ratio:.2f}x** (same run).", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--companies", type=int, default=50)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    directory = tempfile.mkdtemp(prefix="salesdesk-scale-bench.")
    handle = None
    try:
        start_services(directory)
        from exact_sandbox.server import serve_in_thread
        from tests.scale.support import connect_companies, scale_state

        state = scale_state(args.companies, args.items, args.customers)
        handle = serve_in_thread(state, host="127.0.0.1", port=0)
        companies = connect_companies(handle, state)
        rounds = [run_round(companies, state, n) for n in (1, args.workers)]
        print(report(args, rounds))
        ok = all(r["finished"] and r["exact"] and not r["failed"] and not r["duplicates"]
                 for r in rounds)  # fmt: skip
        return 0 if ok else 1
    finally:
        if handle is not None:
            handle.stop()
        if "django" in sys.modules and "DATABASE_URL" in os.environ:
            from django.db import connections

            connections.close_all()
        subprocess.run([str(ROOT / "scripts/scale/stop.sh"), directory], check=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
