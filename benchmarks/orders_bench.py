"""Orders sent to the sandbox under faults: exactly once, calls per order, orders per minute.

Submits N orders of 5 lines (default 1,000) for a company connected to a sandbox with
Exact's real rate limits (60 calls a minute), random faults on 10% of the calls (500, 503,
429, dropped after the commit) and, on top, planned drops of the connection after an order
was stored. The outbox then sends everything in this process; time waited for the rate
limit runs on the sandbox clock, so "orders per minute" is what the limit allows, not what
this machine does. Prints a markdown table; exits 1 if any order is missing or doubled.

Then, on the same fault model, what issue 20 added (benchmarks/orders_issue20.py): orders
with the whole header (some with a typed new delivery address), quotations sent and
converted into sales orders, and new customers each with an order; one table each.

    python -m benchmarks.orders_bench [--orders 1000] [--fault-rate 0.1] [--drops 10]
        [--header-orders 1000] [--typed-every 5] [--quotations 300] [--customers 300]
        [--namesake-every 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal

CALLS_PER_ORDER_GOAL = 1.2


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    os.environ["SALESDESK_VAR_DIR"] = var_dir
    os.environ["SALESDESK_SQLITE_PATH"] = os.path.join(var_dir, "orders-bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare(state, handle, orders: int, lines: int, slug: str):
    """A connected company with real customers and items, and `orders` submitted orders."""
    from exact_sandbox.app import make_app
    from salesdesk.integration.connection.clients import exact_client_for
    from salesdesk.orders.lines import LineInput
    from salesdesk.orders.services import OrderHeader, order_create, order_submit
    from salesdesk.tenants.models import Company
    from tests.salesdesk.factories import connect_company
    from tests.salesdesk.orders.factories import copy_sandbox_parties
    from tests.sandbox_fixtures import sandbox_client

    company = Company.objects.create(slug=slug, name=f"Bench {slug}")
    connect_company(company=company, sandbox=handle, clock=state.clock.now)
    customers, items = copy_sandbox_parties(company=company, state=state, customers=50, items=60)
    now = datetime.fromtimestamp(state.clock.now(), tz=UTC)
    for n in range(orders):
        chosen = [items[(n + k * 7) % len(items)] for k in range(lines)]
        order = order_create(
            company=company,
            user=None,
            header=OrderHeader(customer=customers[n % len(customers)], your_ref=f"PO-{n}"),
            lines=[LineInput(item=item, quantity=Decimal(1 + n % 4)) for item in chosen],
        )
        order_submit(order=order, now=now)
    client = exact_client_for(
        company=company,
        http=sandbox_client(make_app(state), base_url=handle.url),
        clock=state.clock.now,
        sleep=state.clock.advance,
    )
    return company, client


def run(args, *, fault_rate: float, drops: int, slug: str) -> dict:
    from exact_sandbox.clock import SandboxClock
    from exact_sandbox.config import SandboxConfig
    from exact_sandbox.seed import build_state
    from exact_sandbox.server import serve_in_thread
    from salesdesk.integration.order_push.tasks import outbox_drain
    from salesdesk.orders.models import Order

    state = build_state(SandboxConfig(items=500, customers=300, seed=11), SandboxClock())
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    try:
        company, client = prepare(state, handle, args.orders, args.lines, slug)
    finally:
        handle.stop()
    state.config.fault_rate = fault_rate
    step = max(1, args.orders // max(1, drops))
    for skip in range(step // 2, args.orders, step)[:drops]:
        state.faults.add("drop_after_commit", "salesorder/SalesOrders", method="POST", skip=skip)
    calls_before, faults_before = state.stats.total(100001), state.stats.faults_fired
    sandbox_start, wall_start = state.clock.now(), time.perf_counter()
    outbox_drain(
        company=company,
        connect=lambda _company: client,
        clock=lambda: datetime.fromtimestamp(state.clock.now(), tz=UTC),
        sleep=state.clock.advance,
    )
    sandbox_minutes = (state.clock.now() - sandbox_start) / 60
    stored = list(state.divisions[100001].sales_orders)
    # Salesdesk's number is in Description; YourRef holds the customer's PO (mapping/orders.py).
    by_ref = {row["Description"]: row for row in stored}
    orders = Order.objects.filter(company=company)
    right = sum(
        1
        for number, status, exact_number in orders.values_list(
            "number", "status", "exact_order_number"
        )
        if status == Order.Status.SUBMITTED
        and number in by_ref
        and by_ref[number]["OrderNumber"] == exact_number
    )
    calls = state.stats.total(100001) - calls_before
    return {
        "label": f"{fault_rate:.0%} random faults + {drops} drops after commit",
        "orders": args.orders,
        "stored": len(stored),
        "duplicates": len(stored) - len(by_ref),
        "right": right,
        "found": orders.filter(events__message__contains="found in Exact").count(),
        "faults": state.stats.faults_fired - faults_before,
        "calls": calls,
        "calls_per_order": calls / args.orders,
        "per_minute": args.orders / sandbox_minutes if sandbox_minutes else float("inf"),
        "sandbox_minutes": sandbox_minutes,
        "wall_seconds": time.perf_counter() - wall_start,
    }


def exactly_once(r: dict) -> bool:
    return r["stored"] == r["orders"] == r["right"] and r["duplicates"] == 0


ROWS = (
    ("Orders submitted", lambda r: f"{r['orders']:,}"),
    ("Faults that fired", lambda r: f"{r['faults']:,}"),
    ("Sales orders in the sandbox", lambda r: f"{r['stored']:,}"),
    ("Duplicates", lambda r: f"{r['duplicates']}"),
    ("Submitted with the right OrderNumber", lambda r: f"{r['right']:,}"),
    ("Found by the look-up after an unclear answer", lambda r: f"{r['found']:,}"),
    ("Exact calls", lambda r: f"{r['calls']:,}"),
    (f"Calls per order (goal <= {CALLS_PER_ORDER_GOAL})", lambda r: f"{r['calls_per_order']:.3f}"),
    ("Orders per minute (60 calls/minute limit)", lambda r: f"{r['per_minute']:.1f}"),
    ("Sandbox time", lambda r: f"{r['sandbox_minutes']:.1f} min"),
    ("Wall time on this machine", lambda r: f"{r['wall_seconds']:.1f} s"),
    ("Exactly once", lambda r: "yes" if exactly_once(r) else "NO"),
)


def table(args, results: list[dict]) -> str:
    lines = [
        "## Orders to Exact Online, exactly once",
        "",
        f"{args.orders:,} orders of {args.lines} lines; rate limit waits run on the sandbox clock.",
        "",
        "| Figure | " + " | ".join(r["label"] for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in ROWS]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--fault-rate", type=float, default=0.1)
    parser.add_argument("--drops", type=int, default=10)
    parser.add_argument("--header-orders", type=int, default=1000)
    parser.add_argument("--typed-every", type=int, default=5)
    parser.add_argument("--quotations", type=int, default=300)
    parser.add_argument("--customers", type=int, default=300)
    parser.add_argument("--namesake-every", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orders-bench-") as var_dir:
        setup_django(var_dir)
        results = [
            run(args, fault_rate=args.fault_rate, drops=args.drops, slug="faults"),
            run(args, fault_rate=0.0, drops=0, slug="clean"),
        ]
        from benchmarks.orders_issue20 import sections

        more, more_once = sections(args)
    print(table(args, results) + "\n\n" + more)
    return 0 if all(exactly_once(r) for r in results) and more_once else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
