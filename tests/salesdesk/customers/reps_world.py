"""Two companies, each with reps linked to Exact users, customers managed by them, orders.

acme: rob (Exact user ROB), rita (RITA), an admin, and a rep nobody linked (una);
customers "Rob's Bakery" (ROB), "Rita's Dairy" (RITA), "Nobody's Deli" (no manager);
orders: one for Rob's Bakery taken by the admin, one for Rita's Dairy taken by rita, one
for Nobody's Deli taken by rob. globex: gus, linked to the same Exact user ID as rob (an
Exact user ID means nothing across companies), with "Gus's Grocer" (ROB) and its order.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.test import Client

from salesdesk.tenants.models import Membership
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

ROB = uuid.UUID("00000000-0000-4000-8000-0000000000b0")
RITA = uuid.UUID("00000000-0000-4000-8000-0000000000a1")


@dataclass
class RepsWorld:
    acme: object
    globex: object
    users: dict
    customers: dict
    orders: dict

    def browser(self, who: str) -> Client:
        client = Client()
        client.force_login(self.users[who])
        return client


def link(*, company, user, exact_user_id) -> None:
    Membership.objects.filter(company=company, user=user).update(exact_user_id=exact_user_id)


def reps_world() -> RepsWorld:
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    users = {
        "rob": make_user(company=acme, role="rep", username="rob"),
        "rita": make_user(company=acme, role="rep", username="rita"),
        "una": make_user(company=acme, role="rep", username="una"),
        "admin": make_user(company=acme, role="admin", username="boss"),
        "gus": make_user(company=globex, role="rep", username="gus"),
    }
    link(company=acme, user=users["rob"], exact_user_id=ROB)
    link(company=acme, user=users["rita"], exact_user_id=RITA)
    link(company=globex, user=users["gus"], exact_user_id=ROB)
    customers = {
        "rob": make_customer(company=acme, name="Rob's Bakery", code="101",
                             account_manager_exact_id=ROB, account_manager_name="Rob Smit"),
        "rita": make_customer(company=acme, name="Rita's Dairy", code="102",
                              account_manager_exact_id=RITA, account_manager_name="Rita Bos"),
        "nobody": make_customer(company=acme, name="Nobody's Deli", code="103"),
        "gus": make_customer(company=globex, name="Gus's Grocer", code="101",
                             account_manager_exact_id=ROB, account_manager_name="Gus Hals"),
    }  # fmt: skip
    orders = {
        "rob": make_order(company=acme, customer=customers["rob"], user=users["admin"]),
        "rita": make_order(company=acme, customer=customers["rita"], user=users["rita"]),
        "nobody": make_order(company=acme, customer=customers["nobody"], user=users["rob"]),
        "gus": make_order(company=globex, customer=customers["gus"], user=users["gus"]),
    }
    return RepsWorld(acme, globex, users, customers, orders)
