"""POST /api/v1/customers and GET /api/v1/customers/created/{id}: the web form's rules, 422s
on the fields, the rep's reach; a new customer reaches lists and the feed once in Exact;
two companies, two reps."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.api.tokens import rep_token_create
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.tenants.changes import version_next
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.customers.reps_world import ROB, reps_world
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db

BODY = {
    "name": "Bakkerij Nieuw",
    "status": "prospect",
    "address": {"line1": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Utrecht",
                "country": "NL"},
    "email": "info@nieuw.nl",
    "vat_number": "NL 1234.5678.9B01",
    "contact": {"first_name": "Anna", "last_name": "de Boer", "email": "anna@nieuw.nl"},
    "delivery_address": {"line1": "Havenweg 9", "postcode": "1235 CD", "city": "Utrecht"},
}  # fmt: skip


@pytest.fixture
def world():
    world = reps_world()
    world.apis = {}
    for who, user in world.users.items():
        company = world.globex if who == "gus" else world.acme
        _, raw = rep_token_create(company=company, user=user, name="iPad")
        world.apis[who] = ApiClient(raw)
    return world


def _problems(response) -> dict:
    return {".".join(map(str, p["loc"][2:])): p["msg"] for p in response.json()["detail"]}


def test_a_rep_creates_a_prospect_that_waits_for_exact(world):
    response = world.apis["rob"].post("/api/v1/customers", BODY)
    assert response.status_code == 201, response.content
    answer = response.json()
    customer = Customer.objects.get(pk=answer["salesdesk_id"])
    assert answer == {
        "salesdesk_id": customer.pk, "id": None, "code": f"NEW-{customer.pk}",
        "name": "Bakkerij Nieuw", "status": "prospect", "exact_state": "queued",
        "exact_message": "",
    }  # fmt: skip
    assert customer.company == world.acme and customer.account_manager_exact_id == ROB
    assert customer.vat_number == "NL123456789B01"
    outbox = AccountOutbox.objects.get(customer=customer)
    assert outbox.contact["first_name"] == "Anna"
    assert outbox.delivery_address["city"] == "Utrecht"


def test_its_state_is_read_back_by_salesdesk_id_within_reach_and_company(world):
    created = world.apis["rob"].post("/api/v1/customers", BODY).json()
    path = f"/api/v1/customers/created/{created['salesdesk_id']}"
    assert world.apis["rob"].get(path).json()["exact_state"] == "queued"
    assert world.apis["admin"].get(path).status_code == 200
    assert world.apis["rita"].get(path).status_code == 404
    assert world.apis["gus"].get(path).status_code == 404
    exact_id = uuid.uuid4()
    Customer.objects.filter(pk=created["salesdesk_id"]).update(
        exact_id=exact_id, code_display="1234", row_version=version_next(company=world.acme)
    )
    AccountOutbox.objects.filter(customer_id=created["salesdesk_id"]).update(state="done")
    answer = world.apis["rob"].get(path).json()
    assert (answer["id"], answer["code"], answer["exact_state"]) == (str(exact_id), "1234", "done")


def test_bad_input_gets_422_on_its_fields_and_stores_nothing(world):
    bad = BODY | {
        "email": "nope",
        "contact": {"first_name": "Anna"},
        "address": {"country": "Holland"},
    }
    response = world.apis["admin"].post("/api/v1/customers", bad)
    assert response.status_code == 422
    problems = _problems(response)
    assert set(problems) >= {"address.country"}
    response = world.apis["admin"].post("/api/v1/customers", BODY | {"email": "nope"})
    assert _problems(response) == {"email": "Enter a valid e-mail address."}
    response = world.apis["admin"].post(
        "/api/v1/customers", BODY | {"contact": {"first_name": "A"}}
    )
    assert "contact.last_name" in _problems(response)
    assert world.apis["admin"].post("/api/v1/customers", BODY | {"name": ""}).status_code == 422
    assert world.apis["admin"].post("/api/v1/customers", BODY | {"status": "x"}).status_code == 422
    assert not Customer.objects.filter(name="Bakkerij Nieuw").exists()


def test_a_duplicate_names_the_existing_customer(world):
    make_customer(company=world.acme, name="Oud Bakkerij", email="INFO@nieuw.nl")
    response = world.apis["admin"].post("/api/v1/customers", BODY)
    assert response.status_code == 422
    assert "Oud Bakkerij" in _problems(response)["email"]
    # Another company's customer with that e-mail is no duplicate.
    assert world.apis["gus"].post("/api/v1/customers", BODY).status_code == 201


def test_an_unlinked_rep_is_told_why(world):
    response = world.apis["una"].post("/api/v1/customers", BODY)
    assert response.status_code == 422
    assert "not linked to an Exact Online user" in _problems(response)["name"]


def test_lists_and_the_feed_show_a_new_customer_once_exact_has_it_and_its_orders_meanwhile(world):
    created = world.apis["rob"].post("/api/v1/customers", BODY).json()
    customer = Customer.objects.get(pk=created["salesdesk_id"])
    order = make_order(company=world.acme, customer=customer, user=world.users["rob"])
    names = {row["name"] for row in world.apis["rob"].get("/api/v1/customers").json()["customers"]}
    assert "Bakkerij Nieuw" not in names
    changes = world.apis["rob"].get("/api/v1/changes").json()
    assert "Bakkerij Nieuw" not in {row["name"] for row in changes["changes"]["customers"]}
    listed = world.apis["rob"].get(f"/api/v1/orders/{order.number}")
    assert listed.status_code == 200 and listed.json()["customer_id"] is None

    exact_id = uuid.uuid4()
    Customer.objects.filter(pk=customer.pk).update(
        exact_id=exact_id, row_version=version_next(company=world.acme)
    )
    names = {row["name"] for row in world.apis["rob"].get("/api/v1/customers").json()["customers"]}
    assert "Bakkerij Nieuw" in names
    changes = world.apis["rob"].get("/api/v1/changes").json()
    assert str(exact_id) in {row["id"] for row in changes["changes"]["customers"]}
    assert world.apis["rob"].get(f"/api/v1/orders/{order.number}").json()["customer_id"] == str(
        exact_id
    )
