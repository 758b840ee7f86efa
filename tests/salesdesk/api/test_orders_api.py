"""POST /orders with an Idempotency-Key, field errors, the outbox, and the order's status."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from salesdesk.api.tokens import rep_token_revoke
from salesdesk.integration.order_push.services import UNCLEAR_BACKOFF
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outbox import outbox_claim, outbox_finish
from salesdesk.orders.outcomes import SendOutcome
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

BACKOFF = UNCLEAR_BACKOFF.delay  # the integration's policy for unclear answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    customer = make_customer(company=company)
    items = [make_item(company=company, vat_percentage=Decimal("0.21")) for _ in range(2)]
    user, token, api = make_rep(company=company)
    return company, other, customer, items, user, token, api


def _order(customer, items, **extra) -> dict:
    lines = [{"item_id": str(item.exact_id), "quantity": "2"} for item in items]
    return {"customer_id": str(customer.exact_id), "your_ref": "PO-1", "lines": lines} | extra


def _post(api, body, key=None):
    return api.post("/api/v1/orders", body, headers={"Idempotency-Key": key or str(uuid.uuid4())})


def test_an_order_is_created_priced_and_queued_for_exact_even_without_a_connection(shop):
    company, _, customer, items, user, _, api = shop
    answer = _post(api, _order(customer, items, notes="Back door"))
    assert answer.status_code == 201
    body = answer.json()
    order = Order.objects.get(company=company, number=body["number"])
    assert order.status == Order.Status.QUEUED == body["status"]
    assert order.created_by == user and order.notes == "Back door"
    assert OrderOutbox.objects.filter(order=order).exists()  # the company has no Exact connection
    assert Decimal(body["total_excl_vat"]) == Decimal("40.00")
    assert Decimal(body["total_incl_vat"]) == Decimal("48.40")
    assert [line["item_id"] for line in body["lines"]] == [str(item.exact_id) for item in items]
    assert body["exact_order_number"] is None


def test_a_repeated_idempotency_key_returns_the_first_answer_and_never_a_second_order(shop):
    company, _, customer, items, _, _, api = shop
    key = str(uuid.uuid4())
    first = _post(api, _order(customer, items), key)
    again = _post(api, _order(customer, items), key)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content and again["Idempotent-Replayed"] == "true"
    assert Order.objects.filter(company=company).count() == 1
    other_order = _post(api, _order(customer, items[:1]), key)
    assert other_order.status_code == 422
    assert other_order.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert _post(api, _order(customer, items)).status_code == 201  # a new key: a new order
    assert Order.objects.filter(company=company).count() == 2


def test_keys_are_per_rep(shop):
    company, _, customer, items, _, _, api = shop
    _, _, colleague = make_rep(company=company)
    key = str(uuid.uuid4())
    assert _post(api, _order(customer, items), key).status_code == 201
    assert _post(colleague, _order(customer, items), key).status_code == 201
    assert Order.objects.filter(company=company).count() == 2


def test_a_refused_order_is_not_remembered_under_its_key(shop):
    _company, _, customer, items, _, _, api = shop
    key = str(uuid.uuid4())
    items[0].active = False
    items[0].save()
    assert _post(api, _order(customer, items), key).status_code == 422
    items[0].active = True
    items[0].save()
    assert _post(api, _order(customer, items), key).status_code == 201


def test_the_idempotency_key_header_is_required(shop):
    _, _, customer, items, _, _, api = shop
    answer = api.post("/api/v1/orders", _order(customer, items))
    assert answer.status_code == 422
    assert not Order.objects.exists()


def _locs(answer) -> list:
    assert answer.status_code == 422, answer.content
    return [problem["loc"] for problem in answer.json()["detail"]]


def test_validation_errors_name_the_field(shop):
    _company, other, customer, items, _, _, api = shop
    body = _order(customer, items)
    body["lines"][1]["quantity"] = "-1"
    assert ["body", "payload", "lines", 1, "quantity"] in _locs(_post(api, body))
    assert ["body", "payload", "customer_id"] in _locs(
        _post(api, _order(customer, items) | {"customer_id": "x"})
    )
    foreign_customer = make_customer(company=other)
    assert _locs(_post(api, _order(foreign_customer, items))) == [
        ["body", "payload", "customer_id"]
    ]
    foreign_item = make_item(company=other)
    assert _locs(_post(api, _order(customer, [items[0], foreign_item]))) == [
        ["body", "payload", "lines", 1, "item_id"]
    ]
    customer.blocked = True
    customer.save()
    assert _locs(_post(api, _order(customer, items))) == [["body", "payload", "customer_id"]]
    assert not Order.objects.exists()


def test_a_line_without_any_price_asks_for_a_unit_price(shop):
    company, _, customer, items, _, _, api = shop
    unpriced = make_item(company=company, standard_price=None)
    body = _order(customer, [items[0], unpriced])
    assert _locs(_post(api, body)) == [["body", "payload", "lines", 1, "unit_price"]]
    body["lines"][1]["unit_price"] = "3.50"
    answer = _post(api, body)
    assert answer.status_code == 201
    assert [line["unit_price"] for line in answer.json()["lines"]] == ["10.0000", "3.5000"]


def test_status_and_exact_order_number_come_back_through_the_order(shop):
    _, _, customer, items, _, _, api = shop
    number = _post(api, _order(customer, items)).json()["number"]
    order = Order.objects.get(number=number)
    now = datetime.now(tz=UTC)
    claim = outbox_claim(order_id=order.pk, now=now)
    assert api.get(f"/api/v1/orders/{number}").json()["status"] == "sending"
    outcome = SendOutcome.submitted(order_id=uuid.uuid4(), number=4711, found=False)
    outbox_finish(claim=claim, outcome=outcome, now=now, backoff=BACKOFF)
    body = api.get(f"/api/v1/orders/{number}").json()
    assert (body["status"], body["exact_order_number"]) == ("submitted", 4711)


def test_a_rep_sees_only_their_own_orders_of_their_own_company(shop):
    company, other, customer, items, _, token, api = shop
    number = _post(api, _order(customer, items)).json()["number"]
    _, _, colleague = make_rep(company=company)
    _, _, outsider = make_rep(company=other)
    assert [o["number"] for o in api.get("/api/v1/orders").json()["orders"]] == [number]
    assert colleague.get("/api/v1/orders").json()["orders"] == []
    assert colleague.get(f"/api/v1/orders/{number}").status_code == 404
    assert outsider.get(f"/api/v1/orders/{number}").status_code == 404
    rep_token_revoke(company=company, token_id=token.pk)
    assert api.get(f"/api/v1/orders/{number}").status_code == 401
    assert _post(api, _order(customer, items)).status_code == 401
    assert Order.objects.count() == 1


def test_orders_list_pages_newest_first(shop):
    _, _, customer, items, _, _, api = shop
    numbers = [_post(api, _order(customer, items)).json()["number"] for _ in range(3)]
    first = api.get("/api/v1/orders", limit=2).json()
    rest = api.get("/api/v1/orders", limit=2, after=first["next"]).json()
    assert [o["number"] for o in first["orders"] + rest["orders"]] == numbers[::-1]
    assert rest["next"] is None
