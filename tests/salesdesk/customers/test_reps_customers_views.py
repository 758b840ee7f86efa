"""Each rep's own customers in the pages: customer list, customer page, the order form's
customer choice and the order list; admins see all; two companies, two reps."""

from __future__ import annotations

import pytest

from salesdesk.orders.models import Order
from tests.salesdesk.customers.reps_world import reps_world

pytestmark = pytest.mark.django_db
NAMES = ("Rob's Bakery", "Rita's Dairy", "Nobody's Deli", "Gus's Grocer")


@pytest.fixture
def world():
    return reps_world()


def shown(page: str) -> set[str]:
    return {name for name in NAMES if name.replace("'", "&#x27;") in page or name in page}


def test_the_customer_list_shows_each_rep_their_own_customers(world):
    def listed(who, slug="acme"):
        return shown(world.browser(who).get(f"/{slug}/customers/").content.decode())

    assert listed("rob") == {"Rob's Bakery"}
    assert listed("rita") == {"Rita's Dairy"}
    assert listed("una") == set()  # linked to no Exact user: no customers of her own
    assert listed("admin") == {"Rob's Bakery", "Rita's Dairy", "Nobody's Deli"}
    assert listed("gus", "globex") == {"Gus's Grocer"}


def test_the_csv_export_follows_the_same_rule(world):
    response = world.browser("rob").get("/acme/customers/export.csv")
    export = b"".join(response.streaming_content).decode()
    assert "Rob's Bakery" in export and "Rita's Dairy" not in export


def test_another_reps_customer_page_is_404_and_the_own_one_shows_its_orders(world):
    rob = world.browser("rob")
    ritas, robs = world.customers["rita"], world.customers["rob"]
    assert rob.get(f"/acme/customers/{ritas.exact_id}/").status_code == 404
    page = rob.get(f"/acme/customers/{robs.exact_id}/").content.decode()
    assert world.orders["rob"].number in page  # taken by the admin, for rob's customer
    gus = world.browser("gus")
    assert gus.get(f"/globex/customers/{robs.exact_id}/").status_code == 404


def test_the_order_list_shows_the_reps_customers_orders_and_their_own(world):
    def numbers(who, slug="acme"):
        page = world.browser(who).get(f"/{slug}/orders/").content.decode()
        return {key for key, order in world.orders.items() if order.number in page}

    assert numbers("rob") == {"rob", "nobody"}  # his customer's, and the one he took
    assert numbers("rita") == {"rita"}
    assert numbers("admin") == {"rob", "rita", "nobody"}
    assert numbers("gus", "globex") == {"gus"}
    rob = world.browser("rob")
    assert rob.get(f"/acme/orders/{world.orders['rita'].number}/").status_code == 404
    assert rob.get(f"/acme/orders/{world.orders['rob'].number}/").status_code == 200


def test_the_new_order_form_offers_and_accepts_only_the_reps_customers(world):
    rob = world.browser("rob")
    options = rob.get("/acme/orders/suggest/customers", {"customer": "10"}).content.decode()
    assert shown(options) == {"Rob's Bakery"}
    answer = rob.post("/acme/orders/new", {"customer": "102", "your_ref": "", "notes": "",
                                           "delivery_date": "", "action": "draft",
                                           "lines-TOTAL_FORMS": "0",
                                           "lines-INITIAL_FORMS": "0"})  # fmt: skip
    assert answer.status_code == 400
    assert "No customer with code" in answer.content.decode()
    assert not Order.objects.filter(company=world.acme, customer=world.customers["rita"],
                                    created_by=world.users["rob"]).exists()  # fmt: skip


def test_all_reps_see_all_customers_when_the_company_says_so(world):
    world.acme.reps_see_all_customers = True
    world.acme.save()
    rob = world.browser("rob")
    assert shown(rob.get("/acme/customers/").content.decode()) == {
        "Rob's Bakery", "Rita's Dairy", "Nobody's Deli",
    }  # fmt: skip
    ritas = rob.get(f"/acme/customers/{world.customers['rita'].exact_id}/").content.decode()
    assert world.orders["rita"].number not in ritas  # a colleague's order stays hers
    assert shown(world.browser("una").get("/acme/customers/").content.decode()) == {
        "Rob's Bakery", "Rita's Dairy", "Nobody's Deli",
    }  # fmt: skip
    gus = world.browser("gus")  # another company's setting changes nothing here
    assert shown(gus.get("/globex/customers/").content.decode()) == {"Gus's Grocer"}
