import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.salesdesk.catalog.factories import (
    make_item,
    make_item_price,
    make_line,
    make_period,
    make_price_list,
)
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    return company, other


def codes(response) -> list[str]:
    return re.findall(r'/items/[0-9a-f-]{36}/">([^<]+)</a>', response.content.decode())


def test_list_shows_only_own_items(setup, client):
    company, other = setup
    make_item(company=company, code="A-1")
    make_item(company=other, code="R-1")
    response = client.get("/acme/items/")
    assert codes(response) == ["A-1"]
    assert client.get("/rival/items/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("koffie", ["A-1"]),
        ("8712345", ["A-2"]),
        ("A-2", ["A-2"]),
        ("dranken", ["A-3"]),
        ("a", ["A-1", "A-2", "A-3"]),
    ],
)
def test_search(setup, client, query, expected):
    company, other = setup
    make_item(company=company, code="A-1", description="Premium Koffiebonen 1 kg")
    make_item(company=company, code="A-2", description="Thee", barcode="8712345000011")
    make_item(company=company, code="A-3", description="Cola", group_description="Dranken")
    make_item(company=other, code="A-4", description="Koffie rival", barcode="8712345999")
    assert codes(client.get("/acme/items/", {"q": query})) == expected


def test_filters_and_sort(setup, client):
    company, _ = setup
    make_item(company=company, code="A-1", group_code="100", standard_price=Decimal("5"))
    make_item(company=company, code="A-2", group_code="200", standard_price=None)
    make_item(
        company=company, code="A-3", group_code="100", active=False, standard_price=Decimal("9")
    )
    assert codes(client.get("/acme/items/", {"group": "100"})) == ["A-1", "A-3"]
    assert codes(client.get("/acme/items/", {"active": "no"})) == ["A-3"]
    assert codes(client.get("/acme/items/", {"sort": "price"})) == ["A-2", "A-1", "A-3"]
    assert codes(client.get("/acme/items/", {"sort": "-price"})) == ["A-3", "A-1", "A-2"]


@pytest.mark.parametrize("sort", ["synced", "-synced", "price", "-price", "description"])
def test_paging_with_nullable_sort_walks_every_row_once(setup, client, sort):
    company, _ = setup
    base = timezone.now()
    for n in range(1, 111):
        synced = None if n % 7 == 0 else base - datetime.timedelta(minutes=n % 13)
        price = None if n % 5 == 0 else Decimal(n % 9)
        make_item(company=company, code=f"B-{n:03d}", synced_at=synced, standard_price=price,
                  description=f"Item {n % 4}")  # fmt: skip
    response = client.get("/acme/items/", {"sort": sort})
    seen = codes(response)
    pages = [seen]
    while 'rel="next"' in response.content.decode():
        link = re.search(r'href="([^"]+)" rel="next"', response.content.decode()).group(1)
        response = client.get("/acme/items/" + link.replace("&amp;", "&"))
        pages.append(codes(response))
        seen += pages[-1]
    assert sorted(seen) == [f"B-{n:03d}" for n in range(1, 111)]
    link = re.search(r'href="([^"]+)" rel="prev"', response.content.decode()).group(1)
    assert codes(client.get("/acme/items/" + link.replace("&amp;", "&"))) == pages[-2]
    assert codes(client.get("/acme/items/", {"sort": sort, "last": "1"})) == pages[-1]


def test_export_is_filtered_and_sorted(setup, client):
    company, other = setup
    make_item(company=company, code="A-2", description="Koffie zwart")
    make_item(company=company, code="A-1", description="Koffie wit")
    make_item(company=company, code="A-3", description="Thee")
    make_item(company=other, code="A-4", description="Koffie rival")
    response = client.get("/acme/items/export.csv", {"q": "koffie", "sort": "-code"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["A-2", "A-1"]


def test_list_queries_are_bounded(setup, client, django_assert_max_num_queries):
    company, _ = setup
    for n in range(60):
        make_item(company=company, group_code=str(n % 5))
    with django_assert_max_num_queries(10):
        assert client.get("/acme/items/", {"sort": "-stock"}).status_code == 200


def test_detail_shows_fields_and_price_in_every_list(setup, client, django_assert_max_num_queries):
    company, other = setup
    item = make_item(company=company, code="A-1", description="Stroopwafels", barcode="871000")
    price_list = make_price_list(company=company, description="Horeca")
    period = make_period(price_list=price_list, start=datetime.date(2020, 1, 1))
    make_line(period=period, item=item, quantity=Decimal("10"), new_price=Decimal("3.3300"))
    make_item_price(item=item, price="4.4400", customer=make_customer(company=company, name="Kok"))
    with django_assert_max_num_queries(9):  # 9: the Stock section
        page = client.get(f"/acme/items/{item.exact_id}/").content.decode()
    for text in ("Stroopwafels", "871000", "Horeca", "3.33", "4.44", "Kok", "current"):
        assert text in page
    assert f'action="/acme/exact/refresh/items/{item.exact_id}"' in page
    foreign = make_item(company=other)
    assert client.get(f"/acme/items/{foreign.exact_id}/").status_code == 404


def test_picture_is_served_to_members_only(setup, client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    company, other = setup
    item = make_item(company=company)
    item.picture.save("a.png", ContentFile(b"\x89PNG picture"), save=True)
    foreign = make_item(company=other)
    foreign.picture.save("b.png", ContentFile(b"\x89PNG other"), save=True)
    response = client.get(f"/acme/items/{item.exact_id}/picture")
    assert b"".join(response.streaming_content) == b"\x89PNG picture"
    assert client.get(f"/acme/items/{foreign.exact_id}/picture").status_code == 404
    assert 'class="thumb"' in client.get("/acme/items/").content.decode()
