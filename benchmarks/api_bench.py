"""Server time of the reps' API: the delta feed's full download and its "nothing changed"
call, and placing an order, with 100,000 items and 100,000 customers.

Builds a SQLite database (a file, WAL, like production) with the items, customers, item
prices and price list lines, written per page of 1,000 with one change version per page as
the sync does; then, through Django's test client with a rep's token: a first download of
everything in pages of 1,000 (plain and gzip), the "nothing changed" call, and POST /orders
with 5 lines and a new Idempotency-Key each time. Prints a markdown table.

    python -m benchmarks.api_bench [--rows 100000] [--repeat 50]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal

FULL_RECORDS_PER_S, UNCHANGED_P95_MS, ORDER_P95_MS = 30_000, 20, 50
PAGE = 1000


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    os.environ["SALESDESK_VAR_DIR"] = var_dir
    os.environ["SALESDESK_SQLITE_PATH"] = os.path.join(var_dir, "api-bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(rows: int, rng: random.Random):
    """The company, its data and a rep's token; returns (company, raw token, customers, items)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from salesdesk.api.tokens import rep_token_create
    from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod, VolumeDiscount
    from salesdesk.customers.models import Customer
    from salesdesk.tenants.changes import version_next
    from salesdesk.tenants.models import Company, Membership

    # Every rep sees every customer here (Administration > Users: "All reps see all customers").
    company = Company.objects.create(
        slug="bench", name="Bench Wholesale", reps_see_all_customers=True
    )
    user = get_user_model().objects.create_user("rep", email="rep@example.com", password="x")
    Membership.objects.create(company=company, user=user, role=Membership.Role.REP)
    price_list = PriceList.objects.create(company=company, exact_id=uuid.uuid4(), code="PL")
    period = PriceListPeriod.objects.create(
        company=company, exact_id=uuid.uuid4(), price_list=price_list
    )

    def pages(make, model, count):
        for start in range(0, count, PAGE):
            with transaction.atomic():
                version = version_next(company=company)
                model.objects.bulk_create(
                    [make(n, version) for n in range(start, min(count, start + PAGE))]
                )

    pages(lambda n, v: Item(
        company=company, exact_id=uuid.UUID(int=rng.getrandbits(128)), code=f"ART-{n:06d}",
        description=f"Item {n} {rng.choice(['bolt', 'nut', 'koffie', 'thee'])}",
        group_code=str(100 + n % 8), group_description=f"Group {n % 8}", unit="stuk",
        unit_description="Stuk", barcode=f"87{n:011d}", vat_percentage=Decimal("0.21"),
        standard_price=Decimal(rng.randint(100, 100_000)) / 100, stock=Decimal(n % 500),
        row_version=v,
    ), Item, rows)  # fmt: skip
    pages(lambda n, v: Customer(
        company=company, exact_id=uuid.UUID(int=rng.getrandbits(128)),
        code=str(n).rjust(18), code_display=str(n), name=f"Customer {n} B.V.",
        address_line1=f"Dorpsstraat {n % 300}", postcode="3511 AA", city="Utrecht",
        country="NL", email=f"info{n}@example.com", price_list=price_list if n % 3 else None,
        row_version=v,
    ), Customer, rows)  # fmt: skip
    item_pks = list(Item.objects.filter(company=company).values_list("pk", flat=True))
    pages(lambda n, v: ItemPrice(
        company=company, exact_id=uuid.uuid4(), item_id=item_pks[n], price=Decimal("9.95"),
        row_version=v,
    ), ItemPrice, rows // 10)  # fmt: skip
    pages(lambda n, v: VolumeDiscount(
        company=company, exact_id=uuid.uuid4(), period=period, item_id=item_pks[n * 3],
        quantity=Decimal(10), method=VolumeDiscount.Method.NEW_PRICE, new_price=Decimal("8.5"),
        row_version=v,
    ), VolumeDiscount, rows // 10)  # fmt: skip
    _, raw = rep_token_create(company=company, user=user, name="bench")
    customers = list(Customer.objects.filter(company=company)[:50])
    items = list(Item.objects.filter(company=company)[:200])
    return company, raw, customers, items


def full_download(client, headers) -> tuple[float, int, int, str, int]:
    """(seconds, records, pages, last cursor, bytes) of a first download of everything."""
    import orjson

    cursor, records, pages, size, elapsed = None, 0, 0, 0, 0.0
    while True:
        params = {"limit": PAGE} | ({"since": cursor} if cursor else {})
        start = time.perf_counter()
        response = client.get("/api/v1/changes", params, headers=headers)
        elapsed += time.perf_counter() - start
        size += len(response.content)
        if response.get("Content-Encoding") == "gzip":
            import gzip

            body = orjson.loads(gzip.decompress(response.content))
        else:
            body = orjson.loads(response.content)
        records += sum(len(rows) for rows in body["changes"].values())
        pages += 1
        cursor = body["cursor"]
        if not body["has_more"]:
            return elapsed, records, pages, cursor, size


def timed(call, repeat: int) -> list[float]:
    call()  # warm-up
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]


def order_body(customers, items, rng) -> dict:
    lines = [
        {"item_id": str(item.exact_id), "quantity": str(rng.randint(1, 20))}
        for item in rng.sample(items, 5)
    ]
    return {"customer_id": str(rng.choice(customers).exact_id), "lines": lines}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from django.test import Client

        started = time.perf_counter()
        _, raw, customers, items = build(args.rows, rng)
        built = time.perf_counter() - started
        client, auth = Client(), {"Authorization": f"Bearer {raw}"}
        plain = full_download(client, auth)
        zipped = full_download(client, auth | {"Accept-Encoding": "gzip"})
        cursor = plain[3]
        unchanged = timed(
            lambda: client.get("/api/v1/changes", {"since": cursor}, headers=auth), args.repeat
        )

        def place():
            key = {"Idempotency-Key": str(uuid.uuid4())}
            body = order_body(customers, items, rng)
            response = client.post(
                "/api/v1/orders", body, content_type="application/json", headers=auth | key
            )
            if response.status_code != 201:
                raise SystemExit(f"POST /orders answered {response.status_code}")

        orders = timed(place, args.repeat)
        rows = [
            _full_row("plain JSON", plain),
            _full_row("gzip", zipped),
            _timed_row('"Nothing changed" call (`since` = the last cursor)', unchanged,
                       UNCHANGED_P95_MS),
            _timed_row("Place an order (5 lines, new Idempotency-Key)", orders, ORDER_P95_MS),
        ]  # fmt: skip
        print("## Reps' API: delta feed and orders\n")
        print(
            f"{args.rows:,} items, {args.rows:,} customers, {args.rows // 10:,} item prices and "
            f"{args.rows // 10:,} price list lines in SQLite (built in {built:.0f} s), through "
            f"Django's test client with a rep's token; server time. Targets: a first download "
            f'in pages of {PAGE:,} at {FULL_RECORDS_PER_S:,}+ records/s, "nothing changed" '
            f"p95 < {UNCHANGED_P95_MS} ms, placing an order p95 < {ORDER_P95_MS} ms.\n"
        )
        print("| measurement | result | target |")
        print("|---|---:|---|")
        missed = 0
        for label, result, ok in rows:
            missed += not ok
            print(f"| {label} | {result} | {'met' if ok else 'MISSED'} |")
        print(f"\n{'All targets met.' if not missed else f'{missed} target(s) missed.'}")
    return 0


def _full_row(how: str, result) -> tuple[str, str, bool]:
    elapsed, records, pages, _, size = result
    rate = records / elapsed
    label = f"First download, {how}: {records:,} records in {pages} pages, {size / 2**20:.0f} MiB"
    return label, f"{rate:,.0f} records/s ({elapsed:.1f} s)", rate >= FULL_RECORDS_PER_S


def _timed_row(label: str, timings: list[float], target_ms: float) -> tuple[str, str, bool]:
    result = f"p50 {statistics.median(timings):.1f} ms, p95 {p95(timings):.1f} ms"
    return label, result, p95(timings) < target_ms


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
