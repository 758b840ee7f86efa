"""`GET /_sandbox/orders`, `/quotations`, `/accounts`: what reached "Exact", by division."""

from __future__ import annotations

import pytest

from tests.sandbox_fixtures import api_headers


@pytest.fixture
def posted(sandbox_http, sandbox_state, demo_tokens) -> dict:
    """One order posted through the REST API into division 100002."""
    division = sandbox_state.divisions[100002]
    account, item = next(iter(division.accounts)), next(iter(division.items))
    body = {
        "OrderedBy": account["ID"],
        "YourRef": "PO-42",
        "Description": "SD-demo-000001",
        "SalesOrderLines": [
            {"Item": item["ID"], "Quantity": 2, "NetPrice": 10.5},
            {"Item": item["ID"], "Quantity": 1, "NetPrice": 4},
        ],
    }
    answer = sandbox_http.post(
        "/api/v1/100002/salesorder/SalesOrders",
        json=body,
        headers=api_headers(demo_tokens["access_token"]),
    )
    assert answer.status_code == 201
    return answer.json()["d"]


def test_orders_lists_what_the_api_stored_with_its_lines(sandbox_http, posted):
    listing = sandbox_http.get("/_sandbox/orders").json()

    assert listing["divisions"] == [100001, 100002, 100003]
    assert listing["count"] == 1
    (order,) = listing["rows"]
    assert order["OrderID"] == posted["OrderID"]
    assert (order["Division"], order["YourRef"], order["Description"]) == (
        100002,
        "PO-42",
        "SD-demo-000001",
    )
    lines = order["SalesOrderLines"]
    assert [(line["LineNumber"], line["Quantity"]) for line in lines] == [(1, 2.0), (2, 1.0)]
    assert not [name for name in order if name.startswith("_")]


def test_division_selects_one_administration(sandbox_http, posted):
    assert sandbox_http.get("/_sandbox/orders?division=100001").json() == {
        "divisions": [100001],
        "count": 0,
        "rows": [],
    }
    assert sandbox_http.get("/_sandbox/orders?division=100002").json()["count"] == 1


def test_accounts_are_listed_per_division(sandbox_http, sandbox_state):
    listing = sandbox_http.get("/_sandbox/accounts", params={"division": 100003}).json()

    held = sandbox_state.divisions[100003].accounts
    assert listing["count"] == len(held) == len(listing["rows"])
    assert {row["ID"] for row in listing["rows"]} == {row["ID"] for row in held}
    assert {row["Division"] for row in listing["rows"]} == {100003}
    everything = sandbox_http.get("/_sandbox/accounts").json()
    assert everything["count"] == sum(len(d.accounts) for d in sandbox_state.divisions.values())


def test_quotations_have_the_same_shape_and_are_empty_until_there_are_any(sandbox_http):
    assert sandbox_http.get("/_sandbox/quotations?division=100001").json() == {
        "divisions": [100001],
        "count": 0,
        "rows": [],
    }


@pytest.mark.parametrize("division", ["999999", "abc"])
def test_an_unknown_division_is_a_clear_400(sandbox_http, division):
    answer = sandbox_http.get(f"/_sandbox/orders?division={division}")

    assert answer.status_code == 400
    assert "division" in answer.json()["error"]


def test_the_index_names_the_listings(sandbox_http):
    index = sandbox_http.get("/_sandbox/").json()

    for route in ("GET /_sandbox/orders", "GET /_sandbox/quotations", "GET /_sandbox/accounts"):
        assert route in index
