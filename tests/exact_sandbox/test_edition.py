"""`/_sandbox/edition`: a division on Exact's smallest edition has one warehouse."""

from __future__ import annotations

from tests.sandbox_fixtures import api_headers


def _order(sandbox_state, warehouse_id: str) -> dict:
    division = sandbox_state.divisions[100003]
    account, item = next(iter(division.accounts)), next(iter(division.items))
    lines = [{"Item": item["ID"], "Quantity": 1, "NetPrice": 5}]
    return {"OrderedBy": account["ID"], "WarehouseID": warehouse_id, "SalesOrderLines": lines}


def test_a_single_warehouse_edition_refuses_another_warehouse(
    sandbox_http, sandbox_state, demo_tokens
):
    division = sandbox_state.divisions[100003]
    other = next(row for row in division.warehouses if not row["Main"])
    headers = api_headers(demo_tokens["access_token"])

    set_to = sandbox_http.post(
        "/_sandbox/edition", json={"division": 100003, "single_warehouse": True}
    )
    refused = sandbox_http.post(
        "/api/v1/100003/salesorder/SalesOrders", json=_order(sandbox_state, other["ID"]),
        headers=headers,
    )  # fmt: skip
    main = sandbox_http.post(
        "/api/v1/100003/salesorder/SalesOrders",
        json=_order(sandbox_state, division.warehouse["ID"]), headers=headers,
    )  # fmt: skip

    assert set_to.json() == {"division": 100003, "single_warehouse": True}
    assert refused.status_code == 400
    assert "has one warehouse" in refused.json()["error"]["message"]["value"]
    assert main.status_code == 201
    back = sandbox_http.post(
        "/_sandbox/edition", json={"division": 100003, "single_warehouse": False}
    )
    assert back.json()["single_warehouse"] is False
    again = sandbox_http.post(
        "/api/v1/100003/salesorder/SalesOrders", json=_order(sandbox_state, other["ID"]),
        headers=headers,
    )  # fmt: skip
    assert again.status_code == 201


def test_bad_edition_requests_are_a_clear_400(sandbox_http):
    unknown = sandbox_http.post("/_sandbox/edition", json={"division": 1, "single_warehouse": True})
    not_a_flag = sandbox_http.post("/_sandbox/edition", json={"single_warehouse": "yes"})
    assert (unknown.status_code, unknown.json()["error"]) == (400, "unknown division 1")
    assert not_a_flag.status_code == 400
    assert "true or false" in not_a_flag.json()["error"]
    assert "GET|POST /_sandbox/edition" in sandbox_http.get("/_sandbox/").json()
