"""A typed delivery address: its one-line text, and the order naming Exact's address."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.orders.delivery_addresses import (
    delivery_address_text,
    order_delivery_address_record,
)
from salesdesk.orders.models import Order
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_order


def test_the_text_leaves_out_what_was_not_typed():
    typed = {"line1": " Havenweg 12 ", "line2": "", "postcode": "3011 AB", "city": "Rotterdam",
             "country": "NL"}  # fmt: skip
    assert delivery_address_text(typed) == "Havenweg 12, 3011 AB Rotterdam, NL"
    assert delivery_address_text({"line1": "Kade 1", "city": "Gent", "country": None}) == (
        "Kade 1, Gent"
    )
    assert delivery_address_text({}) == ""


@pytest.mark.django_db
def test_recording_the_exact_id_names_it_on_this_order_only():
    typed = {"line1": "Kade 1", "postcode": "9000", "city": "Gent", "country": "BE"}
    company, other_company = make_company(), make_company()
    order = make_order(company=company)
    other = make_order(company=other_company)
    Order.objects.filter(pk__in=[order.pk, other.pk]).update(new_delivery_address=typed)
    order.refresh_from_db()
    version = order.row_version
    exact_id = uuid.uuid4()

    order_delivery_address_record(order=order, exact_id=exact_id)

    for seen in (order, Order.objects.get(pk=order.pk)):
        assert (seen.delivery_address_exact_id, seen.new_delivery_address) == (exact_id, None)
        assert seen.delivery_address_text == "Kade 1, 9000 Gent, BE"
    assert Order.objects.get(pk=order.pk).row_version > version  # the reps' devices hear of it
    untouched = Order.objects.get(pk=other.pk)
    assert (untouched.delivery_address_exact_id, untouched.new_delivery_address) == (None, typed)
