"""VAT codes: storing Exact's listing, re-rating items per code, rates on item upserts and pages."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from salesdesk.catalog.models import Item, VatCode
from salesdesk.catalog.services import item_upsert_many
from salesdesk.catalog.vat import item_rows_with_vat, vat_code_upsert_many, vat_rates
from salesdesk.tenants.changes import version_latest
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db

HIGH, LOW, ZERO = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def _codes(high="0.21", low="0.09", *, with_zero=True) -> list[dict]:
    rows = [
        {"exact_id": HIGH, "code": "1", "description": "BTW 21%", "percentage": Decimal(high)},
        {"exact_id": LOW, "code": "2", "description": "BTW 9%", "percentage": Decimal(low)},
    ]
    if with_zero:
        rows.append({"exact_id": ZERO, "code": "0", "description": "Geen BTW", "percentage": 0})
    return rows


def _item_updates(queries) -> int:
    return sum(
        1 for q in queries if q["sql"].startswith('UPDATE "catalog_item"') and "vat" in q["sql"]
    )


@pytest.fixture
def companies():
    return make_company(slug="acme"), make_company(slug="rival")


def test_first_listing_creates_codes_and_rates_items_one_update_per_code(companies):
    company, other = companies
    items = [make_item(company=company, vat_code=code) for code in ("1", "1", "2", "0", "9")]
    theirs = make_item(company=other, vat_code="1")

    with CaptureQueriesContext(connection) as queries:
        result = vat_code_upsert_many(company=company, rows=_codes())

    assert (result.created, result.updated, result.deactivated) == (3, 0, 0)
    assert result.items_repriced == 4
    assert _item_updates(queries.captured_queries) == 3  # one per code, none per item
    rates = [Item.objects.get(pk=i.pk).vat_percentage for i in items]
    assert rates == [Decimal("0.21"), Decimal("0.21"), Decimal("0.09"), Decimal("0"), None]
    assert Item.objects.get(pk=theirs.pk).vat_percentage is None
    assert vat_rates(company=other) == {}


def test_a_changed_rate_updates_only_its_items_and_stamps_a_version(companies):
    company, _ = companies
    vat_code_upsert_many(company=company, rows=_codes())
    high = make_item(company=company, vat_code="1", vat_percentage=Decimal("0.21"))
    low = make_item(company=company, vat_code="2", vat_percentage=Decimal("0.09"))
    before = version_latest(company=company)

    with CaptureQueriesContext(connection) as queries:
        result = vat_code_upsert_many(company=company, rows=_codes(low="0.1"))

    assert (result.created, result.updated, result.items_repriced) == (0, 3, 1)
    assert _item_updates(queries.captured_queries) == 1
    low.refresh_from_db()
    high.refresh_from_db()
    assert (low.vat_percentage, high.vat_percentage) == (Decimal("0.1"), Decimal("0.21"))
    assert low.row_version > before and high.row_version <= before


def test_unchanged_listing_touches_no_item(companies):
    company, _ = companies
    vat_code_upsert_many(company=company, rows=_codes())
    make_item(company=company, vat_code="1", vat_percentage=Decimal("0.21"))
    with CaptureQueriesContext(connection) as queries:
        result = vat_code_upsert_many(company=company, rows=_codes())
    assert result.items_repriced == 0
    assert _item_updates(queries.captured_queries) == 0


def test_a_code_gone_from_exact_is_deactivated_and_its_rate_unknown(companies):
    company, _ = companies
    vat_code_upsert_many(company=company, rows=_codes())
    zero = make_item(company=company, vat_code="0", vat_percentage=Decimal("0"))

    result = vat_code_upsert_many(company=company, rows=_codes(with_zero=False))

    assert result.deactivated == 1
    assert not VatCode.objects.get(company=company, exact_id=ZERO).active
    assert set(vat_rates(company=company)) == {"1", "2"}
    zero.refresh_from_db()
    assert zero.vat_percentage is None


def test_item_upsert_takes_the_rate_of_its_code(companies):
    company, other = companies
    vat_code_upsert_many(company=company, rows=_codes())
    vat_code_upsert_many(company=other, rows=_codes(high="0.19"))
    rows = [
        {"exact_id": uuid.uuid4(), "code": "A", "description": "a", "vat_code": "1"},
        {"exact_id": uuid.uuid4(), "code": "B", "description": "b", "vat_code": "7"},
        {"exact_id": uuid.uuid4(), "code": "C", "description": "c", "vat_code": ""},
    ]
    item_upsert_many(company=company, rows=rows)
    stored = dict(Item.objects.filter(company=company).values_list("code", "vat_percentage"))
    assert stored == {"A": Decimal("0.21"), "B": None, "C": None}
    assert item_rows_with_vat(company=other, rows=rows[:1])[0]["vat_percentage"] == Decimal("0.19")


def test_item_page_shows_vat_code_and_rate(companies, client):
    company, other = companies
    client.force_login(make_user(company=company))
    vat_code_upsert_many(company=company, rows=_codes())
    vat_code_upsert_many(company=other, rows=[{**r, "description": "Rival"} for r in _codes()])
    rated = make_item(company=company, vat_code="1", vat_percentage=Decimal("0.21"))
    unknown = make_item(company=company, vat_code="7")

    page = client.get(f"/acme/items/{rated.exact_id}/").content.decode()
    assert '<th scope="row">VAT code</th><td>1 BTW 21%</td>' in page
    assert '<th scope="row">VAT rate</th><td>21%</td>' in page
    assert "Rival" not in page
    page = client.get(f"/acme/items/{unknown.exact_id}/").content.decode()
    assert "VAT rate" in page and "Unknown" in page
    theirs = make_item(company=other, vat_code="1")
    assert client.get(f"/acme/items/{theirs.exact_id}/").status_code == 404
