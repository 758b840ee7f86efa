"""The device's prices (pricing.js on the records of the delta feed) are the server's.

Every rule of salesdesk/catalog/pricing.py, for customers with and without a price list
and without a customer, at quantities on and between the thresholds: the unit price, the
rule and the words the device shows must be those of `price_quote`.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.catalog.models import VolumeDiscount
from salesdesk.catalog.pricing import NoPriceError, price_quote
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.browser import browser, page  # noqa: F401
from tests.salesdesk.catalog.factories import (
    make_item,
    make_item_price,
    make_line,
    make_period,
    make_price_list,
)
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

QUANTITIES = ("1", "5", "9.5", "10", "20", "25")
DISCOUNT = VolumeDiscount.Method.DISCOUNT
QUOTES_JS = """([changes, wanted, today]) => {
  const M = self.RepsMemory;
  const memory = M.memoryBuild(changes.items, changes.customers, changes.item_prices,
                               changes.price_list_lines);
  const customers = new Map(changes.customers.map(c => [c.id, c]));
  return wanted.map(([customerId, itemId, quantity]) => M.priceFor(
    memory, customerId ? customers.get(customerId) : null, memory.itemsById.get(itemId),
    quantity, today));
}"""


def _catalog(company):
    today = timezone.localdate()
    day = timedelta(days=1)
    plain = make_item(company=company, code="PLAIN", standard_price=Decimal("10.00"))
    tiered = make_item(company=company, code="TIERED", group_code="G1", standard_price=None)
    make_item_price(item=tiered, price="9.00")
    make_item_price(item=tiered, price="8.50", quantity=Decimal(10))
    make_item_price(item=tiered, price="7.00", start_date=today + day)  # not yet
    make_item_price(item=tiered, price="6.00", end_date=today - day)  # over
    make_item_price(item=tiered, price="5.00", quantity=Decimal(20), active=False)
    grouped = make_item(company=company, code="GROUPED", group_code="G2")
    listed = make_item(company=company, code="LISTED", group_code="G1")
    unpriced = make_item(company=company, code="UNPRICED", standard_price=None)

    price_list = make_price_list(company=company, code="HOR", description="Horeca")
    old = make_period(price_list=price_list, start=today - 100 * day, end=today - 11 * day)
    current = make_period(price_list=price_list, start=today - 10 * day)
    make_period(price_list=price_list, start=today + 5 * day)
    make_line(period=old, item=plain, new_price=Decimal("1.00"))
    make_line(period=current, item=tiered, quantity=Decimal(20), new_price=Decimal("8.00"))
    make_line(period=current, item=listed, method=DISCOUNT, discount=Decimal("0.125"))
    make_line(period=current, item=listed, quantity=Decimal(10), method=DISCOUNT,
              discount=Decimal("0.3333"), base_price=Decimal("12.34"))  # fmt: skip
    make_line(period=current, item=None, item_group_code="G2", method=DISCOUNT,
              discount=Decimal("0.1"), base_price=Decimal("50"))  # fmt: skip
    make_line(period=current, item=unpriced, new_price=Decimal("3.00"), active=False)
    half = make_item(company=company, code="HALF")  # rounds half to even, as Decimal does
    make_line(period=current, item=half, method=DISCOUNT, discount=Decimal("0.5"),
              base_price=Decimal("0.0001"))  # fmt: skip
    make_line(period=current, item=half, quantity=Decimal(10), method=DISCOUNT,
              discount=Decimal("0.5"), base_price=Decimal("0.0003"))  # fmt: skip

    with_list = make_customer(company=company, name="Café Centraal", price_list=price_list)
    own = make_customer(company=company, name="Bakkerij Jansen")
    make_item_price(item=plain, customer=own, price="7.77", quantity=Decimal(5))
    make_item_price(item=tiered, customer=with_list, price="4.44", quantity=Decimal(25))
    return [with_list, own, None], [plain, tiered, grouped, listed, unpriced, half]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_device_prices_every_line_as_the_server_does(page, live_server):  # noqa: F811
    company = make_company(slug="acme", reps_see_all_customers=True)
    customers, items = _catalog(company)
    other = make_company(slug="other")
    make_item(company=other, code="PLAIN", standard_price=Decimal("1.00"))
    _, _, api = make_rep(company=company)
    changes = api.get("/api/v1/changes", limit=5000).json()["changes"]
    wanted = [(c, i, q) for c in customers for i in items for q in QUANTITIES]

    page.goto(f"{live_server.url}/acme/app/")
    page.wait_for_function("self.RepsMemory !== undefined")
    args = [
        changes,
        [[str(c.exact_id) if c else None, str(i.exact_id), q] for c, i, q in wanted],
        timezone.localdate().isoformat(),
    ]
    device = page.evaluate(QUOTES_JS, args)

    rules = set()
    for (customer, item, quantity), shown in zip(wanted, device, strict=True):
        try:
            quote = price_quote(company=company, customer=customer, item=item,
                                quantity=Decimal(quantity))  # fmt: skip
        except NoPriceError:
            assert shown is None, (customer, item.code, quantity)
            continue
        got = (Decimal(shown["unit_price"]), shown["rule"], shown["description"])
        assert got == (quote.unit_price, quote.rule, quote.description), (
            customer, item.code, quantity,
        )  # fmt: skip
        rules.add(quote.description.split(" ")[0])
    assert rules == {"Customer", "Price", "Sales", "Standard"}
