"""Records that show a price list or period move in the reps' feed when it changes."""

import datetime

import pytest

from salesdesk.catalog import services
from tests.salesdesk.catalog.factories import make_line, make_period, make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db


def _setup(company):
    price_list = make_price_list(company=company, code="PL1", description="Horeca")
    period = make_period(price_list=price_list, start=datetime.date(2026, 1, 1))
    return (
        price_list,
        period,
        make_line(period=period),
        make_customer(company=company, price_list=price_list),
    )


def _versions(*records) -> list[int]:
    for record in records:
        record.refresh_from_db()
    return [record.row_version for record in records]


def _list_row(price_list, **changes) -> dict:
    row = {"exact_id": price_list.exact_id, "code": "PL1", "description": "Horeca"}
    return row | {"currency": "EUR", "active": True} | changes


def test_a_renamed_price_list_moves_its_customers_and_lines_of_this_company_only():
    company, other = make_company(), make_company()
    price_list, _, line, customer = _setup(company)
    *_, other_line, other_customer = _setup(other)
    before = _versions(line, customer, other_line, other_customer)

    services.price_list_upsert_many(company=company, rows=[_list_row(price_list)])
    assert _versions(line, customer) == before[:2]  # nothing shown changed: nothing moves

    services.price_list_upsert_many(
        company=company, rows=[_list_row(price_list, description="Horeca 2027")]
    )
    line_version, customer_version, *others = _versions(line, customer, other_line, other_customer)
    assert line_version > before[0] and customer_version > before[1]
    assert others == before[2:]


def test_new_period_dates_move_the_periods_lines_but_not_the_customers():
    company = make_company()
    price_list, period, line, customer = _setup(company)
    before = _versions(line, customer)
    row = {
        "exact_id": period.exact_id,
        "price_list_exact_id": price_list.exact_id,
        "start_date": datetime.date(2026, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "active": True,
    }
    services.price_list_period_upsert_many(company=company, rows=[row])
    after = _versions(line, customer)
    assert after[0] > before[0] and after[1] == before[1]


def test_a_period_or_list_gone_from_exact_moves_what_showed_it():
    company = make_company()
    _, _, line, customer = _setup(company)
    before = _versions(line, customer)
    assert services.price_list_period_deactivate_unseen(company=company, seen=[]) == 1
    after_period = _versions(line, customer)
    assert after_period[0] > before[0] and after_period[1] == before[1]
    assert services.price_list_deactivate_unseen(company=company, seen=[]) == 1
    after_list = _versions(line, customer)
    assert after_list[0] > after_period[0] and after_list[1] > after_period[1]
