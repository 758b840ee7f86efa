"""Exact's failures as the sandbox injects them: retried GETs, never-retried POSTs (spec §5)."""

import pytest

from exact_client.errors import ServerError, TransportError

DIVISION = 100001


def rows(pages):
    return [row for page in pages for row in page.rows]


@pytest.mark.parametrize(
    "kind", ["500", "503", "html_maintenance", "appended_error", "drop", "timeout"]
)
def test_a_get_retries_retriable_failures(client, sandbox_state, kind):
    sandbox_state.faults.add(kind, "sales/SalesPriceLists")
    assert rows(client.price_lists.list())
    assert client.calls == 2


def test_a_get_gives_up_after_bounded_retries(client, sandbox_state, sandbox_clock):
    sandbox_state.faults.add("500", "sales/SalesPriceLists", count=10)
    with pytest.raises(ServerError) as caught:
        next(client.price_lists.list())
    assert caught.value.retriable and caught.value.status == 500
    assert "A problem has occurred" in str(caught.value)
    assert client.calls == 3  # retry policy of the fixture: 2 retries


def order_payload(client, ref):
    account = next(client.accounts.bulk()).rows[0]
    item = next(client.items.bulk()).rows[0]
    return {
        "OrderedBy": account["ID"],
        "YourRef": ref,
        "SalesOrderLines": [{"Item": item["ID"], "Quantity": 1}],
    }


@pytest.mark.parametrize("kind", ["500", "503"])
def test_a_failed_post_is_ambiguous_and_never_retried(client, sandbox_state, kind):
    payload = order_payload(client, f"SD-{kind}")
    sandbox_state.faults.add(kind, "salesorder/SalesOrders", method="POST")
    calls = client.calls
    with pytest.raises(ServerError) as caught:
        client.sales_orders.create(payload)
    assert caught.value.ambiguous is True
    assert client.calls == calls + 1


@pytest.mark.parametrize("kind", ["drop_after_commit", "timeout"])
def test_a_post_that_was_stored_but_unanswered_is_found_by_your_ref(client, sandbox_state, kind):
    payload = order_payload(client, f"SD-{kind}")
    sandbox_state.faults.add(kind, "salesorder/SalesOrders", method="POST")
    with pytest.raises(TransportError) as caught:
        client.sales_orders.create(payload)
    assert caught.value.ambiguous is True
    found = client.sales_orders.find_by_your_ref(f"SD-{kind}")
    assert found is not None
    assert sandbox_state.orders_count(DIVISION) == 1  # stored exactly once
