"""POST /customers once per Idempotency-Key, and POST /orders for a customer created in
Salesdesk, named by its Salesdesk id (`new_customer_id`): within the company and the rep's
reach; the order waits in the outbox until Exact has the account. Two companies, two reps."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.api.tokens import rep_token_create
from salesdesk.customers.models import Customer
from salesdesk.orders.models import Order
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.customers.reps_world import reps_world

pytestmark = pytest.mark.django_db

BODY = {
    "name": "Bakkerij Nieuw",
    "address": {"line1": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Utrecht",
                "country": "NL"},
    "email": "info@nieuw.nl",
    "vat_number": "NL123456789B01",
}  # fmt: skip


@pytest.fixture
def world():
    world = reps_world()
    world.apis = {}
    for who, user in world.users.items():
        company = world.globex if who == "gus" else world.acme
        _, raw = rep_token_create(company=company, user=user, name="iPad")
        world.apis[who] = ApiClient(raw)
    world.items = {"acme": make_item(company=world.acme), "globex": make_item(company=world.globex)}
    return world


def _customer(api, body=BODY, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return api.post("/api/v1/customers", body, headers=headers)


def _order(api, item, key=None, **customer):
    body = {"lines": [{"item_id": str(item.exact_id), "quantity": "2"}], **customer}
    return api.post("/api/v1/orders", body, headers={"Idempotency-Key": key or str(uuid.uuid4())})


def _problem(response) -> tuple[list, str]:
    (problem,) = response.json()["detail"]
    return problem["loc"], problem["msg"]


def test_a_retried_customer_with_its_key_is_created_once(world):
    key = str(uuid.uuid4())
    first = _customer(world.apis["rob"], key=key)
    again = _customer(world.apis["rob"], key=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Customer.objects.filter(company=world.acme, name="Bakkerij Nieuw").count() == 1
    # Another rep's key of the same text is theirs: a customer of their own (no duplicate
    # check passes it, though: the e-mail exists now).
    theirs = _customer(world.apis["rita"], key=key)
    assert theirs.status_code == 422 and "Bakkerij Nieuw" in _problem(theirs)[1]


def test_a_key_used_for_another_request_is_refused_and_creates_nothing(world):
    key = str(uuid.uuid4())
    assert _customer(world.apis["rob"], key=key).status_code == 201
    other = _customer(world.apis["rob"], BODY | {"name": "Another", "email": "", "vat_number": ""},
                      key=key)  # fmt: skip
    assert other.status_code == 422
    assert _problem(other)[0] == ["header", "Idempotency-Key"]
    order_key = str(uuid.uuid4())
    assert _order(world.apis["rob"], world.items["acme"], key=order_key,
                  customer_id=str(world.customers["rob"].exact_id)).status_code == 201  # fmt: skip
    reused = _customer(world.apis["rob"], BODY | {"name": "Third"}, key=order_key)
    assert _problem(reused)[0] == ["header", "Idempotency-Key"]
    assert not Customer.objects.filter(name__in=["Another", "Third"]).exists()


def test_a_refused_customer_may_be_corrected_and_sent_with_the_same_key(world):
    key = str(uuid.uuid4())
    refused = _customer(world.apis["rob"], BODY | {"email": "nope"}, key=key)
    assert refused.status_code == 422 and _problem(refused)[0][-1] == "email"
    assert _customer(world.apis["rob"], key=key).status_code == 201
    assert Customer.objects.filter(company=world.acme, name="Bakkerij Nieuw").count() == 1


def test_without_a_key_each_request_is_a_new_attempt(world):
    assert _customer(world.apis["rob"]).status_code == 201
    assert _customer(world.apis["rob"]).status_code == 422  # the duplicate check catches it
    bad_key = _customer(world.apis["rob"], BODY | {"name": "X"}, key="has space")
    assert bad_key.status_code == 422


def test_an_order_for_a_new_customer_waits_for_its_account(world):
    created = _customer(world.apis["rob"]).json()
    answer = _order(world.apis["rob"], world.items["acme"], new_customer_id=created["salesdesk_id"])
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["customer_id"] is None and body["status"] == "queued"
    order = Order.objects.get(company=world.acme, number=body["number"])
    assert order.customer_id == created["salesdesk_id"]
    assert world.apis["rob"].get(f"/api/v1/orders/{order.number}").status_code == 200
    # An administrator may name it too; once Exact has it, by either id.
    new_id = created["salesdesk_id"]
    admin = _order(world.apis["admin"], world.items["acme"], new_customer_id=new_id)
    assert admin.status_code == 201
    exact_id = uuid.uuid4()
    Customer.objects.filter(pk=created["salesdesk_id"]).update(exact_id=exact_id)
    later = _order(world.apis["rob"], world.items["acme"], new_customer_id=created["salesdesk_id"])
    assert later.json()["customer_id"] == str(exact_id)


def test_a_new_customer_out_of_reach_or_of_another_company_is_unknown(world):
    created = _customer(world.apis["rob"]).json()
    not_found = (["body", "payload", "new_customer_id"], "No customer with this id.")
    rita = _order(world.apis["rita"], world.items["acme"], new_customer_id=created["salesdesk_id"])
    assert rita.status_code == 422 and _problem(rita) == not_found
    gus = _order(world.apis["gus"], world.items["globex"], new_customer_id=created["salesdesk_id"])
    assert gus.status_code == 422 and _problem(gus) == not_found
    # Gus's own new customer is his; it is not rob's.
    his = _customer(world.apis["gus"]).json()
    assert _order(world.apis["gus"], world.items["globex"],
                  new_customer_id=his["salesdesk_id"]).status_code == 201  # fmt: skip
    robs = _order(world.apis["rob"], world.items["acme"], new_customer_id=his["salesdesk_id"])
    assert _problem(robs) == not_found
    # A customer synced from Exact is named by its Exact ID, not by Salesdesk's.
    synced = _order(world.apis["admin"], world.items["acme"],
                    new_customer_id=world.customers["rob"].pk)  # fmt: skip
    assert _problem(synced) == not_found
    assert Order.objects.filter(customer_id=created["salesdesk_id"]).count() == 0


def test_exactly_one_of_the_customer_ids(world):
    created = _customer(world.apis["rob"]).json()
    both = _order(world.apis["rob"], world.items["acme"], new_customer_id=created["salesdesk_id"],
                  customer_id=str(world.customers["rob"].exact_id))  # fmt: skip
    neither = _order(world.apis["rob"], world.items["acme"])
    for answer in (both, neither):
        assert answer.status_code == 422
        assert "exactly one of customer_id and new_customer_id" in _problem(answer)[1]


@pytest.mark.parametrize("bad", [0, -1, 2**63, "x"])
def test_a_new_customer_id_out_of_range_is_refused_on_its_field(world, bad):
    answer = _order(world.apis["rob"], world.items["acme"], new_customer_id=bad)
    assert answer.status_code == 422
    assert _problem(answer)[0] == ["body", "payload", "new_customer_id"]
