"""Order totals including VAT, with the rates the items sync took from Exact's VAT codes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.catalog.models import Item
from salesdesk.orders.lines import LineInput
from salesdesk.orders.services import OrderHeader, order_create
from tests.salesdesk.factories import make_user
from tests.salesdesk.integration.sync.sync_support import connected_company, run_sync
from tests.salesdesk.orders.factories import make_customer, make_item

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def synced(live_sandbox, sandbox_clock):
    """A company whose items came from the sandbox, VAT rates included; and another one."""
    company = connected_company(live_sandbox, sandbox_clock, slug="vat")
    other = connected_company(live_sandbox, sandbox_clock, slug="other")
    run_sync(company, "items", sandbox_clock)
    return company, other


def _sellable(company, vat_code: str) -> Item:
    items = Item.objects.filter(company=company, vat_code=vat_code, active=True)
    return items.filter(is_sales_item=True).order_by("code").first()


def _order(company, *lines):
    return order_create(
        company=company,
        user=None,
        header=OrderHeader(customer=make_customer(company=company), your_ref="VAT-1"),
        lines=[LineInput(item=i, quantity=Decimal(q), unit_price=Decimal(p)) for i, q, p in lines],
    )


def test_total_including_vat_uses_each_items_rate(synced):
    company, _ = synced
    high, low = _sellable(company, "1"), _sellable(company, "2")
    assert (high.vat_percentage, low.vat_percentage) == (Decimal("0.21"), Decimal("0.09"))

    order = _order(company, (high, "2", "10.00"), (low, "3", "20.00"))

    assert order.total_excl_vat == Decimal("80.00")
    assert order.total_incl_vat == Decimal("89.60")  # 20 x 21% = 4.20, 60 x 9% = 5.40
    rates = {line.item_id: line.vat_percentage for line in order.lines.all()}
    assert rates == {high.pk: Decimal("0.21"), low.pk: Decimal("0.09")}


def test_a_zero_rate_item_adds_no_vat_and_the_rate_is_known(synced):
    company, _ = synced
    zero = _sellable(company, "0")
    order = _order(company, (zero, "1", "12.50"))
    assert order.total_incl_vat == order.total_excl_vat == Decimal("12.50")


def test_preview_shows_the_total_including_vat_without_unknown_rates(synced, client):
    company, _ = synced
    client.force_login(make_user(company=company))
    high, low = _sellable(company, "1"), _sellable(company, "2")
    customer = make_customer(company=company, code="4711")
    form = {
        "customer": customer.code_display, "your_ref": "PO-1", "delivery_date": "", "notes": "",
        "action": "submit", "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
        "lines-0-item": high.code, "lines-0-quantity": "2", "lines-0-price": "10.00",
        "lines-1-item": low.code, "lines-1-quantity": "3", "lines-1-price": "20.00",
    }  # fmt: skip
    page = client.post("/vat/orders/new/preview", form).content.decode()
    assert "80.00" in page and "89.60" in page
    assert "VAT rate unknown" not in page

    unknown = make_item(company=company, code="NO-VAT", vat_code="7", vat_percentage=None)
    form |= {"lines-1-item": unknown.code}
    page = client.post("/vat/orders/new/preview", form).content.decode()
    assert "VAT rate unknown" in page
    assert client.post("/other/orders/new/preview", form).status_code == 404
