"""The per-company change sequence, and the writers that stamp it."""

from __future__ import annotations

import pytest

from salesdesk.orders.services import order_submit
from salesdesk.tenants.changes import version_next, versions_next
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db


def test_versions_increase_per_company_without_overlap():
    company, other = make_company(), make_company()
    first = versions_next(company=company, count=3)
    assert list(first) == [1, 2, 3]
    assert version_next(company=company) == 4
    assert version_next(company=other) == 1
    assert list(versions_next(company=company.pk, count=2)) == [5, 6]
    with pytest.raises(ValueError):
        versions_next(company=company, count=0)


def test_order_writes_take_a_new_version_each_time():
    company = make_company()
    order = make_order(company=company)
    created = order.row_version
    assert created > 0
    submitted = order_submit(order=order).row_version
    assert submitted > created
