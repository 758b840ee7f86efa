"""Scopes of the stock, history, invoice, receivable and CRM endpoints (spec §1.8, §9.1)."""

import pytest

from exact_sandbox.config import DEMO_CLIENT_ID
from exact_sandbox.resources.endpoints import ENDPOINTS
from exact_sandbox.schema import reference
from exact_sandbox.scopes import area_of
from tests.sandbox_fixtures import api_headers

API = "/api/v1/100001/"


@pytest.mark.parametrize("path", sorted(endpoint.path for endpoint in ENDPOINTS.values()))
def test_each_endpoint_needs_the_scope_the_reference_names(path):
    assert area_of(path) == reference.section(path)["scope"]


@pytest.mark.parametrize(
    ("withheld", "refused", "still_served"),
    [
        ("Logistics wms", "salesorder/GoodsDeliveries", "salesorder/SalesOrders"),
        ("Sales invoices", "sync/SalesInvoice/SalesInvoices", "cashflow/Receivables"),
        ("Financial receivables", "read/financial/ReceivablesList", "sync/Cashflow/PaymentTerms"),
        ("Financial cashflow", "cashflow/PaymentConditions", "cashflow/Receivables"),
        ("Logistics inventory", "inventory/Warehouses", "sales/ShippingMethods"),
        ("Crm accounts", "crm/Contacts", "salesorder/GoodsDeliveries"),
    ],
)
def test_a_withheld_scope_refuses_its_endpoints_only(
    sandbox_state, sandbox_http, demo_tokens, withheld, refused, still_served
):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[withheld])
    headers = api_headers(demo_tokens["access_token"])
    select = {"$select": "Timestamp" if refused.startswith("sync/") else "Description"}
    if refused.startswith("sync/"):
        select["$filter"] = "Timestamp gt 1"

    answer = sandbox_http.get(API + refused, params=select, headers=headers)

    assert answer.status_code == 403
    assert "Application Scope Violated" in answer.text
    served = sandbox_http.get(API + still_served, params={"$top": "1"}, headers=headers)
    assert served.status_code == 200, served.text
