"""Server time of the list, search, sort, filter and detail pages with 100,000 rows.

Builds a SQLite database (a file, WAL, like production) with 100,000 items and
100,000 customers (plus price lists, their lines and sales prices, shaped like the
sandbox's seed), then fetches every page N times through Django's test client and
prints p50/p95 and the number of queries per page as a markdown table.

    python -m benchmarks.pages_bench [--rows 100000] [--repeat 20]
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
from datetime import date, timedelta
from decimal import Decimal

LIST_P95_MS, DETAIL_P95_MS = 150, 100


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salesdesk.settings")
    # The sandbox runs on a loopback port: let its (demo) credentials go there.
    os.environ.setdefault("SALESDESK_EXACT_ALLOW_LOOPBACK", "1")
    os.environ["SALESDESK_VAR_DIR"] = var_dir
    os.environ["SALESDESK_SQLITE_PATH"] = os.path.join(var_dir, "bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(rows: int, rng: random.Random) -> dict:
    """The data set; returns what the page list needs (slug, ids, search terms)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from exact_sandbox.data import names
    from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod
    from salesdesk.customers.models import Customer
    from salesdesk.tenants.models import Company, Membership

    company = Company.objects.create(slug="bench", name="Bench Wholesale")
    other = Company.objects.create(slug="other", name="Other")
    user = get_user_model().objects.create_user("bench", password="bench-password-1")
    Membership.objects.create(company=company, user=user, role="admin")
    now, today = timezone.now(), date.today()
    groups = ["100", "200", "300", "400", "500", "600", "700", "800"]
    items = [
        Item(
            company=company, exact_id=uuid.UUID(int=rng.getrandbits(128)), code=f"ART-{n:06d}",
            description=f"{rng.choice(names.ADJECTIVES)} {rng.choice(names.PRODUCTS)} "
            f"{rng.choice(names.SIZES)}",
            group_code=(group := rng.choice(groups)), group_description=f"Group {group}",
            unit=rng.choice(["stuk", "kg", "doos", "l", "pak"]), unit_description="Stuk",
            barcode=f"871{rng.randrange(10**10):010d}" if rng.random() < 0.85 else "",
            standard_price=Decimal(f"{rng.uniform(0.5, 250):.2f}"),
            stock=Decimal(rng.randrange(500)), active=rng.random() > 0.03,
            synced_at=now - timedelta(seconds=rng.randrange(86400)),
        )
        for n in range(1, rows + 1)
    ]  # fmt: skip
    Item.objects.bulk_create(items, batch_size=2000)
    foreign = (Item(company=other, exact_id=uuid.uuid4(), code=f"ART-{n:06d}") for n in range(999))
    Item.objects.bulk_create(foreign)
    lists = PriceList.objects.bulk_create(
        PriceList(company=company, exact_id=uuid.uuid4(), code=code, description=text,
                  synced_at=now)
        for code, text in (("GH", "Groothandel"), ("HOR", "Horeca"), ("ACT", "Actie"),
                           ("STD", "Staffels"))
    )  # fmt: skip
    periods = PriceListPeriod.objects.bulk_create(
        PriceListPeriod(company=company, exact_id=uuid.uuid4(), price_list=pl, start_date=start,
                        end_date=end)
        for pl in lists
        for start, end in ((today - timedelta(500), today - timedelta(101)),
                           (today - timedelta(100), None))
    )  # fmt: skip
    item_ids = list(Item.objects.filter(company=company).values_list("pk", flat=True))
    _lines(company, periods, item_ids, rng)
    customers = [
        Customer(
            company=company, exact_id=uuid.UUID(int=rng.getrandbits(128)),
            code=str(1000 + n).rjust(18), code_display=str(1000 + n),
            name=f"{rng.choice(names.TRADES)} {(sur := rng.choice(names.SURNAMES))} "
            f"{rng.choice(names.LEGAL)}".strip(),
            address_line1=f"{rng.choice(names.STREETS)} {rng.randrange(1, 250)}",
            city=(city := rng.choice(names.CITIES + names.BELGIAN_CITIES))[0],
            postcode=f"{city[1]}00 AB", country="BE" if city in names.BELGIAN_CITIES else "NL",
            email=f"info@{sur.lower().replace(' ', '')}{n}.nl",
            vat_number=f"NL{rng.randrange(10**8, 10**9)}B01" if rng.random() < 0.8 else "",
            blocked=rng.random() < 0.05,
            price_list=rng.choice(lists) if rng.random() < 0.3 else None,
            synced_at=now - timedelta(seconds=rng.randrange(86400)),
        )
        for n in range(rows)
    ]  # fmt: skip
    Customer.objects.bulk_create(customers, batch_size=2000)
    prices = [
        ItemPrice(company=company, exact_id=uuid.uuid4(), item_id=pk, price=Decimal("9.99"))
        for pk in item_ids
    ]
    ItemPrice.objects.bulk_create(prices, batch_size=5000)
    item = Item.objects.get(company=company, pk=item_ids[len(item_ids) // 2])
    customer = Customer.objects.filter(company=company, price_list__isnull=False).first()
    return {"user": user, "item": item, "customer": customer, "list": lists[0]}


def existing() -> dict:
    from django.contrib.auth import get_user_model

    from salesdesk.catalog.models import Item, PriceList
    from salesdesk.customers.models import Customer

    items = Item.objects.filter(company__slug="bench").order_by("pk")
    return {
        "user": get_user_model().objects.get(username="bench"),
        "item": items[items.count() // 2],
        "customer": Customer.objects.filter(price_list__isnull=False).order_by("pk").first(),
        "list": PriceList.objects.filter(company__slug="bench").order_by("pk").first(),
    }


def _lines(company, periods, item_ids, rng) -> None:
    from salesdesk.catalog.models import VolumeDiscount

    lines = []
    for period, share in zip(
        periods, (0.03, 0.10, 0.03, 0.08, 0.01, 0.04, 0.02, 0.06), strict=True
    ):
        for pk in rng.sample(item_ids, int(len(item_ids) * share)):
            for quantity in (1, 10, 50)[: rng.randrange(1, 4)]:
                lines.append(
                    VolumeDiscount(
                        company=company, exact_id=uuid.uuid4(), period=period, item_id=pk,
                        quantity=quantity, method=2, new_price=Decimal("5.00"),
                    )
                )  # fmt: skip
    VolumeDiscount.objects.bulk_create(lines, batch_size=5000)


def pages(data: dict) -> list[tuple[str, str, str]]:
    """(kind, label, url) of every measured page."""
    item, customer, price_list = data["item"], data["customer"], data["list"]
    c, i, p = "/bench/customers/", "/bench/items/", f"/bench/price-lists/{price_list.exact_id}/"
    return [
        ("list", "Customers: first page (code)", c),
        ("list", "Customers: sort by name", c + "?sort=name"),
        ("list", "Customers: sort by city, descending", c + "?sort=-city"),
        ("list", "Customers: sort by last synced, descending", c + "?sort=-synced"),
        ("list", "Customers: last page", c + "?last=1"),
        ("list", "Customers: last page, by name descending", c + "?sort=-name&last=1"),
        ("list", "Customers: search 'bakker' (name, ~10%)", c + "?q=bakker"),
        ("list", "Customers: search 'b.v.' (~50%)", c + "?q=b.v."),
        ("list", "Customers: search 'dijkstra12' (e-mail)", c + "?q=dijkstra12"),
        ("list", "Customers: search code prefix '10'", c + "?q=10"),
        ("list", "Customers: search VAT 'NL1234'", c + "?q=NL1234"),
        ("list", "Customers: filter blocked", c + "?blocked=yes"),
        ("list", "Customers: filter country BE, sort name", c + "?country=BE&sort=name"),
        ("list", "Customers: price list + search", c + f"?price_list={price_list.pk}&q=cafe"),
        ("list", "Customers: search + sort name + last page", c + "?q=utrecht&sort=name&last=1"),
        ("detail", "Customer page", f"{c}{customer.exact_id}/"),
        ("list", "Items: first page (code)", i),
        ("list", "Items: sort by description", i + "?sort=description"),
        ("list", "Items: sort by price, descending", i + "?sort=-price"),
        ("list", "Items: sort by stock", i + "?sort=stock"),
        ("list", "Items: last page", i + "?last=1"),
        ("list", "Items: search 'koffie' (~2.5%)", i + "?q=koffie"),
        ("list", "Items: search 'premium' + sort price", i + "?q=premium&sort=price"),
        ("list", "Items: search barcode '8712345'", i + "?q=8712345"),
        ("list", "Items: search code 'ART-0999'", i + "?q=ART-0999"),
        ("list", "Items: filter group 300", i + "?group=300"),
        ("list", "Items: filter inactive, sort description", i + "?active=no&sort=description"),
        ("detail", "Item page (prices in every list)", f"{i}{item.exact_id}/"),
        ("list", "Price lists", "/bench/price-lists/"),
        ("list", "Price list: current period, first page", p),
        ("list", "Price list: last page", p + "?last=1"),
        ("list", "Price list: search 'stroop'", p + "?q=stroop"),
        ("detail", "Price calculator",
         f"/bench/price-lists/?customer={customer.code_display}&item={item.code}&quantity=12"),
    ]  # fmt: skip


def measure(client, url: str, repeat: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return timings, len(queries)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", help="a directory to keep (and reuse) the database in")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        var_dir = args.keep or temporary
        reuse = os.path.exists(os.path.join(var_dir, "bench.sqlite3"))
        setup_django(var_dir)
        from django.test import Client

        started = time.perf_counter()
        data = existing() if reuse else build(args.rows, random.Random(7))
        built = time.perf_counter() - started
        client = Client()
        client.force_login(data["user"])
        print("## Pages: lists, search, sort, filter and detail\n")
        print(
            f"{args.rows:,} items and {args.rows:,} customers in SQLite (built in {built:.0f} s); "
            f"each page fetched {args.repeat} times through Django's test client after one "
            f"warm-up; server time in ms. Targets: lists p95 < {LIST_P95_MS} ms, "
            f"detail pages p95 < {DETAIL_P95_MS} ms.\n"
        )
        print("| page | p50 ms | p95 ms | queries | target |")
        print("|---|---:|---:|---:|---|")
        missed = 0
        for kind, label, url in pages(data):
            measure(client, url, 1)
            timings, queries = measure(client, url, args.repeat)
            p50 = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
            target = LIST_P95_MS if kind == "list" else DETAIL_P95_MS
            ok = p95 < target
            missed += not ok
            print(f"| {label} | {p50:.1f} | {p95:.1f} | {queries} | {'met' if ok else 'MISSED'} |")
        print(f"\n{'All targets met.' if not missed else f'{missed} page(s) missed the target.'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
