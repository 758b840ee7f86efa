"""Schemathesis against the OpenAPI schema: no generated input makes the API answer 500
or answer anything the schema does not document.

Bounded (a few examples per operation) so it stays a unit test; the data set is small
but real: a rep with a token, items, customers, a price list and an order.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_item, make_line, make_period, make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company


@pytest.fixture
def rep_token(db):
    company = make_company(reps_see_all_customers=True)
    price_list = make_price_list(company=company)
    items = [make_item(company=company, group_code="G1") for _ in range(3)]
    make_line(period=make_period(price_list=price_list), item=items[0], new_price=Decimal(5))
    make_customer(company=company, price_list=price_list)
    _, _token, api = make_rep(company=company)
    return api.headers["Authorization"]


# Loaded at collection: the schema view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_generated_input_makes_a_server_error(case, rep_token):
    case.call_and_validate(
        # The WSGI transport does not decode gzip bodies; the gzip path has its own test.
        headers={"Authorization": rep_token, "Accept-Encoding": "identity"},
        # The schema checks of `schemathesis run`: every status, media type, header and body
        # the API answers must be the documented ones.
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ],
    )
