"""order_create with the order header: every choice checked within the company and the
customer, stored as Exact's ID with its label; the customer's defaults from Exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.customers.models import Customer
from salesdesk.orders.header_choices import header_choices
from salesdesk.orders.header_fields import NewAddress
from salesdesk.orders.models import Order
from salesdesk.orders.services import OrderRefused
from salesdesk.orders.terms_models import term_label
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.orders.factories import make_order
from tests.salesdesk.orders.header_world import header_shop
from tests.salesdesk.orders.terms_factories import make_payment_condition

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme():
    return header_shop(slug="acme")


@pytest.fixture
def globex():
    return header_shop(slug="globex")


def _order(shop, **header) -> Order:
    return make_order(company=shop.company, customer=shop.customer, items=[shop.item], **header)


def test_every_choice_is_stored_with_its_label(acme, globex):
    order = _order(
        acme,
        kind=Order.Kind.SALES_ORDER,
        delivery_address_id=acme.other_address,
        contact_id=acme.other_contact,
        shipping_method_id=acme.shipping.exact_id,
        payment_condition="30",
        warehouse_id=acme.warehouses[1].exact_id,
        discount=Decimal("0.025"),
    )
    order.refresh_from_db()
    assert order.kind == Order.Kind.SALES_ORDER
    assert (order.delivery_address_exact_id, order.delivery_address_text) == (
        acme.other_address,
        "Dok 7, 1011 AB Amsterdam, NL",
    )
    assert (order.contact_exact_id, order.contact_name) == (acme.other_contact, "Anna Bakker")
    assert (order.shipping_method_exact_id, order.shipping_method_label) == (
        acme.shipping.exact_id,
        "DHL Parcel",
    )
    assert (order.payment_condition, order.payment_condition_label) == ("30", "30 days")
    assert order.warehouse_exact_id == acme.warehouses[1].exact_id
    assert order.discount == Decimal("0.0250")
    assert order.new_delivery_address is None


def test_a_new_address_is_kept_until_exact_has_it(acme):
    typed = NewAddress(line1=" Haven 3 ", city="Gent", country="be", postcode="9000")
    order = _order(acme, new_delivery_address=typed)
    order.refresh_from_db()
    assert order.delivery_address_exact_id is None
    assert order.new_delivery_address == {
        "line1": "Haven 3", "line2": "", "postcode": "9000", "city": "Gent", "country": "BE",
    }  # fmt: skip
    assert order.delivery_address_text == "Haven 3, 9000 Gent, BE"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (NewAddress(line1="  ", city="Gent", country="BE"), "first address line and its city"),
        (NewAddress(line1="Haven 3", city="Gent", country="Belgium"), "two-letter code"),
        (NewAddress(line1="H" * 201, city="Gent", country="BE"), "at most 200 characters"),
    ],
)
def test_a_new_address_must_be_complete(acme, typed, message):
    with pytest.raises(OrderRefused, match=message):
        _order(acme, new_delivery_address=typed)


def test_another_customers_or_companys_choices_are_refused(acme, globex):
    neighbours = header_choices(company=acme.company, customer=acme.neighbour)
    refused = {
        "delivery address": {"delivery_address_id": neighbours.addresses[0].exact_id},
        "its invoice address": {"delivery_address_id": acme.invoice_address},
        "another company's address": {"delivery_address_id": globex.main_address},
        "contact": {"contact_id": neighbours.contacts[0].exact_id},
        "another company's contact": {"contact_id": globex.main_contact},
        "shipping method": {"shipping_method_id": globex.shipping.exact_id},
        "warehouse": {"warehouse_id": globex.warehouses[0].exact_id},
    }
    for what, choice in refused.items():
        with pytest.raises(OrderRefused, match="is not one of"):
            _order(acme, **choice)
        assert not Order.objects.filter(company=acme.company).exists(), what
    make_payment_condition(company=globex.company, code="60")
    with pytest.raises(OrderRefused, match="No payment condition with code '60'"):
        _order(acme, payment_condition="60")


def test_address_and_new_address_together_are_refused(acme):
    typed = NewAddress(line1="Haven 3", city="Gent", country="BE")
    with pytest.raises(OrderRefused, match="not both"):
        _order(acme, delivery_address_id=acme.main_address, new_delivery_address=typed)


@pytest.mark.parametrize("discount", [Decimal("-0.01"), Decimal(1), Decimal("0.12345")])
def test_discount_out_of_bounds_is_refused(acme, discount):
    with pytest.raises(OrderRefused, match="The discount must be a percentage"):
        _order(acme, discount=discount)


def test_an_inactive_choice_is_refused(acme):
    acme.shipping.active = False
    acme.shipping.save()
    with pytest.raises(OrderRefused, match="shipping method"):
        _order(acme, shipping_method_id=acme.shipping.exact_id)


def test_defaults_are_the_customers_in_exact(acme, globex):
    choices = header_choices(company=acme.company, customer=acme.customer)
    assert [a.exact_id for a in choices.addresses] == [acme.main_address, acme.other_address]
    assert [c.exact_id for c in choices.contacts] == [acme.main_contact, acme.other_contact]
    defaults = choices.defaults
    assert defaults.delivery_address_id == acme.main_address
    assert defaults.contact_id == acme.main_contact
    assert defaults.payment_condition == "30"
    assert defaults.shipping_method_id is None  # the customer has none in Exact
    assert defaults.warehouse_id == acme.warehouses[0].exact_id
    assert [w.code for w in choices.warehouses] == ["W1", "W2"]
    assert [m.exact_id for m in choices.shipping_methods] == [acme.shipping.exact_id]


def test_no_warehouse_to_pick_with_one_and_no_unknown_payment_condition():
    shop = header_shop(slug="small", warehouses=1)
    shop.customer.payment_condition = "14"  # not (yet) synced
    choices = header_choices(company=shop.company, customer=shop.customer)
    assert not choices.warehouse_to_pick and choices.defaults.warehouse_id is None
    assert choices.defaults.payment_condition == ""


def test_without_choices_the_order_has_none(acme):
    order = _order(acme)
    order.refresh_from_db()
    assert (order.kind, order.delivery_address_text, order.contact_name) == ("order", "", "")
    assert order.discount == 0


def test_a_customer_not_in_exact_yet_has_no_addresses_or_contacts(acme):
    """A warehouse's own delivery address has no customer: it is never offered."""
    make_address(company=acme.company, customer_exact_id=None, main=True, line1="Depot 1")
    make_contact(company=acme.company, customer_exact_id=None)
    newcomer = Customer(company=acme.company, code="NEW", name="Newcomer", exact_id=None)
    choices = header_choices(company=acme.company, customer=newcomer)
    assert choices.addresses == [] and choices.contacts == []
    assert choices.defaults.delivery_address_id is None


def test_the_order_discount_comes_off_the_totals_as_exact_takes_it(acme, globex):
    plain = _order(acme)
    discounted = _order(acme, discount=Decimal("0.10"))
    lines_total = sum(line.amount for line in discounted.lines.all())
    assert plain.total_excl_vat == lines_total  # no discount: the lines' total
    off = (lines_total * Decimal("0.10")).quantize(Decimal("0.01"))
    assert discounted.total_excl_vat == lines_total - off
    vat = plain.total_incl_vat - plain.total_excl_vat
    assert discounted.total_incl_vat - discounted.total_excl_vat == (vat * Decimal("0.9")).quantize(
        Decimal("0.01")
    )


def test_the_customers_own_shipping_method_is_preselected_while_exact_offers_it(acme, globex):
    acme.customer.shipping_method_exact_id = acme.shipping.exact_id
    choices = header_choices(company=acme.company, customer=acme.customer)
    assert choices.defaults.shipping_method_id == acme.shipping.exact_id
    acme.customer.shipping_method_exact_id = globex.shipping.exact_id  # not this company's
    choices = header_choices(company=acme.company, customer=acme.customer)
    assert choices.defaults.shipping_method_id is None
    acme.customer.shipping_method_exact_id = acme.shipping.exact_id
    acme.shipping.active = False
    acme.shipping.save(update_fields=["active"])
    choices = header_choices(company=acme.company, customer=acme.customer)
    assert choices.defaults.shipping_method_id is None  # Exact no longer offers it


@pytest.mark.parametrize(
    ("code", "description", "label"),
    [("30", "30 dagen", "30 dagen"), ("POSTNL", "PostNL pakket", "PostNL pakket"),
     ("00", "Direct", "Direct (00)"), ("EIGEN", "", "EIGEN")],
)  # fmt: skip
def test_a_term_is_labelled_by_its_description_with_the_code_only_where_it_adds(
    code, description, label
):
    assert term_label(code, description) == label


def test_a_quotation_with_an_order_discount_is_refused_since_exact_quotes_without_one(acme):
    with pytest.raises(OrderRefused, match="quotations take no order discount"):
        _order(acme, kind=Order.Kind.QUOTATION, discount=Decimal("0.05"))
    assert _order(acme, kind=Order.Kind.QUOTATION).discount == 0
