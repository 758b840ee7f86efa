"""A customer Exact gives another account manager leaves the old rep's devices and reaches
the new rep's with what hangs off it; admins and the other company see no difference."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.api.tokens import rep_token_create
from salesdesk.customers.models import ReachMove
from salesdesk.customers.services import customer_upsert_many
from salesdesk.tenants.models import Company, Membership
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.catalog.factories import make_item, make_item_price
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.customers.reps_world import RITA, ROB, reps_world
from tests.salesdesk.history.factories import make_sales_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = reps_world()
    world.apis = {}
    for who, user in world.users.items():
        company = world.globex if who == "gus" else world.acme
        _, raw = rep_token_create(company=company, user=user, name="iPad")
        world.apis[who] = ApiClient(raw)
    customer = world.customers["rob"]
    item = make_item(company=world.acme)
    make_item_price(item=item, price="5", customer=customer)
    make_address(company=world.acme, customer_exact_id=customer.exact_id)
    make_contact(company=world.acme, customer_exact_id=customer.exact_id)
    make_sales_order(company=world.acme, customer_exact_id=customer.exact_id,
                     lines=[{"quantity": Decimal(1)}])  # fmt: skip
    return world


def feed(api, since=None) -> dict:
    params = {"since": since} if since else {}
    return api.get("/api/v1/changes", **params).json()


def cursors(world) -> dict:
    return {who: feed(api)["cursor"] for who, api in world.apis.items()}


def move(world, customer_key: str, manager) -> None:
    customer = world.customers[customer_key]
    customer_upsert_many(company=customer.company, rows=[{
        "exact_id": customer.exact_id, "price_list_exact_id": None,
        "account_manager_exact_id": manager, "account_manager_name": "",
    }])  # fmt: skip


def test_the_old_rep_is_told_to_remove_it_and_the_new_rep_gets_it_all(world):
    before = cursors(world)
    move(world, "rob", RITA)
    robs = world.customers["rob"]
    rob = feed(world.apis["rob"], before["rob"])["changes"]
    assert rob["departures"] == [{
        "customer_id": str(robs.exact_id),
        "version": robs.__class__.objects.get(pk=robs.pk).row_version,
        "orders_kept": [],
    }]  # fmt: skip
    assert rob["customers"] == [] and rob["addresses"] == []
    rita = feed(world.apis["rita"], before["rita"])["changes"]
    assert [row["name"] for row in rita["customers"]] == ["Rob's Bakery"]
    assert rita["departures"] == []
    # What hangs off the customer comes along, though its versions are older than her cursor.
    for kind in ("item_prices", "addresses", "contacts", "sales_orders", "sales_order_lines"):
        assert len(rita[kind]) == 1, kind
    assert [row["number"] for row in rita["orders"]] == [world.orders["rob"].number]


def test_admins_and_the_other_company_see_no_departure(world):
    before = cursors(world)
    move(world, "rob", RITA)
    admin = feed(world.apis["admin"], before["admin"])["changes"]
    assert admin["departures"] == []
    assert [row["name"] for row in admin["customers"]] == ["Rob's Bakery"]
    gus = feed(world.apis["gus"], before["gus"])
    assert gus["changes"]["departures"] == [] and gus["changes"]["customers"] == []
    assert ReachMove.objects.filter(company=world.globex).count() == 0


def test_a_rep_keeps_the_orders_they_took_for_a_customer_that_left(world):
    before = feed(world.apis["rob"])["cursor"]
    move(world, "nobody", RITA)  # no manager before: nobody's reach is left
    assert feed(world.apis["rob"], before)["changes"]["departures"] == []
    move(world, "nobody", ROB)
    before = feed(world.apis["rob"], before)["cursor"]
    move(world, "nobody", RITA)
    departures = feed(world.apis["rob"], before)["changes"]["departures"]
    assert [row["orders_kept"] for row in departures] == [[world.orders["nobody"].number]]


def test_a_customer_that_came_back_is_not_removed(world):
    before = feed(world.apis["rob"])["cursor"]
    move(world, "rob", RITA)
    move(world, "rob", ROB)
    rob = feed(world.apis["rob"], before)["changes"]
    assert rob["departures"] == []
    assert [row["name"] for row in rob["customers"]] == ["Rob's Bakery"]


def test_an_unchanged_manager_records_no_move(world):
    before = feed(world.apis["rob"])["cursor"]
    move(world, "rob", ROB)
    assert feed(world.apis["rob"], before)["changes"]["departures"] == []
    assert ReachMove.objects.count() == 0


def test_departures_page_like_every_kind(world):
    before = feed(world.apis["rob"])["cursor"]
    move(world, "rob", RITA)
    first = world.apis["rob"].get("/api/v1/changes", since=before, limit=1).json()
    pages = [first]
    while pages[-1]["has_more"]:
        pages.append(world.apis["rob"].get(
            "/api/v1/changes", since=pages[-1]["cursor"], limit=1).json())  # fmt: skip
    found = [row for page in pages for row in page["changes"]["departures"]]
    assert len(found) == 1
    assert feed(world.apis["rob"], pages[-1]["cursor"])["changes"]["departures"] == []


def test_an_order_for_a_customer_that_left_is_refused_with_the_reason(world):
    item = make_item(company=world.acme)
    make_item_price(item=item, price="3")
    body = {
        "customer_id": str(world.customers["rob"].exact_id),
        "lines": [{"item_id": str(item.exact_id), "quantity": "1"}],
    }
    move(world, "rob", RITA)
    refused = world.apis["rob"].post("/api/v1/orders", body, {"Idempotency-Key": "k-1"})
    assert refused.status_code == 422
    assert "gave this customer to another account manager" in refused.content.decode()
    # Never theirs: as unknown as another company's customer.
    body["customer_id"] = str(world.customers["rita"].exact_id)
    other = world.apis["rob"].post("/api/v1/orders", body, {"Idempotency-Key": "k-2"})
    assert "No customer with this id." in other.content.decode()
    taken = world.apis["rita"].post("/api/v1/orders", body, {"Idempotency-Key": "k-3"})
    assert taken.status_code == 201


def test_a_narrowed_reach_tells_the_device_to_drop_what_it_holds(world):
    rob = world.apis["rob"]
    cursor = feed(rob)["cursor"]
    assert feed(rob, cursor)["reach_changed"] is False
    Membership.objects.filter(company=world.acme, user=world.users["rob"]).update(
        exact_user_id=RITA
    )
    first = rob.get("/api/v1/changes", since=cursor, limit=1).json()
    assert first["reach_changed"] is True
    second = rob.get("/api/v1/changes", since=first["cursor"], limit=1).json()
    assert second["reach_changed"] is False  # once: the new cursor knows the new reach
    assert feed(world.apis["rita"])["reach_changed"] is False  # a first download: nothing held
    admin = world.apis["admin"]
    assert feed(admin, feed(admin)["cursor"])["reach_changed"] is False


def test_turning_all_customers_off_drops_what_the_device_holds(world):
    Company.objects.filter(pk=world.acme.pk).update(reps_see_all_customers=True)
    una = world.apis["una"]  # no Exact user: all customers while the setting is on
    held = feed(una)
    assert len(held["changes"]["customers"]) == 3
    Company.objects.filter(pk=world.acme.pk).update(reps_see_all_customers=False)
    after = feed(una, held["cursor"])
    assert after["reach_changed"] is True and after["changes"]["customers"] == []
