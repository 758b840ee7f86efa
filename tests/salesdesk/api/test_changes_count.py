"""GET /changes/count: what the feed still has to deliver, per kind, for one company."""

from __future__ import annotations

import uuid

import pytest
from django.db import transaction

from salesdesk.catalog.services import item_upsert_many
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_item, make_item_price
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


def _count(api, since: str | None = None) -> dict:
    answer = api.get("/api/v1/changes/count", **({"since": since} if since else {}))
    assert answer.status_code == 200, answer.content
    return answer.json()


def test_counts_everything_then_only_what_came_after_the_cursor():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    items = [make_item(company=company) for _ in range(3)]
    make_item_price(item=items[0], price="4.50")
    make_customer(company=company)
    make_item(company=other)
    make_customer(company=other)
    _, _, api = make_rep(company=company)

    assert _count(api) == {
        "items": 3, "customers": 1, "item_prices": 1, "price_list_lines": 0, "orders": 0,
        "total": 5,
    }  # fmt: skip
    page = api.get("/api/v1/changes", limit=2).json()
    assert _count(api, page["cursor"])["total"] == 3
    while page["has_more"]:
        page = api.get("/api/v1/changes", since=page["cursor"], limit=2).json()
    assert _count(api, page["cursor"])["total"] == 0

    for owner in (company, other):  # as the Exact sync writes: with a new row_version
        with transaction.atomic():
            row = {"exact_id": uuid.uuid4(), "code": "NEW", "description": "New"}
            item_upsert_many(company=owner, rows=[row])
    after = _count(api, page["cursor"])
    assert (after["items"], after["total"]) == (1, 1)


def test_a_cursor_not_handed_out_is_refused_and_a_token_is_needed():
    _, _, api = make_rep(company=make_company(reps_see_all_customers=True))
    answer = api.get("/api/v1/changes/count", since="not-a-cursor")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "bad_cursor"
    api.headers = {}
    assert api.get("/api/v1/changes/count").status_code == 401
