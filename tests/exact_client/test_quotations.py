"""The quotations resource against the sandbox: create, find again, accept once, the order."""

from __future__ import annotations

import pytest

from exact_client import Rejected, TransportError
from exact_client.quotations import QUOTATIONS
from exact_sandbox.schema import reference

DIVISION = 100001


def _parties(sandbox_state) -> tuple[str, str]:
    division = sandbox_state.divisions[DIVISION]
    account = next(row for row in division.accounts if not row.get("Blocked"))
    item = next(row for row in division.items if row.get("IsSalesItem"))
    return account["ID"], item["ID"]


def test_the_default_select_exists_on_the_plain_endpoint_and_the_header_feed():
    for path in (QUOTATIONS.path, QUOTATIONS.sync):
        properties = reference.properties(path)
        assert [name for name in QUOTATIONS.select if name not in properties] == []


def test_create_find_accept_and_the_order_exact_made(client, sandbox_state):
    account, item = _parties(sandbox_state)
    payload = {"OrderAccount": account, "Description": "SD-x-000001",
               "QuotationLines": [{"Item": item, "Quantity": 2.0}]}  # fmt: skip
    created = client.quotations.create(payload)
    assert (created["QuotationNumber"], created["Status"]) == (1, 25)
    (found,) = client.quotations.find(description="SD-x-000001", account=account)
    assert found["QuotationID"] == created["QuotationID"]
    assert client.quotations.find(description="SD-x-000002", account=account) == []
    answer = client.quotations.accept(created["QuotationID"])
    assert "accepted" in answer["SuccessMessage"]
    (order,) = client.quotations.sales_orders_of(description="SD-x-000001", account=account)
    assert order["Description"] == "SD-x-000001"
    with pytest.raises(Rejected, match="already been accepted"):
        client.quotations.accept(created["QuotationID"])
    stored = client.quotations.get(created["QuotationID"], select=("QuotationID", "Status"))
    assert stored["Status"] == 50
    (page,) = list(client.quotations.sync(since=1))
    assert [row["Status"] for row in page.rows] == [50]


def test_a_lost_answer_to_create_is_ambiguous(client, sandbox_state):
    account, item = _parties(sandbox_state)
    sandbox_state.faults.add("drop_after_commit", "crm/Quotations", method="POST")
    with pytest.raises(TransportError) as lost:
        client.quotations.create({"OrderAccount": account, "QuotationLines": [{"Item": item}]})
    assert lost.value.ambiguous
    assert len(sandbox_state.divisions[DIVISION].quotations) == 1  # stored all the same
