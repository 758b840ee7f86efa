"""Customers with addresses and price list, search; two companies, a revoked token."""

from __future__ import annotations

import pytest

from salesdesk.api.tokens import rep_token_revoke
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


def test_customers_with_address_and_price_list_of_the_own_company_only():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    price_list = make_price_list(company=company, code="GROOT", description="Groothandel")
    mine = make_customer(company=company, name="Bakkerij Jansen", code="1001",
                         address_line1="Dorpsstraat 1", postcode="3511 AA", city="Utrecht",
                         country="NL", price_list=price_list, blocked=True)  # fmt: skip
    theirs = make_customer(company=other, name="Bakkerij Elders")
    _, token, api = make_rep(company=company)
    rows = api.get("/api/v1/customers").json()["customers"]
    assert [row["id"] for row in rows] == [str(mine.exact_id)]
    row = rows[0]
    assert row["code"] == "1001" and row["name"] == "Bakkerij Jansen" and row["blocked"] is True
    assert row["address"] == {
        "line1": "Dorpsstraat 1",
        "line2": "",
        "postcode": "3511 AA",
        "city": "Utrecht",
        "country": "NL",
        "country_name": "",
    }
    assert row["price_list"] == {
        "id": str(price_list.exact_id),
        "code": "GROOT",
        "description": "Groothandel",
    }
    assert api.get(f"/api/v1/customers/{theirs.exact_id}").status_code == 404
    assert api.get(f"/api/v1/customers/{mine.exact_id}").json()["name"] == "Bakkerij Jansen"
    assert api.get("/api/v1/customers", q="Elders").json()["customers"] == []
    rep_token_revoke(company=company, token_id=token.pk)
    assert api.get("/api/v1/customers").status_code == 401


def test_customer_search_by_name_code_and_city():
    company = make_company(reps_see_all_customers=True)
    make_customer(company=company, name="Bakkerij Jansen", code="1001", city="Utrecht")
    make_customer(company=company, name="Slagerij Pieters", code="2002", city="Zwolle")
    _, _, api = make_rep(company=company)

    def names(q):
        return [row["name"] for row in api.get("/api/v1/customers", q=q).json()["customers"]]

    assert names("Bakkerij") == ["Bakkerij Jansen"]
    assert names("2002") == ["Slagerij Pieters"]
    assert names("Zwolle") == ["Slagerij Pieters"]
    assert len(names("")) == 2
