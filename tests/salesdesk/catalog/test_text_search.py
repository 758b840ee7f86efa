import pytest
from django.db import connection

from salesdesk.catalog.models import Item
from salesdesk.catalog.selectors import ITEM_TEXT, ItemFilters, item_search
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
