"""Administration > Users: link a rep to an Exact user; "All reps see all customers"."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.tenants.models import Company, Membership
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.customers.reps_world import RITA, ROB, reps_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = reps_world()
    make_customer(company=world.acme, name="Rob's Second", account_manager_exact_id=ROB,
                  account_manager_name="Rob Smit")  # fmt: skip
    return world


def member(world, who) -> Membership:
    company = world.globex if who == "gus" else world.acme
    return Membership.objects.get(company=company, user=world.users[who])


def link_url(world, who) -> str:
    return f"/acme/settings/users/{member(world, who).pk}/exact-user"


def test_the_page_offers_the_account_managers_of_this_companys_customers(world):
    page = world.browser("admin").get(link_url(world, "una")).content.decode()
    assert "Rob Smit (2 customers)" in page and "Rita Bos (1 customers)" in page
    assert "Gus Hals" not in page  # another company's account manager


def test_an_admin_links_a_rep_to_a_known_exact_user_and_she_sees_its_customers(world):
    answer = world.browser("admin").post(link_url(world, "una"), {"known": str(RITA)})
    assert answer.status_code == 302
    una = member(world, "una")
    assert (una.exact_user_id, una.exact_user_name) == (RITA, "Rita Bos")
    users = world.browser("admin").get("/acme/settings/users").content.decode()
    assert "Rita Bos" in users
    customers = world.browser("una").get("/acme/customers/").content.decode()
    assert "Rita&#x27;s Dairy" in customers and "Rob&#x27;s Bakery" not in customers


def test_a_typed_exact_user_id_is_kept_and_a_bad_one_is_refused(world):
    admin, typed = world.browser("admin"), uuid.uuid4()
    assert admin.post(link_url(world, "rob"), {"typed": str(typed)}).status_code == 302
    assert (member(world, "rob").exact_user_id, member(world, "rob").exact_user_name) == (
        typed, "",
    )  # fmt: skip
    answer = admin.post(link_url(world, "rob"), {"typed": "not-a-guid"})
    assert answer.status_code == 200 and "An Exact user ID looks like" in answer.content.decode()
    assert member(world, "rob").exact_user_id == typed
    assert admin.post(link_url(world, "rob"), {"known": "", "typed": ""}).status_code == 302
    assert member(world, "rob").exact_user_id is None  # unlinked


def test_only_admins_of_the_company_may_link(world):
    rob = world.browser("rob")  # pages for admins only answer 404 to others
    assert rob.post(link_url(world, "rob"), {"known": str(RITA)}).status_code == 404
    assert member(world, "rob").exact_user_id == ROB
    gus_in_acme = f"/acme/settings/users/{member(world, 'gus').pk}/exact-user"
    assert world.browser("admin").get(gus_in_acme).status_code == 404


def test_the_company_setting_opens_all_customers_to_all_reps(world):
    admin = world.browser("admin")
    assert admin.post("/acme/settings/users/reps-customers",
                      {"reps_see_all_customers": "on"}).status_code == 302  # fmt: skip
    assert Company.objects.get(pk=world.acme.pk).reps_see_all_customers
    assert not Company.objects.get(pk=world.globex.pk).reps_see_all_customers
    page = world.browser("una").get("/acme/customers/").content.decode()
    assert "Rita&#x27;s Dairy" in page and "Rob&#x27;s Bakery" in page
    assert admin.post("/acme/settings/users/reps-customers", {}).status_code == 302
    assert not Company.objects.get(pk=world.acme.pk).reps_see_all_customers
    rep = world.browser("rob").post(
        "/acme/settings/users/reps-customers", {"reps_see_all_customers": "on"}
    )
    assert rep.status_code == 404
    assert not Company.objects.get(pk=world.acme.pk).reps_see_all_customers
