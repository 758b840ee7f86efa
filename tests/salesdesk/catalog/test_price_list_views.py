import datetime
import re
from decimal import Decimal

import pytest

from tests.salesdesk.catalog.factories import make_item, make_line, make_period, make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    price_list = make_price_list(company=company, code="GH", description="Groothandel")
    current = make_period(price_list=price_list, start=datetime.date(2020, 1, 1))
    past = make_period(price_list=price_list, end=datetime.date(2019, 12, 31))
    return company, other, price_list, current, past


def item_codes(response) -> list[str]:
    return re.findall(r'/items/[0-9a-f-]{36}/">([^<]+)</a>', response.content.decode())


def test_index_lists_periods_and_item_counts(setup, client):
    company, other, _, current, past = setup
    for n in range(3):
        make_line(period=current, item=make_item(company=company), quantity=Decimal(n))
    make_line(period=past, item=make_item(company=company))
    make_price_list(company=other, code="RIVAL")
    page = client.get("/acme/price-lists/").content.decode()
    assert "Groothandel" in page and "RIVAL" not in page
    assert "3 items <strong>current</strong>" in page
    assert "1 items" in page


def test_detail_lists_current_period_lines_searchable(setup, client):
    company, other, price_list, current, past = setup
    make_line(period=current, item=make_item(company=company, code="A-1", description="Koffie"))
    make_line(period=current, item=make_item(company=company, code="A-2", description="Thee"))
    make_line(period=current, item=None, item_group_code="300", new_price=Decimal("2"))
    make_line(period=past, item=make_item(company=company, code="A-9"))
    url = f"/acme/price-lists/{price_list.exact_id}/"
    response = client.get(url)
    assert item_codes(response) == ["A-1", "A-2"]
    assert "Item groups" in response.content.decode()
    assert item_codes(client.get(url, {"q": "koffie"})) == ["A-1"]
    assert item_codes(client.get(url, {"period": past.pk})) == ["A-9"]
    export = client.get(url + "export.csv", {"q": "thee"})
    assert b"".join(export.streaming_content).decode().splitlines()[1].startswith("A-2,")
    rival = make_price_list(company=other)
    assert client.get(f"/acme/price-lists/{rival.exact_id}/").status_code == 404


def test_detail_paging_and_query_count(setup, client, django_assert_max_num_queries):
    company, _, price_list, current, _ = setup
    for n in range(1, 61):
        make_line(period=current, item=make_item(company=company, code=f"C-{n:03d}"))
    url = f"/acme/price-lists/{price_list.exact_id}/"
    with django_assert_max_num_queries(10):
        first = client.get(url)
    assert len(item_codes(first)) == 50
    assert item_codes(client.get(url, {"last": "1"})) == [f"C-{n:03d}" for n in range(51, 61)]


@pytest.mark.parametrize(
    ("quantity", "price", "rule"),
    [("1", "12.50", "standard_price"), ("10", "9.00", "price_list")],
)
def test_calculator_says_price_and_rule(setup, client, quantity, price, rule):
    company, _, price_list, current, _ = setup
    item = make_item(company=company, code="A-1", standard_price=Decimal("12.5"))
    make_line(period=current, item=item, quantity=Decimal("10"), new_price=Decimal("9"))
    make_customer(company=company, code="555", price_list=price_list, name="Bakker")
    params = {"customer": "555", "item": "A-1", "quantity": quantity}
    page = client.get("/acme/price-lists/", params).content.decode()
    assert f"<strong>{price}</strong>" in page
    assert f"({rule})" in page


def test_calculator_does_not_see_other_companies(setup, client):
    company, other, *_ = setup
    make_item(company=other, code="R-1")
    make_customer(company=other, code="777")
    make_item(company=company, code="A-1")
    page = client.get("/acme/price-lists/", {"customer": "777", "item": "R-1", "quantity": "1"})
    text = page.content.decode()
    assert "No customer with this code." in text and "No item with this code." in text
