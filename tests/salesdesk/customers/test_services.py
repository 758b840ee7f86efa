"""Bulk upserts of customers and their price-list links."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.catalog.services import price_list_upsert_many
from salesdesk.customers.models import Customer
from salesdesk.customers.services import customer_link_price_lists, customer_upsert_many
from tests.salesdesk.factories import make_company


def _customer(exact_id, price_list=None) -> dict:
    return {
        "exact_id": exact_id, "code": "7".rjust(18), "code_display": "7", "name": "Jansen",
        "price_list_exact_id": price_list,
    }  # fmt: skip


@pytest.mark.django_db
def test_customers_link_to_price_lists_that_arrive_later():
    company, other = make_company(), make_company()
    list_id, customer_id = uuid.uuid4(), uuid.uuid4()
    result = customer_upsert_many(company=company, rows=[_customer(customer_id, list_id)])
    assert result.created == 1
    assert Customer.objects.get(company=company).price_list is None

    price_list_upsert_many(
        company=other, rows=[{"exact_id": list_id, "code": "X", "description": "Other's"}]
    )
    customer_link_price_lists(company=company)
    assert Customer.objects.get(company=company).price_list is None  # never another company's

    price_list_upsert_many(
        company=company, rows=[{"exact_id": list_id, "code": "VIP", "description": "VIP"}]
    )
    customer_link_price_lists(company=company)
    assert Customer.objects.get(company=company).price_list.code == "VIP"
    again = customer_upsert_many(company=company, rows=[_customer(customer_id, list_id)])
    assert again.updated == 1
    assert Customer.objects.get(company=company).price_list.code == "VIP"


@pytest.mark.django_db
def test_linking_writes_only_customers_whose_link_changes():
    company = make_company()
    list_id = uuid.uuid4()
    price_list_upsert_many(company=company, rows=[{"exact_id": list_id, "code": "VIP"}])
    customer_upsert_many(company=company, rows=[_customer(uuid.uuid4(), list_id)])
    customer_upsert_many(company=company, rows=[_customer(uuid.uuid4(), None)])
    versions = dict(Customer.objects.values_list("pk", "row_version"))
    assert customer_link_price_lists(company=company) == 0
    assert dict(Customer.objects.values_list("pk", "row_version")) == versions
