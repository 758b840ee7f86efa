import uuid

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from salesdesk.catalog import services
from salesdesk.catalog.models import Item
from salesdesk.catalog.selectors import ITEM_TEXT, ItemFilters, item_search
from salesdesk.customers.selectors import CUSTOMER_TEXT
from salesdesk.lists.text_search import AUTOMERGE
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.factories import make_company


def found(company, term: str) -> list[str]:
    items = item_search(company=company, filters=ItemFilters(q=term))
    return list(items.order_by("code").values_list("code", flat=True))


@pytest.mark.django_db
def test_index_follows_inserts_updates_upserts_and_deletes():
    company = make_company()
    item = make_item(company=company, code="A-1", description="Stroopwafels")
    assert found(company, "stroop") == ["A-1"]
    Item.objects.filter(pk=item.pk).update(description="Hagelslag")
    assert found(company, "stroop") == []
    assert found(company, "hagel") == ["A-1"]
    upsert = Item(company=company, exact_id=item.exact_id, code="A-1", description="Pindakaas")
    Item.objects.bulk_create(
        [upsert], update_conflicts=True, unique_fields=["company", "exact_id"],
        update_fields=["description"],
    )  # fmt: skip
    assert found(company, "hagel") == []
    assert found(company, "pindak") == ["A-1"]
    Item.objects.filter(pk=item.pk).delete()
    assert found(company, "pindak") == []


@pytest.mark.django_db
def test_ensure_rebuilds_after_a_table_rebuild_dropped_the_triggers():
    company = make_company()
    make_item(company=company, code="A-1", description="Olijfolie")
    assert ITEM_TEXT.ensure(connection) is False  # present: nothing to do
    with connection.cursor() as cursor:
        for suffix in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER catalog_item_fts_{suffix}")
        cursor.execute("DELETE FROM catalog_item_fts_data WHERE id > 10")  # damage it
    make_item(company=company, code="A-2", description="Olijven")  # not indexed now
    assert ITEM_TEXT.ensure(connection) is True
    assert found(company, "olij") == ["A-1", "A-2"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [ITEM_TEXT, CUSTOMER_TEXT], ids=["items", "customers"])
def test_ensure_sets_the_merge_policy_on_an_index_that_lacks_it(text):
    def automerge() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT v FROM {text.fts_table}_config WHERE k = 'automerge'")
            return cursor.fetchone()[0]

    assert automerge() == AUTOMERGE  # set by migrate
    with connection.cursor() as cursor:  # an index made before the setting existed
        cursor.execute(f"DELETE FROM {text.fts_table}_config WHERE k = 'automerge'")
    assert text.ensure(connection) is False  # the triggers are there: no rebuild
    assert automerge() == AUTOMERGE


def _row(exact_id, code: str, description: str) -> dict:
    return {"exact_id": exact_id, "code": code, "description": description, "barcode": "871"}


@pytest.mark.django_db
def test_bulk_upserts_keep_the_index_right_and_leave_the_triggers_live():
    company, other = make_company(), make_company()
    first, second = uuid.uuid4(), uuid.uuid4()
    services.item_upsert_many(company=other, rows=[_row(uuid.uuid4(), "B-1", "Stroopwafels")])
    services.item_upsert_many(
        company=company, rows=[_row(first, "A-1", "Stroopwafels"), _row(second, "A-2", "Kaas")]
    )
    assert found(company, "stroop") == ["A-1"]  # the other company's match stays its own
    # A changed description is re-indexed, an unchanged row keeps its one entry.
    services.item_upsert_many(
        company=company, rows=[_row(first, "A-1", "Hagelslag"), _row(second, "A-2", "Kaas")]
    )
    assert found(company, "stroop") == []
    assert found(company, "hagel") == ["A-1"]
    assert found(company, "kaas") == ["A-2"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_item_fts_docsize")
        assert cursor.fetchone()[0] == 3  # one entry per row: nothing indexed twice
        cursor.execute(f"SELECT count(*) FROM {ITEM_TEXT.paused_table}")
        assert cursor.fetchone()[0] == 0
    services.item_deactivate_many(company=company, exact_ids=[second])
    assert found(company, "kaas") == ["A-2"]  # deactivated items stay findable, marked inactive
    Item.objects.filter(company=company, exact_id=second).update(description="Pindakaas")
    assert found(company, "pinda") == ["A-2"]  # the triggers work again after a bulk write


@pytest.mark.django_db
def test_a_failed_bulk_write_leaves_the_triggers_on():
    company = make_company()
    broken = {"exact_id": uuid.uuid4(), "code": "A-0", "description": None}  # NOT NULL
    with pytest.raises(IntegrityError), transaction.atomic():
        services.item_upsert_many(company=company, rows=[broken])  # fails with triggers paused
    make_item(company=company, code="A-1", description="Olijfolie")
    assert found(company, "olijf") == ["A-1"]


def _integrity_check(fts_table: str) -> None:
    """FTS5 compares its index with the content table (rank 1); raises when they differ."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {fts_table}({fts_table}, rank) VALUES ('integrity-check', 1)")


@pytest.mark.django_db
def test_pages_of_new_and_changed_rows_in_random_id_order_keep_the_index_exact():
    company, other = make_company(), make_company()
    ids = [uuid.uuid4() for _ in range(600)]  # random: the order of the unique index
    first = [_row(exact_id, f"A-{n:04}", f"Stroopwafel {n}") for n, exact_id in enumerate(ids)]
    services.item_upsert_many(company=company, rows=first[:400])
    services.item_upsert_many(company=other, rows=[_row(uuid.uuid4(), "B-1", "Stroopwafel")])
    # Changed text, unchanged rows and new rows in one page, in no particular order.
    changed = [_row(ids[n], f"A-{n:04}", f"Hagelslag {n}") for n in range(0, 400, 2)]
    services.item_upsert_many(company=company, rows=first[400:] + changed + first[1:400:2])
    _integrity_check("catalog_item_fts")
    assert len(found(company, "stroopwafel")) == 400
    assert len(found(company, "hagelslag")) == 200
    assert found(company, "hagelslag 398") == ["A-0398"]
    assert found(company, "stroopwafel 398") == []


@pytest.mark.django_db
def test_the_integrity_check_sees_a_row_the_index_missed():
    company = make_company()
    services.item_upsert_many(company=company, rows=[_row(uuid.uuid4(), "A-1", "Kaas")])
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO catalog_item_fts_paused DEFAULT VALUES")  # triggers off
        make_item(company=company, code="A-2", description="Olijfolie")
        cursor.execute("DELETE FROM catalog_item_fts_paused")
    with pytest.raises(DatabaseError):
        _integrity_check("catalog_item_fts")
