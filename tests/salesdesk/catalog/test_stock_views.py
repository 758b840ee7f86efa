import re

import pytest
from django.utils import timezone

from salesdesk.catalog.stock_services import warehouses_upsert
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.catalog.stock_factories import WAREHOUSES, make_stock
from tests.salesdesk.factories import make_company, make_user


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    return company, other


def codes(response) -> list[str]:
    return re.findall(r'/items/[0-9a-f-]{36}/">([^<]+)</a>', response.content.decode())


def stock_section(response) -> str:
    html = response.content.decode()
    return html[
        html.index('id="stock-heading"') : html.index(
            "</section>", html.index('id="stock-heading"')
        )
    ]


def test_item_page_shows_one_stock_row_per_warehouse(setup, client):
    company, other = setup
    item = make_item(company=company, code="A-1")
    make_stock(company=company, item=item, warehouse="MAIN", free="12", reserved="3")
    make_stock(company=company, item=item, warehouse="NORTH", free="4", planned_in="20")
    # Another company's position of an item with the same Exact ID stays theirs.
    make_stock(company=other, item=make_item(company=other, exact_id=item.exact_id), free="999")
    section = stock_section(client.get(f"/acme/items/{item.exact_id}/"))
    rows = re.findall(r"<tr>\s*<td>(\w+) Warehouse", section)
    assert rows == ["MAIN", "NORTH"]
    assert "999" not in section
    assert "All warehouses" in section and "16" in section  # the free stock over both


def test_the_main_warehouse_comes_first(setup, client):
    company, other = setup
    item = make_item(company=company)
    for code in ("NORTH", "SOUTH"):
        make_stock(company=company, item=item, warehouse=code, free="1")
    main = [{"exact_id": WAREHOUSES["SOUTH"], "code": "SOUTH", "description": "", "main": True}]
    warehouses_upsert(company=company, rows=main, synced_at=timezone.now())
    not_main = [{**main[0], "main": False}]
    warehouses_upsert(company=other, rows=not_main, synced_at=timezone.now())
    section = stock_section(client.get(f"/acme/items/{item.exact_id}/"))
    assert re.findall(r"<tr>\s*<td>(\w+) Warehouse", section) == ["SOUTH", "NORTH"]


def test_item_page_without_stock_says_so(setup, client):
    company, _ = setup
    item = make_item(company=company)
    response = client.get(f"/acme/items/{item.exact_id}/")
    assert "No stock positions from Exact Online" in stock_section(response)


def test_item_management_filters_and_sorts_on_free_stock(setup, client):
    company, other = setup
    plenty, none, unknown = (make_item(company=company, code=c) for c in ("A", "B", "C"))
    make_stock(company=company, item=plenty, free="8")
    make_stock(company=company, item=none, free="0")
    make_stock(company=other, item=make_item(company=other, code="R"), free="5")
    assert codes(client.get("/acme/items/", {"in_stock": "yes"})) == ["A"]
    assert codes(client.get("/acme/items/", {"in_stock": "no"})) == ["B", "C"]
    assert codes(client.get("/acme/items/", {"sort": "-free"}))[0] == "A"
    assert codes(client.get("/acme/items/", {"sort": "free"})) == ["C", "B", "A"]
    response = client.get("/acme/items/")
    assert "Free stock" in response.content.decode()
    assert unknown.free_stock is None
