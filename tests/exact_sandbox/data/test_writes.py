"""POST/PUT/DELETE on items and accounts (spec §3.3, §3.6, §4.3, §4.4)."""

import base64

import pytest

from .rest_calls import BASE, call, error_text, make_state

FULL = {"Prefer": "return=representation"}


@pytest.fixture
def state():
    return make_state(items=30, customers=20)


def test_post_item_with_prefer_returns_the_full_entity(state):
    state.clock.advance(60)
    status, body = call(
        state,
        "logistics/Items",
        method="POST",
        headers=FULL,
        body={
            "Code": "NEW-1",
            "Description": "Nieuw",
            "Unit": "kg",
            "SalesVatCode": "2",
            "StandardSalesPrice": 12.5,
        },
    )
    assert status == 201
    item = body["d"]
    assert item["__metadata"]["uri"] == f"{BASE}/api/v1/100001/logistics/Items(guid'{item['ID']}')"
    assert (item["Code"], item["Unit"], item["UnitDescription"]) == (
        "NEW-1",
        "kg      ",
        "Kilogram",
    )
    assert (item["SalesVatCode"], item["StandardSalesPrice"]) == ("2  ", 12.5)
    assert item["ItemGroupCode"] == "100"  # the default item group
    assert item["PictureUrl"] == f"{BASE}//docs/images/placeholder_item.png"
    assert item["Modified"] == item["Created"]
    stored = state.divisions[100001].items.rows[item["ID"]]
    # The newest rowversions: the item's, then its new standard price row's (standard_price.py).
    assert int(stored["Timestamp"]) == state.divisions[100001].last_timestamp - 1


def test_post_item_without_prefer_returns_only_the_key(state):
    status, body = call(
        state, "logistics/Items", method="POST", body={"Code": "NEW-2", "Description": "Kaal"}
    )
    assert status == 201
    assert body["d"]["ID"]
    assert body["d"]["Code"] is None and body["d"]["Description"] is None
    assert state.divisions[100001].items.rows[body["d"]["ID"]]["Code"] == "NEW-2"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"Description": "no code"}, "Mandatory: Code"),
        ({"Code": "X"}, "Mandatory: Description"),
        ({"Code": "X", "Description": "d", "Nope": 1}, "The property name 'Nope'"),
        ({"Code": "X", "Description": "d", "StandardSalesPrice": "1,00"}, "'Edm.Double'"),
        ({"Code": "X", "Description": "d", "IsSalesItem": 1}, "'Edm.Boolean'"),
        ({"Code": "X", "Description": "d", "Unit": "vat"}, "Unit does not exist"),
        (["not", "an", "object"], "Error processing request stream"),
    ],
)
def test_post_item_validation(state, body, message):
    status, answer = call(state, "logistics/Items", method="POST", body=body)
    assert status == 400
    assert message in error_text(answer)


def test_item_codes_are_unique(state):
    code = state.divisions[100001].items.rows[state.divisions[100001].items.keys[0]]["Code"]
    status, body = call(
        state, "logistics/Items", method="POST", body={"Code": code, "Description": "dubbel"}
    )
    assert status == 400
    assert code in error_text(body)


def test_put_item_bumps_timestamp_and_modified(state):
    division = state.divisions[100001]
    item_id = division.items.keys[3]
    old = dict(division.items.rows[item_id])
    state.clock.advance(3600)
    status, body = call(
        state,
        f"logistics/Items(guid'{item_id}')",
        method="PUT",
        body={"Description": "Anders", "StandardSalesPrice": 3},
    )
    assert (status, body) == (204, b"")
    row = division.items.rows[item_id]
    assert (row["Description"], row["StandardSalesPrice"]) == ("Anders", 3.0)
    assert int(row["Timestamp"]) > int(old["Timestamp"])
    assert row["Modified"] != old["Modified"] and row["Created"] == old["Created"]


def test_put_and_delete_unknown_item_are_404(state):
    missing = "logistics/Items(guid'00000000-0000-4000-8000-000000000000')"
    assert call(state, missing, method="PUT", body={"Description": "x"})[0] == 404
    assert call(state, missing, method="DELETE")[0] == 404


def test_delete_item_is_204_and_gone(state):
    item_id = state.divisions[100001].items.keys[0]
    assert call(state, f"logistics/Items(guid'{item_id}')", method="DELETE") == (204, b"")
    assert call(state, f"logistics/Items(guid'{item_id}')")[0] == 404


def test_posted_picture_is_served(state):
    png = b"\x89PNG\r\n\x1a\nfake"
    _, body = call(
        state,
        "logistics/Items",
        method="POST",
        headers=FULL,
        body={"Code": "PIC", "Description": "Met foto", "Picture": base64.b64encode(png).decode()},
    )
    item = body["d"]
    assert "SysImage.aspx" in item["PictureUrl"] and item["PictureName"] == "PIC.png"
    assert state.divisions[100001].picture_bytes(item["ID"]) == png


def test_post_account_pads_code_and_country(state):
    status, body = call(
        state,
        "crm/Accounts",
        method="POST",
        headers=FULL,
        body={"Name": "Nieuwe Klant", "Country": "NL", "Code": "77"},
    )
    assert status == 201
    account = body["d"]
    assert (account["Code"], account["Country"], account["CountryName"]) == (
        "77".rjust(18),
        "NL ",
        "Nederland",
    )
    _, auto = call(state, "crm/Accounts", method="POST", headers=FULL, body={"Name": "Auto"})
    highest = max(
        int(a["Code"]) for a in state.divisions[100001].accounts if a["ID"] != auto["d"]["ID"]
    )
    assert auto["d"]["Code"] == str(highest + 1).rjust(18)


def test_account_validation(state):
    status, body = call(state, "crm/Accounts", method="POST", body={"City": "Delft"})
    assert (status, error_text(body)) == (400, "Mandatory: Name")
    account = state.divisions[100001].accounts.keys[0]
    status, body = call(
        state,
        f"crm/Accounts(guid'{account}')",
        method="PUT",
        body={"PriceList": "00000000-0000-4000-8000-000000000000"},
    )
    assert status == 400


def test_put_account(state):
    account = state.divisions[100001].accounts.keys[1]
    status, _ = call(
        state,
        f"crm/Accounts(guid'{account}')",
        method="PUT",
        body={"Blocked": True, "Country": "be"},
    )
    assert status == 204
    row = state.divisions[100001].accounts.rows[account]
    assert (row["Blocked"], row["Country"], row["CountryName"]) == (True, "BE ", "België")


def test_read_only_endpoints_refuse_writes(state):
    status, _ = call(state, "logistics/ItemGroups", method="POST", body={"Code": "x"})
    assert status == 405
    assert call(state, "logistics/Items", method="DELETE")[0] == 405


def test_summer_writes_carry_cest_wall_clock_dates():
    # 2026-07-01 10:00:00 UTC is 12:00 in Amsterdam (CEST, UTC+2).
    summer = make_state(items=5, customers=5, now=1782900000.0)
    _, body = call(
        summer,
        "logistics/Items",
        method="POST",
        headers=FULL,
        body={"Code": "ZOMER", "Description": "Zomer"},
    )
    assert body["d"]["Created"] == f"/Date({(1782900000 + 7200) * 1000})/"
    assert body["d"]["StartDate"] == "/Date(1782864000000)/"  # 2026-07-01 local midnight
