"""POST /api/v1/orders with the order header: choices by Exact ID (payment condition by
code, a new address as an object), the customer's defaults for what is left out, 422s per
field for another customer's or company's choices, and the order's JSON (and feed) show it."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.orders.models import Order
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.orders.header_world import header_shop

pytestmark = pytest.mark.django_db

ROB = uuid.UUID("00000000-0000-4000-8000-0000000000b0")


@pytest.fixture
def acme():
    shop = header_shop(slug="acme")
    shop.customer.account_manager_exact_id = ROB
    shop.customer.save()
    return shop


@pytest.fixture
def globex():
    return header_shop(slug="globex")


@pytest.fixture
def api(acme):
    return make_rep(company=acme.company, exact_user_id=ROB)[2]


def _post(api, shop, **header):
    body = {
        "customer_id": str(shop.customer.exact_id),
        "lines": [{"item_id": str(shop.item.exact_id), "quantity": "1"}],
        **header,
    }
    return api.post("/api/v1/orders", body, headers={"Idempotency-Key": str(uuid.uuid4())})


def test_the_header_is_taken_by_ids_and_shown(api, acme, globex):
    answer = _post(
        api,
        acme,
        kind="order",
        delivery_address=str(acme.other_address),
        contact_id=str(acme.other_contact),
        shipping_method_id=str(acme.shipping.exact_id),
        payment_condition="30",
        warehouse_id=str(acme.warehouses[1].exact_id),
        discount="2.5",
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["kind"] == "order"
    assert (body["delivery_address_id"], body["delivery_address_text"]) == (
        str(acme.other_address), "Dok 7, 1011 AB Amsterdam, NL",
    )  # fmt: skip
    assert (body["contact_id"], body["contact_name"]) == (str(acme.other_contact), "Anna Bakker")
    assert body["shipping_method_id"] == str(acme.shipping.exact_id)
    assert (body["payment_condition"], body["payment_condition_label"]) == ("30", "30 days")
    assert body["warehouse_id"] == str(acme.warehouses[1].exact_id)
    assert body["discount"] == "2.50"
    assert str(Order.objects.get(number=body["number"]).discount) == "0.0250"
    shown = api.get(f"/api/v1/orders/{body['number']}").json()
    assert shown["contact_name"] == "Anna Bakker" and shown["discount"] == "2.50"
    (fed,) = api.get("/api/v1/changes").json()["changes"]["orders"]
    assert fed["delivery_address_text"] == "Dok 7, 1011 AB Amsterdam, NL"


def test_left_out_is_the_customers_default_and_null_is_none(api, acme):
    defaults = _post(api, acme).json()
    assert defaults["delivery_address_id"] == str(acme.main_address)
    assert defaults["contact_id"] == str(acme.main_contact)
    assert defaults["payment_condition"] == "30"
    assert defaults["kind"] == "order" and defaults["discount"] == "0.00"
    assert defaults["shipping_method_id"] is None and defaults["warehouse_id"] is None
    none = _post(api, acme, delivery_address=None, contact_id=None, payment_condition=None)
    body = none.json()
    assert (body["delivery_address_id"], body["contact_id"], body["payment_condition"]) == (
        None, None, "",
    )  # fmt: skip


def test_a_new_address_as_an_object(api, acme):
    typed = {"line1": "Haven 3", "postcode": "9000", "city": "Gent", "country": "be"}
    body = _post(api, acme, delivery_address=typed).json()
    assert body["delivery_address_id"] is None
    assert body["new_delivery_address"] == {
        "line1": "Haven 3", "line2": "", "postcode": "9000", "city": "Gent", "country": "BE",
    }  # fmt: skip
    assert body["delivery_address_text"] == "Haven 3, 9000 Gent, BE"


def test_another_customers_or_companys_choices_are_422_per_field(api, acme, globex):
    neighbour = header_shop(slug="initech")  # a third company: ids unknown to acme
    answer = _post(
        api,
        acme,
        delivery_address=str(globex.main_address),
        contact_id=str(globex.main_contact),
        shipping_method_id=str(globex.shipping.exact_id),
        payment_condition="NOPE",
        warehouse_id=str(neighbour.warehouses[0].exact_id),
    )
    assert answer.status_code == 422
    located = {p["loc"][-1]: p["msg"] for p in answer.json()["detail"]}
    assert set(located) == {
        "delivery_address", "contact_id", "shipping_method_id", "payment_condition",
        "warehouse_id",
    }  # fmt: skip
    assert "not one of" in located["delivery_address"]
    assert located["payment_condition"] == "No payment condition with code 'NOPE' in Exact Online."
    assert not Order.objects.filter(company=acme.company).exists()


def test_a_rep_cannot_order_for_another_reps_customer(api, acme):
    answer = _post(api, acme, customer_id=str(acme.neighbour.exact_id))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] == "customer_id"


@pytest.mark.parametrize(
    "header",
    [
        {"discount": "100"},
        {"discount": "2.555"},
        {"kind": "invoice"},
        {"delivery_address": {"line1": " ", "city": "Gent", "country": "BE"}},
        {"delivery_address": {"line1": "Haven 3", "city": "Gent", "country": "BEL"}},
    ],
)
def test_what_the_schema_forbids_is_refused(api, acme, header):
    assert _post(api, acme, **header).status_code == 422
    assert not Order.objects.exists()


def test_the_schema_documents_the_header(api):
    schema = api.get("/api/v1/openapi.json").json()["components"]["schemas"]
    fields = schema["OrderIn"]["properties"]
    for name in ("kind", "delivery_address", "contact_id", "shipping_method_id",
                 "payment_condition", "warehouse_id", "discount"):  # fmt: skip
        assert name in fields
    assert "NewDeliveryAddressIn" in schema
    assert "discount" in schema["OrderOut"]["properties"]


def test_order_terms_are_this_companys_active_lists(api, acme, globex):
    gone = header_shop(slug="initech").shipping  # another company's
    acme.warehouses[1].active = False
    acme.warehouses[1].save()
    terms = api.get("/api/v1/order-terms").json()
    assert terms["shipping_methods"] == [
        {"id": str(acme.shipping.exact_id), "code": "DHL", "description": "DHL Parcel"}
    ]
    assert terms["payment_conditions"] == [
        {"code": "30", "description": "30 days", "payment_days": acme.payment.payment_days}
    ]
    assert [w["code"] for w in terms["warehouses"]] == [acme.warehouses[0].code]
    assert str(gone.exact_id) not in str(terms) and str(globex.shipping.exact_id) not in str(terms)


def test_a_quotation_with_an_order_discount_is_refused_on_its_field(api, acme):
    answer = _post(api, acme, kind="quotation", discount="2.5")
    assert answer.status_code == 422
    (problem,) = answer.json()["detail"]
    assert (
        problem["loc"][-1] == "discount" and "quotations take no order discount" in problem["msg"]
    )
