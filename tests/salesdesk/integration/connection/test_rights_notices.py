"""Where a feature is used, a right the last authorization found missing is said plainly:
New customer, the Order type, a typed delivery address, the order header's lists and
Convert to order. Two companies: one whose consent left scope areas out, one with all."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from salesdesk.integration.connection.rights_catalog import RIGHTS
from salesdesk.integration.connection.rights_notices import rights_missing_notices
from salesdesk.integration.models import ExactConnection
from salesdesk.orders.models import Order, OrderOutbox
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order
from tests.salesdesk.orders.header_world import header_shop

pytestmark = pytest.mark.django_db
ALL = {right.key: True for right in RIGHTS}
# Crm accounts read-only, Crm quotes and Financial cashflow withheld.
LEFT_OUT = ALL | dict.fromkeys(
    ["write_customers", "write_contacts", "write_addresses", "write_quotations",
     "accept_quotations", "read_quotations", "read_payment_conditions"], False,
)  # fmt: skip
CUSTOMERS = (
    "Exact Online does not allow Salesdesk to create customers, contact persons and addresses "
    "(scope Crm accounts): ask an administrator to authorize Salesdesk again with the scope "
    "“Crm accounts” granted to read and manage"
)
QUOTATIONS = "Exact Online does not allow Salesdesk to send quotations (scope Crm quotes)"
CONVERT = "Exact Online does not allow Salesdesk to accept quotations (scope Crm quotes)"
ADDRESSES = "Exact Online does not allow Salesdesk to create addresses (scope Crm accounts)"
TERMS = "Exact Online does not allow Salesdesk to read payment conditions (scope Financial"


def _connected(company, rights: dict) -> None:
    ExactConnection.objects.update_or_create(
        company=company, defaults={"state": ExactConnection.State.CONNECTED, "rights": rights}
    )


def _browser(company, role: str = "admin") -> Client:
    client = Client()
    client.force_login(make_user(company=company, role=role))
    return client


def _page(client: Client, url: str, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return response.content.decode().replace("&#x27;", "'")


@pytest.fixture
def shops():
    acme, globex = header_shop(slug="acme"), header_shop(slug="globex")
    _connected(acme.company, LEFT_OUT)
    _connected(globex.company, ALL)
    return acme, globex


def test_new_customer_says_exact_will_refuse_the_customer(shops):
    acme, globex = shops
    admin = _page(_browser(acme.company), "/acme/customers/new/")
    rep = _page(_browser(acme.company, "rep"), "/acme/customers/new/")

    assert CUSTOMERS in admin and CUSTOMERS in rep
    assert "New customers cannot be created in Exact Online." in admin
    assert "Typed delivery addresses cannot be sent." in admin
    assert 'href="/acme/settings/connector"' in admin  # the admin can act on it at once
    assert 'href="/acme/settings/connector"' not in rep
    assert "does not allow" not in _page(_browser(globex.company), "/globex/customers/new/")


def test_the_order_form_says_quotations_and_typed_addresses_are_refused(shops):
    acme, globex = shops
    acme_browser, globex_browser = _browser(acme.company), _browser(globex.company)
    form = _page(acme_browser, "/acme/orders/new")
    header = _page(acme_browser, "/acme/orders/new/header", customer=acme.customer.code_display)

    assert QUOTATIONS in form and "Quotations cannot be sent." in form
    assert ADDRESSES in header and "Typed delivery addresses cannot be sent." in header
    assert TERMS in header and "shipping methods" not in header
    assert header.index(ADDRESSES) > header.index("New delivery address of")
    for page in (
        _page(globex_browser, "/globex/orders/new"),
        _page(globex_browser, "/globex/orders/new/header", customer=globex.customer.code_display),
    ):
        assert "does not allow" not in page


def test_convert_to_order_says_exact_will_not_accept_the_quotation(shops):
    pages = {}
    for shop in shops:
        order = make_order(company=shop.company, customer=shop.customer, items=[shop.item])
        Order.objects.filter(pk=order.pk).update(
            kind=Order.Kind.QUOTATION, status=Order.Status.SUBMITTED,
            exact_quotation_id=uuid.uuid4(), exact_quotation_status=20,
        )  # fmt: skip
        OrderOutbox.objects.create(order=order, company_id=order.company_id)
        slug = shop.company.slug
        pages[slug] = _page(_browser(shop.company), f"/{slug}/orders/{order.number}/")

    assert "Convert to order" in pages["acme"] and "Convert to order" in pages["globex"]
    assert CONVERT in pages["acme"]
    assert "Quotations cannot be converted to orders." in pages["acme"]
    assert "does not allow" not in pages["globex"]


def test_nothing_is_said_without_a_connection_or_before_a_right_was_checked():
    fresh, old = make_company(slug="fresh"), make_company(slug="old")
    _connected(old, {"read_items": True, "write_sales_orders": True})  # before issue 20

    for company in (fresh, old):
        page = _page(_browser(company), f"/{company.slug}/customers/new/")
        assert "does not allow" not in page


def test_one_sentence_per_scope_area_for_the_rights_left_out():
    notices = rights_missing_notices(
        LEFT_OUT, ["read_shipping_methods", "write_quotations", "write_customers",
                   "accept_quotations", "read_payment_conditions"],
    )  # fmt: skip

    assert [notice.scope for notice in notices] == [
        "Crm quotes", "Crm accounts", "Financial cashflow",
    ]  # fmt: skip
    assert notices[0].text.startswith(
        "Exact Online does not allow Salesdesk to send quotations and accept quotations "
        "(scope Crm quotes)"
    )
    assert "granted (at least to read)" in notices[2].text  # a read needs no more
    assert rights_missing_notices(ALL, [right.key for right in RIGHTS]) == []
