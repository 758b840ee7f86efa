"""Each rep's own customers in the reps' API: customers, prices, the changes feed and
orders; admins see all; two companies, two reps."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from salesdesk.api.tokens import rep_token_create
from salesdesk.customers.models import Customer
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Membership
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.catalog.factories import make_item, make_item_price
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.customers.reps_world import RITA, reps_world
from tests.salesdesk.history.factories import make_open_item, make_sales_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = reps_world()
    world.apis = {}
    for who, user in world.users.items():
        company = world.globex if who == "gus" else world.acme
        _, raw = rep_token_create(company=company, user=user, name="iPad")
        world.apis[who] = ApiClient(raw)
    return world


def customer_names(api) -> set[str]:
    return {row["name"] for row in api.get("/api/v1/customers").json()["customers"]}


def feed(api, since=None) -> dict:
    params = {"since": since} if since else {}
    return api.get("/api/v1/changes", **params).json()


def test_customers_are_each_reps_own_and_all_for_admins(world):
    assert customer_names(world.apis["rob"]) == {"Rob's Bakery"}
    assert customer_names(world.apis["rita"]) == {"Rita's Dairy"}
    assert customer_names(world.apis["una"]) == set()
    assert customer_names(world.apis["admin"]) == {"Rob's Bakery", "Rita's Dairy", "Nobody's Deli"}
    assert customer_names(world.apis["gus"]) == {"Gus's Grocer"}
    ritas = world.customers["rita"].exact_id
    assert world.apis["rob"].get(f"/api/v1/customers/{ritas}").status_code == 404
    assert world.apis["rita"].get(f"/api/v1/customers/{ritas}").status_code == 200


def test_orders_are_the_reps_customers_and_their_own(world):
    def numbers(who):
        rows = world.apis[who].get("/api/v1/orders").json()["orders"]
        return {key for key, order in world.orders.items() if order.number in
                {row["number"] for row in rows}}  # fmt: skip

    assert numbers("rob") == {"rob", "nobody"}
    assert numbers("rita") == {"rita"}
    assert numbers("admin") == {"rob", "rita", "nobody"}
    assert numbers("gus") == {"gus"}
    rita_order = world.orders["rita"].number
    assert world.apis["rob"].get(f"/api/v1/orders/{rita_order}").status_code == 404


def test_a_rep_cannot_order_for_a_customer_out_of_reach(world):
    item = make_item(company=world.acme)
    body = {
        "customer_id": str(world.customers["rita"].exact_id),
        "lines": [{"item_id": str(item.exact_id), "quantity": "1"}],
    }
    answer = world.apis["rob"].post("/api/v1/orders", body, {"Idempotency-Key": "k-1"})
    assert answer.status_code == 422
    assert "No customer with this id." in answer.content.decode()
    ok = world.apis["rita"].post("/api/v1/orders", body, {"Idempotency-Key": "k-1"})
    assert ok.status_code == 201


def test_the_feed_carries_only_the_reps_customers_their_prices_and_orders(world):
    item = make_item(company=world.acme)
    make_item_price(item=item, price="5", customer=world.customers["rita"])
    make_item_price(item=item, price="7")  # for every customer
    rob = feed(world.apis["rob"])
    assert {row["name"] for row in rob["changes"]["customers"]} == {"Rob's Bakery"}
    assert {row["number"] for row in rob["changes"]["orders"]} == {
        world.orders["rob"].number, world.orders["nobody"].number,
    }  # fmt: skip
    assert [row["customer_id"] for row in rob["changes"]["item_prices"]] == [None]
    rita = feed(world.apis["rita"])
    assert {row["name"] for row in rita["changes"]["customers"]} == {"Rita's Dairy"}
    assert len(rita["changes"]["item_prices"]) == 2
    gus = feed(world.apis["gus"])
    assert {row["name"] for row in gus["changes"]["customers"]} == {"Gus's Grocer"}


def test_the_feed_sends_what_a_new_link_opens_though_nothing_changed_in_exact(world):
    rob = world.apis["rob"]
    cursor = feed(rob)["cursor"]
    assert feed(rob, cursor)["changes"]["customers"] == []
    Membership.objects.filter(company=world.acme, user=world.users["rob"]).update(
        exact_user_id=RITA
    )
    after = feed(rob, cursor)
    assert {row["name"] for row in after["changes"]["customers"]} == {"Rita's Dairy"}
    assert {row["number"] for row in after["changes"]["orders"]} == {
        world.orders["rita"].number, world.orders["nobody"].number,
    }  # fmt: skip
    assert after["changes"]["items"] == []  # kinds a reach does not narrow go on as they were
    assert feed(world.apis["rita"])["changes"]["customers"]  # rita's own reach is unchanged


def test_a_customer_handed_to_another_rep_reaches_that_reps_feed(world):
    rita = world.apis["rita"]
    cursor = feed(rita)["cursor"]
    Customer.objects.filter(pk=world.customers["rob"].pk).update(account_manager_exact_id=RITA)
    # A synced change takes a new version, so the feeds pick the customer up.
    Customer.objects.filter(pk=world.customers["rob"].pk).update(
        row_version=version_next(company=world.acme)
    )
    assert {row["name"] for row in feed(rita, cursor)["changes"]["customers"]} == {"Rob's Bakery"}
    assert customer_names(world.apis["rob"]) == set()


def test_a_price_for_a_customer_out_of_reach_is_404(world):
    item = make_item(company=world.acme)
    path = f"/api/v1/items/{item.exact_id}/price"
    ritas = world.customers["rita"].exact_id
    assert world.apis["rob"].get(path, customer_id=str(ritas)).status_code == 404
    assert world.apis["rita"].get(path, customer_id=str(ritas)).status_code == 200
    assert world.apis["rob"].get(path, customer_id=str(uuid.uuid4())).status_code == 404


def test_a_customers_history_reaches_only_those_who_see_the_customer(world):
    ritas, robs = world.customers["rita"], world.customers["rob"]
    for customer in (ritas, robs):
        make_address(company=world.acme, customer_exact_id=customer.exact_id)
        make_contact(company=world.acme, customer_exact_id=customer.exact_id)
        make_sales_order(company=world.acme, customer_exact_id=customer.exact_id,
                         lines=[{"quantity": Decimal(1)}])  # fmt: skip
        make_open_item(company=world.acme, customer_exact_id=customer.exact_id)
    make_address(company=world.globex, customer_exact_id=world.customers["gus"].exact_id)
    kinds = ("addresses", "contacts", "sales_orders", "open_items")
    rob = feed(world.apis["rob"])["changes"]
    for kind in kinds:
        assert {row["customer_id"] for row in rob[kind]} == {str(robs.exact_id)}, kind
    rob_order = next(row["id"] for row in rob["sales_orders"])
    assert {row["order_id"] for row in rob["sales_order_lines"]} == {rob_order}
    admin = feed(world.apis["admin"])["changes"]
    assert {row["customer_id"] for row in admin["addresses"]} == {
        str(robs.exact_id), str(ritas.exact_id),
    }  # fmt: skip
    gus = feed(world.apis["gus"])["changes"]
    assert {row["customer_id"] for row in gus["addresses"]} == {
        str(world.customers["gus"].exact_id)
    }
    path = "/api/v1/customers/{}/history"
    assert world.apis["rob"].get(path.format(ritas.exact_id)).status_code == 404
    assert world.apis["rob"].get(path.format(robs.exact_id)).status_code == 200
    count = world.apis["rob"].get("/api/v1/changes/count").json()
    assert count["customers"] == 1


def test_the_web_history_pages_follow_the_reach(world):
    ritas = world.customers["rita"].exact_id
    assert world.browser("rob").get(f"/acme/customers/{ritas}/orders/").status_code == 404
    assert world.browser("rita").get(f"/acme/customers/{ritas}/orders/").status_code == 200
