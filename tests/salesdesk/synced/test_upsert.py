"""The bulk upsert engine behind every sync page (salesdesk/synced/upsert.py)."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from salesdesk.catalog import services
from salesdesk.catalog.models import Item
from salesdesk.synced import upsert
from tests.salesdesk.factories import make_company


def _item(exact_id: uuid.UUID, code: str, **extra) -> dict:
    return {"exact_id": exact_id, "code": code, "description": f"Item {code}", **extra}


@pytest.mark.django_db
def test_on_sqlite_upsert_splits_a_page_over_statements_when_it_wants_fewer_parameters(
    monkeypatch,
):
    company, other = make_company(), make_company()
    ids = [uuid.uuid4() for _ in range(20)]
    services.item_upsert_many(company=other, rows=[_item(ids[0], "THEIRS")])
    monkeypatch.setattr(upsert, "_MAX_ROWS_PER_STATEMENT", 7)  # 20 rows: 3 statements
    with CaptureQueriesContext(connection) as queries:
        first = services.item_upsert_many(company=company, rows=[_item(i, "A") for i in ids])
    inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "catalog_item"')]
    assert [sql.count("), (") + 1 for sql in inserts] == [7, 7, 6]
    assert (first.created, first.updated) == (20, 0)
    again = services.item_upsert_many(company=company, rows=[_item(i, "B") for i in ids])
    assert (again.created, again.updated) == (0, 20)
    assert set(Item.objects.filter(company=company).values_list("code", flat=True)) == {"B"}
    assert Item.objects.get(company=other).code == "THEIRS"
