"""The sync's bulk upsert on PostgreSQL, where a page travels as one JSON document
(salesdesk/synced/upsert.py): every kind of value comes back exactly as written."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from salesdesk.catalog import services
from salesdesk.catalog.models import Item, PriceList
from salesdesk.customers.models import Customer
from salesdesk.customers.services import customer_upsert_many
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db

PLUS_ONE = timezone(timedelta(hours=1))
# What JSON and SQL text each treat specially, and what neither does.
AWKWARD = [
    'O\'Brien "quoted"',
    "back\\slash \\u0041 \\n",
    "line\nbreak\ttab\r",
    "ünïcödé €, 中文, 🍺",
    "separators\u2028\u2029",
    "%s %(name)s {} ::json",
    "",
]


def _item(exact_id: uuid.UUID, n: int, text: str, **extra) -> dict:
    return {
        "exact_id": exact_id,
        "code": f"A-{n}",
        "description": text,
        "extra_description": text * 3,
        "standard_price": Decimal("12.3456") if n % 2 else None,
        "stock": Decimal("-0.0001") if n % 3 else Decimal("99999999.9999"),
        "start_date": date(2026, 2, 28) if n % 2 else None,
        "exact_modified": datetime(2026, 11, 26, 1, 2, 3, 456789, tzinfo=PLUS_ONE),
        "exact_timestamp": 2**53 + n,
        "is_sales_item": bool(n % 2),
        **extra,
    }


def test_a_page_is_one_statement_and_every_value_comes_back_exactly():
    assert connection.vendor == "postgresql"
    company, other = make_company(), make_company()
    ids = [uuid.uuid4() for _ in AWKWARD]
    services.item_upsert_many(company=other, rows=[_item(ids[0], 0, "theirs")])
    rows = [_item(i, n, text) for n, (i, text) in enumerate(zip(ids, AWKWARD, strict=True))]

    with CaptureQueriesContext(connection) as queries:
        first = services.item_upsert_many(company=company, rows=rows)
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "catalog_item"')]
    assert len(inserts) == 1 and "json_populate_recordset" in inserts[0]["sql"]
    assert (first.created, first.updated) == (len(rows), 0)

    stored = {i.exact_id: i for i in Item.objects.filter(company=company)}
    for row in rows:
        item = stored[row["exact_id"]]
        for field, value in row.items():
            assert getattr(item, field) == value, field
        assert item.active is True and item.group_code == ""  # defaults of unwritten fields
    assert stored[ids[1]].exact_modified.astimezone(UTC).hour == 0

    changed = [{**row, "description": row["description"] + " v2", "stock": 0} for row in rows]
    again = services.item_upsert_many(company=company, rows=changed)
    assert (again.created, again.updated) == (0, len(rows))
    by_id = dict(Item.objects.filter(company=company).values_list("exact_id", "description"))
    assert by_id == {row["exact_id"]: row["description"] for row in changed}
    assert Item.objects.get(company=other).description == "theirs"


def test_customers_keep_their_price_list_link_and_nullable_ids():
    company, other = make_company(), make_company()
    plist = PriceList.objects.create(company=company, exact_id=uuid.uuid4(), code="P")
    rows = [
        {"exact_id": uuid.uuid4(), "code": "  1", "code_display": "1", "name": text,
         "price_list_exact_id": plist.exact_id if n % 2 else None}
        for n, text in enumerate(AWKWARD)
    ]  # fmt: skip
    result = customer_upsert_many(company=company, rows=rows)
    assert (result.created, result.updated) == (len(rows), 0)
    stored = {c.exact_id: c for c in Customer.objects.filter(company=company)}
    for n, row in enumerate(rows):
        customer = stored[row["exact_id"]]
        assert (customer.name, customer.code) == (row["name"], "  1")
        assert customer.price_list_id == (plist.pk if n % 2 else None)
        assert customer.price_list_exact_id == row["price_list_exact_id"]
    assert not Customer.objects.filter(company=other).exists()
