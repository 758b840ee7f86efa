"""A query option naming a property the endpoint lacks: 400 in Exact's error shape."""

from __future__ import annotations

import pytest

from .rest_calls import call, make_state

M = "Exact.Web.Api.Models."
EVERYTHING = "Modified ge datetime'1900-01-01T00:00:00'"


@pytest.fixture(scope="module")
def state():
    return make_state(items=20, customers=10)


def _refused(state, resource, query, name, type_name):
    status, body = call(state, resource, query)
    assert status == 400, body
    assert body == {"error": {"code": "", "message": {"lang": "", "value": (
        f"Could not find a property named '{name}' on type '{M}{type_name}'."
    )}}}  # fmt: skip


@pytest.mark.parametrize(
    ("resource", "query", "name", "type_name"),
    [
        # The sync items lack the standard sales price that the plain items have.
        ("sync/Logistics/Items", {"$select": "ID,StandardSalesPrice",
         "$filter": "Timestamp gt 1"}, "StandardSalesPrice", "Sync.Logistics.Item"),
        ("bulk/SalesOrder/SalesOrderLines", {"$select": "ID,DeliveryStatus"}, "DeliveryStatus",
         "Bulk.SalesOrder.SalesOrderLine"),
        ("logistics/Items", {"$select": "ID,Colour", "$filter": EVERYTHING}, "Colour", "Item"),
    ],
)  # fmt: skip
def test_select(state, resource, query, name, type_name):
    _refused(state, resource, query, name, type_name)


@pytest.mark.parametrize(
    ("resource", "query", "name", "type_name"),
    [
        # Refused for the name before the sync endpoint's Timestamp-only rule applies.
        ("sync/Logistics/Items", {"$select": "ID", "$filter": "StandardSalesPrice gt 1"},
         "StandardSalesPrice", "Sync.Logistics.Item"),
        # ... and before mandatory filtering.
        ("logistics/Items", {"$select": "ID", "$filter": "Colour eq 'red'"}, "Colour", "Item"),
        ("crm/Accounts", {"$select": "ID", "$filter": f"{EVERYTHING} and Shoesize gt 3"},
         "Shoesize", "Account"),
        ("bulk/SalesOrder/SalesOrderLines", {"$select": "ID", "$filter": "OrderStatus eq 12"},
         "OrderStatus", "Bulk.SalesOrder.SalesOrderLine"),
    ],
)  # fmt: skip
def test_filter(state, resource, query, name, type_name):
    _refused(state, resource, query, name, type_name)


@pytest.mark.parametrize(
    ("resource", "query", "name", "type_name"),
    [
        ("sync/Logistics/Items", {"$select": "ID", "$orderby": "StandardSalesPrice"},
         "StandardSalesPrice", "Sync.Logistics.Item"),
        ("logistics/SalesItemPrices", {"$orderby": "Item desc,Colour"}, "Colour",
         "SalesItemPrice"),
    ],
)  # fmt: skip
def test_orderby(state, resource, query, name, type_name):
    _refused(state, resource, query, name, type_name)


def test_one_entity_by_key_refuses_an_unknown_select(state):
    key = next(iter(state.divisions[100001].items))["ID"]
    _refused(state, f"logistics/Items(guid'{key}')", {"$select": "Colour"}, "Colour", "Item")


def test_known_properties_still_answer(state):
    status, body = call(
        state, "sync/Logistics/Items", {"$select": "ID,Code", "$filter": "Timestamp gt 1"}
    )
    assert status == 200
    assert set(body["d"]["results"][0]) == {"__metadata", "ID", "Code"}
