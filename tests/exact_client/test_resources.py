"""Each resource against the sandbox, with Exact's value formats converted (spec §3.4, §4)."""

from datetime import UTC, datetime, timedelta

import pytest

from exact_client import RateGate, gate_key, values
from exact_client.errors import NoSuchEndpoint, Rejected
from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import SANDBOX_BASE_URL

DIVISION = 100001


def rows(pages):
    return [row for page in pages for row in page.rows]


def test_me_is_division_less_and_converts_int64(client):
    me = client.me()
    assert me["UserName"] == "demo"
    assert me["CurrentDivision"] == DIVISION
    assert isinstance(me["Legislation"], int)
    assert values.code_trim(me["DivisionCustomerCode"]) == "1000"


def test_divisions_lists_every_administration_with_int64_hid(client):
    divisions = {row["Code"]: row for row in client.divisions()}
    assert {code: row["Description"] for code, row in divisions.items()} == {
        100001: "Demo Wholesale B.V.",
        100002: "Demo Wholesale BV",
        100003: "Demo Retail Nederland",
    }
    assert all(isinstance(row["Hid"], int) for row in divisions.values())
    assert divisions[DIVISION]["Modified"].tzinfo is not None


def test_items_carry_converted_values(client):
    item = rows(client.items.bulk())[0]
    assert set(item) >= set(client.items.endpoint.select)
    assert isinstance(item["Modified"], datetime) and item["Modified"].utcoffset() == timedelta(0)
    assert item["ID"] == item["ID"].lower() and values.is_guid(item["ID"])


def test_datetime_filters_round_trip_through_amsterdam_time(client):
    items = rows(client.items.bulk())
    newest = max(item["Modified"] for item in items)
    newer = rows(client.items.bulk(filter=f"Modified ge {values.datetime_literal(newest)}"))
    assert newer and all(item["Modified"] >= newest for item in newer)
    later = newest + timedelta(seconds=1)
    assert rows(client.items.bulk(filter=f"Modified ge {values.datetime_literal(later)}")) == []


def test_account_codes_stay_padded_and_match_when_padded(client):
    account = rows(client.accounts.bulk())[0]
    assert len(account["Code"]) == 18 and account["Code"] != values.code_trim(account["Code"])
    short = values.code_trim(account["Code"])
    found = rows(client.accounts.list(filter=f"Code eq {values.quote(values.code_pad(short))}"))
    assert [row["ID"] for row in found] == [account["ID"]]
    assert rows(client.accounts.list(filter=f"Code eq {values.quote(short)}")) == []


def test_accounts_sync_gives_int_timestamps(client):
    synced = rows(client.accounts.sync())
    assert synced and all(isinstance(row["Timestamp"], int) for row in synced)


def test_price_lists_periods_and_volume_discounts_chain_together(client):
    price_list = rows(client.price_lists.list())[0]
    period_filter = f"PriceList eq {values.guid_literal(price_list['ID'])}"
    periods = rows(client.price_list_periods.list(filter=period_filter))
    assert periods and all(row["PriceList"] == price_list["ID"] for row in periods)
    discounts = rows(
        client.volume_discounts.list(
            filter=f"PriceListPeriod eq {values.guid_literal(periods[0]['ID'])}"
        )
    )
    assert all(row["PriceListPeriod"] == periods[0]["ID"] for row in discounts)
    assert rows(client.volume_discounts.sync())


def test_item_prices_bulk_and_sync(client):
    bulk = rows(client.item_prices.bulk())
    synced = rows(client.item_prices.sync())
    assert bulk and {row["ID"] for row in bulk} == {row["ID"] for row in synced}
    assert all(isinstance(row["Price"], int | float) for row in bulk)


def test_resources_without_bulk_or_sync_say_so(client):
    with pytest.raises(NoSuchEndpoint):
        client.price_lists.bulk()
    with pytest.raises(NoSuchEndpoint):
        client.price_list_periods.sync()


def new_order(client, ref):
    account = rows(client.accounts.bulk())[0]
    item = rows(client.items.bulk())[0]
    return {
        "OrderedBy": account["ID"],
        "YourRef": ref,
        "OrderDate": "2026-03-02",
        "SalesOrderLines": [{"Item": item["ID"], "Quantity": 2, "NetPrice": 12.5}],
    }


def test_sales_order_create_returns_the_stored_order_and_is_found_by_your_ref(client):
    payload = new_order(client, "SD-O'Brien-1")
    order = client.sales_orders.create(payload)
    assert isinstance(order["OrderNumber"], int)
    assert order["YourRef"] == "SD-O'Brien-1"
    assert order["OrderedBy"] == payload["OrderedBy"]
    assert isinstance(order["OrderDate"], datetime)
    found = client.sales_orders.find_by_your_ref("SD-O'Brien-1")
    assert found["OrderID"] == order["OrderID"]
    assert client.sales_orders.find_by_your_ref("SD-unknown") is None
    assert client.sales_orders.get(order["OrderID"])["OrderNumber"] == order["OrderNumber"]
    assert [row["OrderID"] for row in rows(client.sales_orders.sync())] == [order["OrderID"]]
    assert [row["OrderID"] for row in rows(client.sales_orders.bulk())] == [order["OrderID"]]


def test_an_order_without_lines_is_rejected_with_exacts_message(client):
    payload = new_order(client, "SD-2")
    payload["SalesOrderLines"] = []
    with pytest.raises(Rejected) as caught:
        client.sales_orders.create(payload)
    assert caught.value.status == 400 and caught.value.message
    assert caught.value.message in str(caught.value)
    assert client.sales_orders.find_by_your_ref("SD-2") is None


def test_deleted_sync_reports_removed_items(client, sandbox_state, sandbox_clock):
    cursor = max([1, *(row["Timestamp"] for row in rows(client.deleted.sync()))])
    item = rows(client.items.bulk())[0]
    sandbox_state.divisions[DIVISION].delete_item(item["ID"], sandbox_clock.now())
    deleted = rows(client.deleted.sync(since=cursor))
    gone = [row for row in deleted if row["EntityKey"] == item["ID"]]
    assert gone and gone[0]["EntityType"] == 9
    assert isinstance(gone[0]["Timestamp"], int) and gone[0]["Timestamp"] > cursor
    assert gone[0]["DeletedDate"].tzinfo is UTC


def test_pictures_download_with_the_bearer_and_are_counted(client, sandbox_http):
    with_picture = [
        item for item in rows(client.items.bulk()) if "SysImage" in (item["PictureUrl"] or "")
    ]
    url = with_picture[0]["PictureUrl"]
    calls = client.calls
    data = client.pictures.download(url)
    assert data.startswith(b"\x89PNG")
    assert data != sandbox_http.get(url).content  # without the bearer: Exact's 1x1 white pixel
    assert client.calls == calls + 1


def test_a_division_without_consent_is_rejected(make_client):
    with pytest.raises(Rejected) as caught:
        next(make_client(division=999999).price_lists.list())
    assert caught.value.status == 403


def test_a_missing_scope_is_rejected_with_exacts_message(client, sandbox_state):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Sales orders"])
    with pytest.raises(Rejected) as caught:
        next(client.sales_orders.list())
    assert "Application Scope Violated" in caught.value.message


def test_find_any_answers_the_orders_where_any_named_field_matches(client):
    by_description = client.sales_orders.create(
        new_order(client, "PO-7") | {"Description": "SD-demo-000001"}
    )
    by_your_ref = client.sales_orders.create(new_order(client, "SD-demo-000001"))
    client.sales_orders.create(new_order(client, "PO-8") | {"Description": "SD-demo-000002"})

    found = client.sales_orders.find_any(Description="SD-demo-000001", YourRef="SD-demo-000001")

    assert {row["OrderID"] for row in found} == {by_description["OrderID"], by_your_ref["OrderID"]}
    assert {row["Description"] for row in found} == {"SD-demo-000001", None}
    assert client.sales_orders.find_any(Description="O'Brien") == []
    with pytest.raises(ValueError):
        client.sales_orders.find_any()


def test_a_blank_1x1_picture_is_an_error_not_a_picture(client, sandbox_state):
    from exact_client.errors import BlankPicture

    url = next(
        item["PictureUrl"]
        for item in rows(client.items.bulk())
        if "SysImage" in (item["PictureUrl"] or "")
    )
    sandbox_state.faults.add("blank_picture", "docs/SysImage.aspx")

    with pytest.raises(BlankPicture) as caught:
        client.pictures.download(url)

    assert not caught.value.retriable
    assert "1x1" in caught.value.message
    assert client.pictures.download(url).startswith(b"\x89PNG")  # the next answer is real


def test_user_has_rights_asks_exact_without_spending_errors(client, sandbox_state):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Sales prices"], read_only=["Sales orders"])

    assert client.user_has_rights("logistics/Items", "GET") is True
    assert client.user_has_rights("salesorder/SalesOrders", "post") is False
    assert client.user_has_rights("salesorder/SalesOrders", "GET") is True
    assert client.user_has_rights("sales/SalesPriceLists", "GET") is False
    assert sandbox_state.errors.recorded() == 0


def test_user_has_rights_does_not_wait_for_a_spent_minute(make_client, sandbox_clock):
    gate = RateGate()
    reset_ms = str(int((sandbox_clock.now() + 40) * 1000))
    spent = {"X-RateLimit-Minutely-Remaining": "0", "X-RateLimit-Minutely-Reset": reset_ms}
    gate.record(gate_key(SANDBOX_BASE_URL, 100001), spent)
    client = make_client(gate=gate)
    before = sandbox_clock.now()

    assert client.user_has_rights("crm/Quotations", "POST") is True
    assert sandbox_clock.now() == before  # not billed (spec §5.2): nothing to wait for
