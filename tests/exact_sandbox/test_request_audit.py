"""The request audit finds every property a request names that its endpoint lacks."""

from __future__ import annotations

import orjson

from exact_sandbox.app import make_app
from exact_sandbox.recording import RequestRecorder
from exact_sandbox.schema.request_audit import Recorded, endpoint_of, findings
from tests.sandbox_fixtures import api_headers, sandbox_client

ITEMS = "/api/v1/100001/sync/Logistics/Items"


def test_names_in_every_query_option_are_checked():
    request = Recorded("GET", ITEMS, {
        "$select": "ID,StandardSalesPrice", "$filter": "Timestamp gt 1 and Colour eq 'red'",
        "$orderby": "Shape desc",
    })  # fmt: skip
    assert findings(request) == [
        "GET sync/Logistics/Items: $select names 'StandardSalesPrice', which it lacks",
        "GET sync/Logistics/Items: $filter names 'Colour', which it lacks",
        "GET sync/Logistics/Items: $orderby names 'Shape', which it lacks",
    ]


def test_a_clean_request_has_no_findings():
    query = {"$select": "ID,Code,Timestamp", "$filter": "Timestamp gt 17L"}
    assert findings(Recorded("GET", ITEMS, query)) == []
    me = Recorded("GET", "/api/v1/current/Me", {"$select": "CurrentDivision,UserName"})
    assert findings(me) == []


def test_bodies_and_their_nested_lines_are_checked():
    body = {"OrderedBy": "x", "Colour": 1, "SalesOrderLines": [{"Item": "y", "Mood": 2}]}
    request = Recorded("POST", "/api/v1/100001/salesorder/SalesOrders", {}, orjson.dumps(body))
    assert findings(request) == [
        "POST salesorder/SalesOrders: the body names 'Colour', which it lacks",
        "POST salesorder/SalesOrders: the body's SalesOrderLines name 'Mood', which "
        "salesorder/SalesOrderLines lacks",
    ]


def test_expanded_selects_navigation_and_unknown_endpoints():
    expanded = {"$expand": "SalesOrderLines", "$select": "OrderID,SalesOrderLines/Mood"}
    request = Recorded("GET", "/api/v1/100001/salesorder/SalesOrders", expanded)
    assert findings(request) == [
        "GET salesorder/SalesOrders: $select names 'SalesOrderLines/Mood', which it lacks"
    ]
    nav = Recorded("GET", "/api/v1/1/salesorder/SalesOrders(guid'a')/SalesOrderLines", {})
    assert endpoint_of(nav) == "salesorder/SalesOrderLines"
    assert findings(Recorded("GET", "/api/v1/1/logistics/Gadgets", {})) == [
        "GET logistics/Gadgets: no such endpoint in the reference"
    ]
    assert findings(Recorded("POST", "/api/oauth2/token", {}, b"grant_type=x")) == []


def test_the_recorder_keeps_each_request_and_its_status(sandbox_state, demo_tokens):
    recorder = RequestRecorder(make_app(sandbox_state))
    with sandbox_client(recorder) as http:
        answer = http.get(ITEMS, params={"$select": "ID", "$filter": "Timestamp gt 1"},
                          headers=api_headers(demo_tokens["access_token"]))  # fmt: skip
    assert answer.status_code == 200
    (exchange,) = recorder.exchanges
    assert (exchange.request.method, exchange.request.path, exchange.status) == (
        "GET", ITEMS, 200,
    )  # fmt: skip
    assert exchange.request.query == {"$select": "ID", "$filter": "Timestamp gt 1"}


def test_user_has_rights_must_ask_about_a_call_exact_has():
    def asked(endpoint: str, action: str = "'POST'") -> list[str]:
        query = {"endpoint": endpoint, "action": action}
        return findings(Recorded("GET", "/api/v1/100001/users/UserHasRights", query))

    assert asked("'crm/Quotations'") == []
    assert asked("'sync/CRM/QuotationHeaders'", "'GET'") == []
    assert asked("'crm/Quotationz'") == [
        "GET users/UserHasRights: asks about 'crm/Quotationz', no endpoint in the reference"
    ]
    assert asked("'sales/ShippingMethods'") == [
        "GET users/UserHasRights: 'sales/ShippingMethods' has no POST"
    ]
    assert asked("'Logistics/Items'", "'get'") == []  # Exact matches paths in any case
    assert asked("crm/Quotations") == [
        "GET users/UserHasRights: endpoint and action must both be quoted strings"
    ]
