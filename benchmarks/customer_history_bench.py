"""Server time of the customer page (six sections from Exact's history), the item page's
Stock section and Item management's stock column, at issue 19's size.

2,000 customers with 20,000 sales order lines and 20,000 invoice lines of history over two
years, open items, 5,000 addresses and 5,000 contacts; 5,000 items × 3 warehouses of stock.
Written through the services the sync calls (one page of up to 1,000 rows a call), so the
build time is also the domain's share of a first sync. Prints p50/p95 and queries per page.

    python -m benchmarks.customer_history_bench [--customers 2000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal

from benchmarks.pages_bench import DETAIL_P95_MS, LIST_P95_MS, measure, setup_django

PAGE = 1000


def _pages(rows: list[dict]):
    for start in range(0, len(rows), PAGE):
        yield rows[start : start + PAGE]


def _write(upsert, company, rows, now) -> None:
    for page in _pages(rows):
        upsert(company=company, rows=page, synced_at=now)


def build(customers: int, rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from salesdesk.catalog.models import Item
    from salesdesk.catalog.stock_services import stock_positions_upsert
    from salesdesk.customers.contact_services import addresses_upsert, contacts_upsert
    from salesdesk.customers.models import Customer
    from salesdesk.history import services
    from salesdesk.tenants.models import Company, Membership

    company = Company.objects.create(slug="bench", name="Bench Wholesale")
    user = get_user_model().objects.create_user("bench", password="bench-password-1")
    Membership.objects.create(company=company, user=user, role="admin")
    now, today = timezone.now(), date.today()
    items = Item.objects.bulk_create(
        Item(company=company, exact_id=uuid.uuid4(), code=f"ART-{n:05d}", description=f"Item {n}")
        for n in range(5000)
    )
    people = Customer.objects.bulk_create(
        Customer(company=company, exact_id=uuid.uuid4(), code=str(n).rjust(18),
                 code_display=str(n), name=f"Customer {n}", credit_limit=Decimal("5000"),
                 blocked=rng.random() < 0.05)
        for n in range(customers)
    )  # fmt: skip
    stock = [
        {"exact_id": uuid.uuid4(), "item_exact_id": item.exact_id, "warehouse_exact_id": None,
         "warehouse_code": code, "warehouse_description": code,
         "free": Decimal(rng.randrange(-5, 90)),
         "reserved": Decimal(rng.randrange(9)), "planned_in": Decimal(0), "planned_out": Decimal(0),
         "current": Decimal(50), "projected": Decimal(50), "unit": "pc"}
        for item in items for code in ("MAIN", "NORTH", "SOUTH")
    ]  # fmt: skip
    _write(stock_positions_upsert, company, stock, now)
    orders, order_lines, invoices, invoice_lines, open_items = [], [], [], [], []
    # Customers' histories are uneven: a tenth of them buys half of everything.
    weights = [10 if n < customers // 10 else 1 for n in range(customers)]
    for n in range(customers * 2):
        who = rng.choices(people, weights)[0].exact_id
        day = today - timedelta(days=rng.randrange(730))
        order_id, invoice_id = uuid.uuid4(), uuid.uuid4()
        orders.append({"exact_id": uuid.uuid4(), "order_exact_id": order_id, "number": n,
                       "customer_exact_id": who, "order_date": day, "status": 21,
                       "delivery_status": 21, "invoice_status": 21,
                       "amount_excl_vat": Decimal("120.00")})  # fmt: skip
        invoices.append({"exact_id": invoice_id, "number": 50000 + n, "customer_exact_id": who,
                         "invoice_date": day, "due_date": day + timedelta(30),
                         "amount_excl_vat": Decimal("120.00")})  # fmt: skip
        for line in range(1, 6):
            item = rng.choice(items[:800])
            order_lines.append({"exact_id": uuid.uuid4(), "order_exact_id": order_id,
                                "order_number": n, "line_number": line,
                                "item_exact_id": item.exact_id, "item_code": item.code,
                                "quantity": Decimal(3), "quantity_delivered": Decimal(3),
                                "quantity_invoiced": Decimal(3)})  # fmt: skip
            invoice_lines.append({"exact_id": uuid.uuid4(), "invoice_exact_id": invoice_id,
                                  "invoice_number": 50000 + n, "line_number": line,
                                  "customer_exact_id": who, "invoice_date": day,
                                  "item_exact_id": item.exact_id, "item_code": item.code,
                                  "item_description": item.description, "quantity": Decimal(3),
                                  "unit_price": Decimal("8.00"),
                                  "order_exact_id": order_id})  # fmt: skip
        if day > today - timedelta(90):
            open_items.append({"exact_id": uuid.uuid4(), "customer_exact_id": who,
                               "invoice_number": 50000 + n, "due_date": day + timedelta(30),
                               "amount": Decimal("145.20")})  # fmt: skip
    for upsert, rows in (
        (services.sales_orders_upsert, orders), (services.sales_order_lines_upsert, order_lines),
        (services.sales_invoices_upsert, invoices),
        (services.sales_invoice_lines_upsert, invoice_lines),
        (services.open_items_upsert, open_items),
    ):  # fmt: skip
        _write(upsert, company, rows, now)
    places = [{"exact_id": uuid.uuid4(), "customer_exact_id": rng.choice(people).exact_id,
               "type": rng.choice([1, 3, 4, 4]), "line1": "Kade 1", "city": "Utrecht"}
              for _ in range(customers * 5 // 2)]  # fmt: skip
    _write(addresses_upsert, company, places, now)
    contacts = [{"exact_id": uuid.uuid4(), "customer_exact_id": rng.choice(people).exact_id,
                 "first_name": "Anna", "last_name": f"Visser {n}"}
                for n in range(customers * 5 // 2)]  # fmt: skip
    _write(contacts_upsert, company, contacts, now)
    heavy = max(people[: customers // 10], key=lambda c: sum(
        1 for line in invoice_lines if line["customer_exact_id"] == c.exact_id))  # fmt: skip
    return {"user": user, "heavy": heavy, "typical": people[-1], "item": items[0],
            "counts": (len(order_lines), len(invoice_lines), len(open_items))}  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from django.test import Client

        started = time.perf_counter()
        data = build(args.customers, random.Random(19))
        built = time.perf_counter() - started
        client = Client()
        client.force_login(data["user"])
        order_lines, invoice_lines, open_items = data["counts"]
        print("## Customer history and stock pages\n")
        print(
            f"{args.customers:,} customers, {order_lines:,} order lines, {invoice_lines:,} "
            f"invoice lines, {open_items:,} open items, 5,000 items × 3 warehouses in SQLite, "
            f"written page by page through the sync's services in {built:.0f} s; each page "
            f"fetched {args.repeat} times after one warm-up; server time in ms. "
            f"Targets: detail pages p95 < {DETAIL_P95_MS} ms, lists p95 < {LIST_P95_MS} ms.\n"
        )
        print("| page | p50 ms | p95 ms | queries | target |")
        print("|---|---:|---:|---:|---|")
        missed = 0
        customers, items = "/bench/customers/", "/bench/items/"
        for target, label, url in (
            (
                DETAIL_P95_MS,
                "Customer page, a heavy buyer",
                f"{customers}{data['heavy'].exact_id}/",
            ),
            (
                DETAIL_P95_MS,
                "Customer page, a typical one",
                f"{customers}{data['typical'].exact_id}/",
            ),
            (DETAIL_P95_MS, "Item page with stock", f"{items}{data['item'].exact_id}/"),
            (LIST_P95_MS, "Items: filter in stock", f"{items}?in_stock=yes"),
            (LIST_P95_MS, "Items: sort by free stock, descending", f"{items}?sort=-free"),
            (LIST_P95_MS, "Items: in stock, last page", f"{items}?in_stock=yes&last=1"),
        ):
            measure(client, url, 1)
            timings, queries = measure(client, url, args.repeat)
            p50, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
            missed += p95 >= target
            print(f"| {label} | {p50:.1f} | {p95:.1f} | {queries} | "
                  f"{'met' if p95 < target else 'MISSED'} |")  # fmt: skip
        print(f"\n{'All targets met.' if not missed else f'{missed} page(s) missed the target.'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
