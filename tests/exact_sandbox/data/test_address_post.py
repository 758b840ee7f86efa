"""POST crm/Addresses: a new address, or the ID of the identical one (spec §9.4)."""

from __future__ import annotations

import pytest

from .rest_calls import call, error_text, make_state

ADDRESSES = "crm/Addresses"


@pytest.fixture
def state():
    return make_state(items=5, customers=6)


def _account(state, index: int = 0, code: int = 100001) -> dict:
    return list(state.divisions[code].accounts)[index]


def _address(account: dict, **fields) -> dict:
    body = {"Account": account["ID"], "Type": 4, "AddressLine1": "Havenweg 12",
            "Postcode": "3011 AB", "City": "Rotterdam", "Country": "NL"}  # fmt: skip
    return {**body, **fields}


def _post(state, body: dict, code: int = 100001):
    return call(state, ADDRESSES, method="POST", body=body, division=code)


def test_a_new_address_is_stored_and_appears_in_the_sync_feed(state):
    division = state.divisions[100001]
    account = _account(state)
    newest = division.last_timestamp

    status, answer = _post(state, _address(account, AddressLine2="Dock 4"))

    assert status == 201, answer
    address_id = answer["d"]["ID"]
    stored = division.addresses.get(address_id)
    assert (stored["Account"], stored["Type"], stored["AccountName"]) == (
        account["ID"], 4, account["Name"],
    )  # fmt: skip
    assert (stored["AddressLine2"], stored["CountryName"], stored["Main"]) == (
        "Dock 4", "Nederland", False,  # the account had a delivery address: not the main one
    )  # fmt: skip
    query = {"$select": "ID,Account,Type,City", "$filter": f"Timestamp gt {newest}L"}
    status, feed = call(state, "sync/CRM/Addresses", query)
    assert status == 200
    assert [row["ID"] for row in feed["d"]["results"]] == [address_id]


def test_the_same_address_again_answers_the_existing_id_and_stores_nothing(state):
    division = state.divisions[100001]
    account = _account(state)
    _, first = _post(state, _address(account))
    count = len(division.addresses)

    status, again = _post(state, _address(account, City=" ROTTERDAM ", Country="nl"))

    assert status == 201
    assert again["d"]["ID"] == first["d"]["ID"]
    assert len(division.addresses) == count


def test_another_account_type_or_street_is_another_address(state):
    account = _account(state)
    _, first = _post(state, _address(account))
    others = (
        _address(_account(state, 1)),
        _address(account, Type=3),
        _address(account, AddressLine1="Havenweg 14"),
    )
    ids = {_post(state, body)[1]["d"]["ID"] for body in others}
    assert len(ids) == 3 and first["d"]["ID"] not in ids


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Account": None}, "Mandatory: Account"),
        ({"Account": "7c1b0e5e-0000-4000-8000-000000000001"}, "does not exist"),
        ({"Type": 9}, "Type: choose 1 (visit)"),
        ({"Colour": "red"}, "The property name 'Colour'"),
    ],
)
def test_a_bad_address_is_refused_and_nothing_stored(state, change, message):
    division = state.divisions[100001]
    count = len(division.addresses)
    status, answer = _post(state, {**_address(_account(state)), **change})
    assert status == 400
    assert message in error_text(answer)
    assert len(division.addresses) == count


def test_put_and_delete_stay_refused(state):
    address = next(iter(state.divisions[100001].addresses))
    status, _ = call(state, f"{ADDRESSES}(guid'{address['ID']}')", method="PUT", body={})
    assert status == 405
