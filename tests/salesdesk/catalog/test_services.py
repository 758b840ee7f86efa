"""Bulk upserts of the catalog: created vs updated, deactivation, two companies."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from salesdesk.catalog import services
from salesdesk.catalog.models import Item, ItemPrice
from tests.salesdesk.factories import make_company


def _item(exact_id: uuid.UUID, code: str, **extra) -> dict:
    return {"exact_id": exact_id, "code": code, "description": f"Item {code}", **extra}


@pytest.mark.django_db
def test_upsert_creates_then_updates_in_a_few_queries():
    company, other = make_company(), make_company()
    ids = [uuid.uuid4() for _ in range(50)]
    services.item_upsert_many(company=company, rows=[_item(uuid.uuid4(), "W")])  # warm-up
    with CaptureQueriesContext(connection) as few:
        services.item_upsert_many(company=company, rows=[_item(uuid.uuid4(), "X")])
    with CaptureQueriesContext(connection) as queries:
        first = services.item_upsert_many(company=company, rows=[_item(i, "A") for i in ids])
    assert (first.created, first.updated) == (50, 0)
    assert len(queries) == len(few)  # the same queries for 1 row as for 50: none per row

    second = services.item_upsert_many(
        company=company, rows=[_item(ids[0], "B"), _item(uuid.uuid4(), "C")]
    )
    assert (second.created, second.updated) == (1, 1)
    assert Item.objects.filter(company=company).count() == 53
    assert Item.objects.get(company=company, exact_id=ids[0]).code == "B"
    # The same Exact ID in another company is another record.
    services.item_upsert_many(company=other, rows=[_item(ids[0], "OTHER")])
    assert Item.objects.get(company=company, exact_id=ids[0]).code == "B"
    assert Item.objects.filter(company=other).count() == 1


@pytest.mark.django_db
def test_deactivation_keeps_the_row_and_touches_only_that_company():
    company, other = make_company(), make_company()
    exact_id = uuid.uuid4()
    for owner in (company, other):
        services.item_upsert_many(company=owner, rows=[_item(exact_id, "A")])
    assert services.item_deactivate_many(company=company, exact_ids=[exact_id]) == 1
    assert Item.objects.get(company=company, exact_id=exact_id).active is False
    assert Item.objects.get(company=other, exact_id=exact_id).active is True


@pytest.mark.django_db
def test_item_prices_resolve_items_and_skip_unknown_ones():
    company = make_company()
    item_id = uuid.uuid4()
    services.item_upsert_many(company=company, rows=[_item(item_id, "A")])
    row = {"price": Decimal("9.5"), "quantity": Decimal(0), "customer_exact_id": None}
    result, skipped = services.item_price_upsert_many(
        company=company,
        rows=[
            {**row, "exact_id": uuid.uuid4(), "item_exact_id": item_id},
            {**row, "exact_id": uuid.uuid4(), "item_exact_id": uuid.uuid4()},
            {**row, "exact_id": uuid.uuid4(), "item_exact_id": item_id,
             "customer_exact_id": uuid.uuid4()},  # a customer not stored yet
        ],
    )  # fmt: skip
    assert (result.created, skipped) == (1, 2)
    price = ItemPrice.objects.get(company=company)
    assert price.item.exact_id == item_id and price.customer is None


@pytest.mark.django_db
def test_every_write_takes_a_new_change_version_for_the_reps_feed():
    company = make_company()
    exact_id = uuid.uuid4()
    services.item_upsert_many(company=company, rows=[_item(exact_id, "A")])
    first = Item.objects.get(company=company).row_version
    services.item_upsert_many(company=company, rows=[_item(exact_id, "B")])
    second = Item.objects.get(company=company).row_version
    services.item_deactivate_many(company=company, exact_ids=[exact_id])
    third = Item.objects.get(company=company).row_version
    assert 0 < first < second < third
    assert services.item_deactivate_many(company=company, exact_ids=[exact_id]) == 0
    assert Item.objects.get(company=company).row_version == third  # nothing changed
