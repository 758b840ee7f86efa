"""The default `$select`s of the stock, history and CRM endpoints exist on every variant."""

from __future__ import annotations

import pytest

from exact_client import ledger_endpoints
from exact_client.endpoints import Endpoint
from exact_sandbox.schema import reference

ENDPOINTS = [value for value in vars(ledger_endpoints).values() if isinstance(value, Endpoint)]
VARIANTS = [
    (endpoint, path)
    for endpoint in ENDPOINTS
    for path in dict.fromkeys((endpoint.path, endpoint.bulk, endpoint.sync))
    if path
]


@pytest.mark.parametrize(("endpoint", "path"), VARIANTS, ids=[path for _, path in VARIANTS])
def test_default_select_and_key_exist_on_the_variant(endpoint, path):
    properties = reference.properties(path)
    assert [name for name in endpoint.select if name not in properties] == []
    assert endpoint.key in properties


def test_every_endpoint_of_section_nine_that_salesdesk_reads_is_here():
    paths = {path for _, path in VARIANTS}
    assert {
        "inventory/Warehouses", "sync/Inventory/StockPositions",
        "sync/SalesOrder/SalesOrderLines", "sync/SalesOrder/GoodsDeliveries",
        "sync/SalesOrder/GoodsDeliveryLines", "sync/SalesInvoice/SalesInvoices",
        "read/financial/ReceivablesList", "sync/CRM/Addresses", "sync/CRM/Contacts",
    } <= paths  # fmt: skip
