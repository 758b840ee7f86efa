"""GET /changes: full download in pages, changes and deactivations, changes during paging."""

from __future__ import annotations

import gzip
import uuid
from decimal import Decimal

import orjson
import pytest
from django.db import transaction

from salesdesk.api.tokens import rep_token_revoke
from salesdesk.catalog.models import Item
from salesdesk.catalog.services import item_deactivate_many, item_upsert_many
from salesdesk.customers.services import customer_deactivate_many
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
KINDS = ("items", "customers", "item_prices", "price_list_lines", "orders")


def _item_row(code: str, exact_id: uuid.UUID | None = None, **fields) -> dict:
    """A row as the sync hands it to item_upsert_many."""
    return {"exact_id": exact_id or uuid.uuid4(), "code": code, "description": code} | fields


def _sync_items(company, rows) -> None:
    """What the Exact sync does with a page of items (it stamps a new row_version)."""
    with transaction.atomic():
        item_upsert_many(company=company, rows=rows)


class Device:
    """An offline device: applies every page to its copy, counts what it received."""

    def __init__(self, api) -> None:
        self.api, self.cursor = api, None
        self.copy: dict[tuple[str, str], dict] = {}
        self.received: list[tuple[str, str, int]] = []

    def page(self, limit: int = 1000) -> dict:
        params = {"limit": limit} | ({"since": self.cursor} if self.cursor else {})
        answer = self.api.get("/api/v1/changes", **params)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        for kind in KINDS:
            for record in body["changes"][kind]:
                key = record.get("id") or record["number"]
                self.copy[(kind, key)] = record
                self.received.append((kind, key, record["version"]))
        self.cursor = body["cursor"]
        return body

    def sync(self, limit: int = 1000) -> int:
        pages = 1
        while self.page(limit)["has_more"]:
            pages += 1
        return pages


@pytest.fixture
def catalog():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    items = [make_item(company=company) for _ in range(7)]
    customers = [make_customer(company=company) for _ in range(3)]
    make_item_price(item=items[0], price="5", customer=customers[0])
    make_line(period=make_period(price_list=make_price_list(company=company)), item=items[1],
              new_price=Decimal("8"))  # fmt: skip
    make_item(company=other)
    make_customer(company=other)
    user, token, api = make_rep(company=company)
    return company, items, customers, user, token, api


def test_a_first_call_without_cursor_returns_everything_in_pages(catalog):
    _company, items, _customers, *_, api = catalog
    device = Device(api)
    assert device.sync(limit=4) == 3  # 7 items + 3 customers + 1 price + 1 line = 12
    kinds = sorted({kind for kind, _, _ in device.received})
    assert kinds == ["customers", "item_prices", "items", "price_list_lines"]
    assert len(device.received) == len(set(device.received)) == 12
    assert {key for kind, key in device.copy if kind == "items"} == {
        str(item.exact_id) for item in items
    }
    line = next(r for (kind, _), r in device.copy.items() if kind == "price_list_lines")
    assert line["item_id"] == str(items[1].exact_id) and line["method"] == "new_price"


def test_nothing_changed_returns_an_empty_page_with_the_same_cursor_and_304_on_its_etag(catalog):
    *_, api = catalog
    device = Device(api)
    device.sync()
    answer = api.get("/api/v1/changes", since=device.cursor)
    body = answer.json()
    assert body["cursor"] == device.cursor and not body["has_more"]
    assert all(body["changes"][kind] == [] for kind in KINDS)
    etag = answer["ETag"]
    again = api.get("/api/v1/changes", since=device.cursor, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


def test_changes_and_deactivations_since_the_cursor(catalog):
    company, items, customers, *_, api = catalog
    device = Device(api)
    device.sync()
    _sync_items(company, [_item_row("CHANGED", items[2].exact_id), _item_row("NEW-1")])
    customer_deactivate_many(company=company, exact_ids=[customers[1].exact_id])
    body = device.page()
    assert sorted(item["code"] for item in body["changes"]["items"]) == ["CHANGED", "NEW-1"]
    assert [(c["id"], c["active"]) for c in body["changes"]["customers"]] == [
        (str(customers[1].exact_id), False)
    ]
    assert not body["has_more"]
    assert device.page()["changes"]["items"] == []


def test_no_record_missed_or_repeated_when_changes_happen_during_paging(catalog):
    company, items, _customers, *_, api = catalog
    more = [_item_row(f"BULK-{n:02d}") for n in range(20)]
    _sync_items(company, more)
    device = Device(api)
    device.page(limit=5)  # the first 5 of the 7 old items
    delivered = items[0]
    # Change one delivered item and one still to come, deactivate one to come, add new ones.
    _sync_items(
        company, [_item_row("AGAIN", delivered.exact_id), _item_row("LATER", items[6].exact_id)]
    )
    item_deactivate_many(company=company, exact_ids=[more[3]["exact_id"]])
    device.page(limit=5)
    _sync_items(company, [_item_row(f"NEW-{n}") for n in range(3)])
    device.sync(limit=5)
    stored = {
        str(i.exact_id): (i.code, i.active, i.row_version)
        for i in Item.objects.filter(company=company)
    }
    got = {
        key: (r["code"], r["active"], r["version"])
        for (kind, key), r in device.copy.items()
        if kind == "items"
    }
    assert got == stored  # the device holds exactly the latest state of every item
    item_deliveries = [(key, version) for kind, key, version in device.received if kind == "items"]
    assert len(item_deliveries) == len(set(item_deliveries))  # no version delivered twice
    # Only the changed, delivered item came twice: once as it was, once changed.
    twice = {key for key, _ in item_deliveries if [k for k, _ in item_deliveries].count(key) > 1}
    assert twice == {str(delivered.exact_id)}


def test_rows_written_in_one_statement_share_a_version_and_still_page_exactly_once(catalog):
    company, *_, api = catalog
    device = Device(api)
    device.sync()
    _sync_items(company, [_item_row(f"SAME-{n}") for n in range(9)])
    assert (
        Item.objects.filter(code__startswith="SAME").values("row_version").distinct().count() == 1
    )
    device.sync(limit=2)
    same = [
        key
        for kind, key, _ in device.received
        if kind == "items" and device.copy[(kind, key)]["code"].startswith("SAME")
    ]
    assert len(same) == len(set(same)) == 9


def test_the_reps_orders_statuses_come_through_the_feed_but_not_a_colleagues(catalog):
    company, items, customers, _user, _, api = catalog
    _, _, colleague = make_rep(company=company)
    body = {"customer_id": str(customers[0].exact_id),
            "lines": [{"item_id": str(items[0].exact_id), "quantity": "1"}]}  # fmt: skip
    mine = api.post("/api/v1/orders", body, headers={"Idempotency-Key": "k1"}).json()["number"]
    colleague.post("/api/v1/orders", body, headers={"Idempotency-Key": "k1"})
    device = Device(api)
    device.sync()
    assert [(r["number"], r["status"]) for (k, _), r in device.copy.items() if k == "orders"] == [
        (mine, "queued")
    ]
    from salesdesk.orders.models import Order
    from salesdesk.orders.services import order_mark_manual

    assert device.page()["changes"]["orders"] == []
    order = Order.objects.get(number=mine)
    Order.objects.filter(pk=order.pk).update(status=Order.Status.FAILED)
    order_mark_manual(order=order, user=None, exact_order_number=77)
    orders = device.page()["changes"]["orders"]
    assert [(o["status"], o["exact_order_number"]) for o in orders] == [("manual", 77)]


def test_two_companies_and_a_revoked_token(catalog):
    company, items, *_, token, api = catalog
    other = make_company(reps_see_all_customers=True)
    _, _, outsider = make_rep(company=other)
    make_item(company=other)
    theirs = Device(outsider)
    theirs.sync()
    assert len(theirs.received) == 1
    assert not {key for _, key, _ in theirs.received} & {str(i.exact_id) for i in items}
    rep_token_revoke(company=company, token_id=token.pk)
    assert api.get("/api/v1/changes").status_code == 401


def test_gzip_when_asked(catalog):
    *_, api = catalog
    plain = api.get("/api/v1/changes")
    zipped = api.get("/api/v1/changes", headers={"Accept-Encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert orjson.loads(gzip.decompress(zipped.content)) == plain.json()
    assert len(zipped.content) < len(plain.content)


@pytest.mark.parametrize(
    "cursor", ["nonsense", "eyJmIjoxfQ", "eyJmIjoxLCJpdGVtcyI6Wy0xLDBdfQ", "e30"]
)
def test_a_cursor_not_handed_out_is_refused_by_name(catalog, cursor):
    *_, api = catalog
    answer = api.get("/api/v1/changes", since=cursor)
    if cursor == "eyJmIjoxfQ":  # {"f":1}: a valid cursor at the very start
        assert answer.status_code == 200
        return
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "since"]
