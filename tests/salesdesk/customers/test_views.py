import csv
import io
import re

import pytest

from salesdesk.orders.models import Order
from tests.salesdesk.catalog.factories import make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    return company, other


def codes(response) -> list[str]:
    return re.findall(r'/customers/[0-9a-f-]{36}/">([^<]+)</a>', response.content.decode())


def test_list_shows_only_own_customers(setup, client):
    company, other = setup
    make_customer(company=company, name="Bakkerij Jansen", code="100")
    make_customer(company=other, name="Rival Customer", code="900")
    response = client.get("/acme/customers/")
    assert response.status_code == 200
    assert codes(response) == ["100"]
    assert "Rival Customer" not in response.content.decode()
    assert "Data from Exact Online" in response.content.decode()


def test_other_company_is_not_reachable(setup, client):
    _, other = setup
    foreign = make_customer(company=other)
    assert client.get(f"/acme/customers/{foreign.exact_id}/").status_code == 404
    assert client.get("/rival/customers/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jansen", ["1"]),  # name, contains, case-insensitive
        ("rotter", ["2"]),  # city
        ("inkoop@", ["3"]),  # e-mail
        ("NL0001", ["1"]),  # VAT number
        ("2", ["2"]),  # short term: code prefix
    ],
)
def test_search(setup, client, query, expected):
    company, other = setup
    make_customer(company=company, code="1", name="Bakkerij Jansen", vat_number="NL000123B01")
    make_customer(company=company, code="2", name="Hotel De Wit", city="Rotterdam")
    make_customer(company=company, code="3", name="Café Bos", email="inkoop@bos.nl")
    make_customer(company=other, code="4", name="Jansen Rival", city="Rotterdam")
    assert codes(client.get("/acme/customers/", {"q": query})) == expected


def test_filters(setup, client):
    company, _ = setup
    wholesale = make_price_list(company=company, code="GH")
    make_customer(company=company, code="1", blocked=True)
    make_customer(company=company, code="2", country="BE", price_list=wholesale)
    make_customer(company=company, code="3")
    assert codes(client.get("/acme/customers/", {"blocked": "yes"})) == ["1"]
    assert codes(client.get("/acme/customers/", {"country": "BE"})) == ["2"]
    assert codes(client.get("/acme/customers/", {"price_list": wholesale.pk})) == ["2"]
    assert codes(client.get("/acme/customers/", {"blocked": "no"})) == ["2", "3"]


def test_sort_and_invalid_sort(setup, client):
    company, _ = setup
    make_customer(company=company, code="1", name="Zeeland")
    make_customer(company=company, code="2", name="Amstel")
    assert codes(client.get("/acme/customers/", {"sort": "name"})) == ["2", "1"]
    assert codes(client.get("/acme/customers/", {"sort": "-name"})) == ["1", "2"]
    assert codes(client.get("/acme/customers/", {"sort": "password"})) == ["1", "2"]


def test_paging_walks_every_row_once(setup, client):
    company, _ = setup
    for n in range(1, 121):
        make_customer(company=company, code=f"{n:03d}")
    response = client.get("/acme/customers/")
    seen = codes(response)
    assert "1–50 of 120" in response.content.decode()
    while 'rel="next"' in response.content.decode():
        next_url = re.search(r'href="([^"]+)" rel="next"', response.content.decode()).group(1)
        response = client.get("/acme/customers/" + next_url.replace("&amp;", "&"))
        seen += codes(response)
    assert seen == [f"{n:03d}" for n in range(1, 121)]
    last = client.get("/acme/customers/", {"last": "1"})
    assert codes(last) == [f"{n:03d}" for n in range(101, 121)]
    assert "Page 3 of 3" in last.content.decode()


def test_export_is_filtered(setup, client):
    company, other = setup
    make_customer(company=company, code="1", name="Bakker Utrecht")
    make_customer(company=company, code="2", name="Visser", city="Delft")
    make_customer(company=other, code="3", name="Bakker Rival")
    response = client.get("/acme/customers/export.csv", {"q": "bakker"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["code", "name"]
    assert [row[:2] for row in rows[1:]] == [["1", "Bakker Utrecht"]]


def test_list_queries_are_bounded(setup, client, django_assert_max_num_queries):
    company, _ = setup
    price_list = make_price_list(company=company)
    for n in range(60):
        make_customer(company=company, price_list=price_list if n % 2 else None)
    with django_assert_max_num_queries(10):
        assert client.get("/acme/customers/", {"sort": "city"}).status_code == 200


def test_detail_shows_fields_price_list_orders_and_refresh(setup, client):
    company, other = setup
    price_list = make_price_list(company=company, code="GH", description="Groothandel")
    customer = make_customer(
        company=company, name="Bakkerij Jansen", price_list=price_list, vat_number="NL1B01",
        address_line1="Kerkstraat 1", postcode="3511 AB",
    )  # fmt: skip
    Order.objects.create(company=company, number="SD-00042", customer=customer,
                         exact_order_number=7001)  # fmt: skip
    foreign = make_customer(company=other)
    Order.objects.create(company=other, number="SD-RIVAL", customer=foreign)
    page = client.get(f"/acme/customers/{customer.exact_id}/").content.decode()
    for text in ("Bakkerij Jansen", "NL1B01", "Kerkstraat 1", "Groothandel", "7001"):
        assert text in page
    assert "/acme/orders/SD-00042/" in page
    assert "SD-RIVAL" not in page
    assert f'action="/acme/exact/refresh/customers/{customer.exact_id}"' in page
    assert "Refresh from Exact Online" in page
