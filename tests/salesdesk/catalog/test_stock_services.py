import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from salesdesk.catalog.models import Item
from salesdesk.catalog.services import item_upsert_many
from salesdesk.catalog.stock_models import StockPosition, Warehouse
from salesdesk.catalog.stock_services import (
    stock_positions_delete,
    stock_positions_upsert,
    warehouses_sweep,
    warehouses_upsert,
)
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.catalog.stock_factories import stock_row
from tests.salesdesk.factories import make_company

NOW = timezone.now()


@pytest.fixture
def companies(db):
    return make_company(slug="acme"), make_company(slug="rival")


def free_stock(item) -> Decimal | None:
    return Item.objects.get(pk=item.pk).free_stock


def test_positions_sum_into_the_items_free_stock_per_company(companies):
    company, other = companies
    item, theirs = make_item(company=company), make_item(company=other)
    rows = [
        stock_row(item_exact_id=item.exact_id, warehouse="MAIN", free="5"),
        stock_row(item_exact_id=item.exact_id, warehouse="NORTH", free="2.5"),
    ]
    result = stock_positions_upsert(company=company, rows=rows, synced_at=NOW)
    assert result.created == 2
    assert free_stock(item) == Decimal("7.5")
    assert free_stock(theirs) is None
    assert not StockPosition.objects.filter(company=other).exists()


def _queries(company, items) -> int:
    rows = [stock_row(item_exact_id=i.exact_id, warehouse=w, free="1") for i in items
            for w in ("MAIN", "NORTH")]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        stock_positions_upsert(company=company, rows=rows, synced_at=NOW)
    return len(queries)


def test_a_page_costs_the_same_queries_whatever_its_size(companies):
    company, _ = companies
    items = [make_item(company=company) for _ in range(42)]
    _queries(company, items[:1])  # the company's change counter is created once
    assert _queries(company, items[1:2]) == _queries(company, items[2:])
    assert {free_stock(i) for i in items} == {Decimal("2")}


def test_update_and_delete_move_free_stock_and_the_items_version(companies):
    company, _ = companies
    item = make_item(company=company)
    row = stock_row(item_exact_id=item.exact_id, free="3")
    stock_positions_upsert(company=company, rows=[row], synced_at=NOW)
    before = Item.objects.get(pk=item.pk).row_version
    stock_positions_upsert(company=company, rows=[{**row, "free": Decimal("1")}], synced_at=NOW)
    assert free_stock(item) == Decimal("1")
    assert Item.objects.get(pk=item.pk).row_version > before
    assert stock_positions_delete(company=company, exact_ids=[row["exact_id"]]) == 1
    assert free_stock(item) is None
    position = StockPosition.objects.get(exact_id=row["exact_id"])
    assert not position.active
    assert position.row_version > before


def test_unchanged_free_stock_leaves_the_item_alone(companies):
    company, _ = companies
    item = make_item(company=company)
    row = stock_row(item_exact_id=item.exact_id, free="3")
    stock_positions_upsert(company=company, rows=[row], synced_at=NOW)
    version = Item.objects.get(pk=item.pk).row_version
    stock_positions_upsert(company=company, rows=[{**row, "reserved": Decimal("1")}], synced_at=NOW)
    assert Item.objects.get(pk=item.pk).row_version == version


def test_position_of_an_unknown_item_is_kept(companies):
    company, _ = companies
    row = stock_row(item_exact_id=uuid.uuid4(), free="4")
    stock_positions_upsert(company=company, rows=[row], synced_at=NOW)
    assert StockPosition.objects.filter(
        company=company, item_exact_id=row["item_exact_id"]
    ).exists()


def test_warehouses_not_listed_again_are_swept(companies):
    company, other = companies
    start = NOW - datetime.timedelta(hours=1)
    rows = [{"exact_id": uuid.uuid4(), "code": c, "description": c, "main": c == "1"}
            for c in ("1", "2")]  # fmt: skip
    warehouses_upsert(company=company, rows=rows, synced_at=start)
    warehouses_upsert(company=other, rows=rows[1:], synced_at=start)
    warehouses_upsert(company=company, rows=rows[:1], synced_at=NOW)
    assert warehouses_sweep(company=company, seen_since=NOW) == 1
    assert list(
        Warehouse.objects.filter(company=company, active=True).values_list("code", flat=True)
    ) == ["1"]
    assert Warehouse.objects.get(company=other).active


def test_an_item_stored_after_its_stock_gets_its_free_stock(companies):
    company, other = companies
    item_id = uuid.uuid4()
    stock_positions_upsert(
        company=company, rows=[stock_row(item_exact_id=item_id, free="7")], synced_at=NOW
    )
    row = {"exact_id": item_id, "code": "LATE", "description": "Late item"}
    item_upsert_many(company=company, rows=[row])
    item_upsert_many(company=other, rows=[row])
    assert Item.objects.get(company=company).free_stock == Decimal("7")
    assert Item.objects.get(company=other).free_stock is None
