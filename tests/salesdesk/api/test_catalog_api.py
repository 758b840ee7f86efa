"""Items, groups, pictures and prices through the API; two companies, a revoked token."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from salesdesk.api.tokens import rep_token_revoke
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import (
    make_item,
    make_item_price,
    make_line,
    make_period,
    make_price_list,
)
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    mine = make_item(
        company=company,
        code="BOLT-8",
        description="Bolt M8",
        group_code="IJZ",
        group_description="IJzerwaren",
        stock=Decimal("12"),
    )
    theirs = make_item(company=other, code="BOLT-9", description="Bolt M9")
    _, token, api = make_rep(company=company)
    return company, other, mine, theirs, token, api  # fmt: skip


def test_items_are_the_companys_own_with_group_unit_stock_and_standard_price(two):
    _company, _, mine, theirs, _, api = two
    answer = api.get("/api/v1/items")
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert [item["id"] for item in items] == [str(mine.exact_id)]
    item = items[0]
    assert item["code"] == "BOLT-8" and item["group_code"] == "IJZ"
    assert item["group_description"] == "IJzerwaren" and item["unit"] == "stuk"
    assert Decimal(item["stock"]) == 12 and Decimal(item["standard_price"]) == 10
    assert item["picture_url"] is None and item["active"] is True
    assert api.get(f"/api/v1/items/{theirs.exact_id}").status_code == 404
    assert api.get(f"/api/v1/items/{mine.exact_id}").json()["code"] == "BOLT-8"
    assert api.get("/api/v1/item-groups").json() == [{"code": "IJZ", "description": "IJzerwaren"}]


def test_items_come_in_pages_and_can_be_searched(two):
    company, *_, api = two
    for n in range(5):
        make_item(company=company, code=f"NUT-{n}", description=f"Nut {n}")
    seen, after = [], None
    while True:
        page = api.get("/api/v1/items", limit=2, **({"after": after} if after else {})).json()
        seen += [item["code"] for item in page["items"]]
        after = page["next"]
        if after is None:
            break
    assert sorted(seen) == sorted(["BOLT-8", *(f"NUT-{n}" for n in range(5))])
    found = api.get("/api/v1/items", q="BOLT").json()["items"]
    assert [item["code"] for item in found] == ["BOLT-8"]


def test_picture_url_serves_the_stored_picture_only_with_a_token(two, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    company, _other, mine, theirs, token, api = two
    mine.picture.save("bolt.jpg", ContentFile(b"\xff\xd8picture"), save=True)
    theirs.picture.save("theirs.jpg", ContentFile(b"\xff\xd8theirs"), save=True)
    url = api.get(f"/api/v1/items/{mine.exact_id}").json()["picture_url"]
    assert url.endswith(f"/api/v1/items/{mine.exact_id}/picture")
    path = url[url.index("/api/") :]
    answer = api.get(path)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == b"\xff\xd8picture"
    assert api.get(f"/api/v1/items/{theirs.exact_id}/picture").status_code == 404
    rep_token_revoke(company=company, token_id=token.pk)
    assert api.get(path).status_code == 401


def test_price_for_a_customer_and_quantity_follows_the_price_rules(two):
    company, other, mine, _, _, api = two
    price_list = make_price_list(company=company)
    make_line(period=make_period(price_list=price_list), item=mine,
              quantity=Decimal("10"), new_price=Decimal("7.50"))  # fmt: skip
    listed = make_customer(company=company, price_list=price_list)
    agreed = make_customer(company=company)
    make_item_price(item=mine, price="6.25", customer=agreed)
    url = f"/api/v1/items/{mine.exact_id}/price"

    def price(customer=None, quantity="1"):
        params = {"quantity": quantity} | ({"customer_id": customer.exact_id} if customer else {})
        return api.get(url, **params).json()

    assert price()["rule"] == "standard_price" and Decimal(price()["unit_price"]) == 10
    assert Decimal(price(listed, "1")["unit_price"]) == 10
    big = price(listed, "10")
    assert big["rule"] == "price_list" and Decimal(big["unit_price"]) == Decimal("7.50")
    own = price(agreed, "3")
    assert own["rule"] == "customer_price" and Decimal(own["unit_price"]) == Decimal("6.25")
    foreign = make_customer(company=other)
    assert api.get(url, customer_id=foreign.exact_id).status_code == 404
    assert api.get(url, quantity="0").status_code == 422
