"""POST on crm/Accounts (what Exact refuses, what a new account holds and where it shows),
crm/Contacts and crm/Addresses (an identical address answered, not stored twice)."""

import pytest

from exact_sandbox.holdings import holdings_json

from .rest_calls import call, error_text, make_state

FULL = {"Prefer": "return=representation"}
DIVISION = 100001


@pytest.fixture
def state():
    return make_state(items=5, customers=10)


def _account(state, **fields) -> dict:
    body = {"Name": "Nieuwe Klant", **fields}
    status, answer = call(state, "crm/Accounts", method="POST", headers=FULL, body=body)
    assert status == 201, answer
    return answer["d"]


def test_a_new_account_keeps_what_was_sent_and_shows_in_the_sync_feed_and_holdings(state):
    manager = "0b0b0b0b-0000-4000-8000-000000000001"
    account = _account(
        state, Status="P", VATNumber="NL123456789B01", Email="info@nieuw.nl",
        AccountManager=manager, IsSales=True,
    )  # fmt: skip
    highest = max(int(a["Code"]) for a in state.divisions[DIVISION].accounts
                  if a["ID"] != account["ID"])  # fmt: skip
    assert account["Code"] == str(highest + 1).rjust(18)
    assert (account["Status"], account["VATNumber"], account["Email"]) == (
        "P", "NL123456789B01", "info@nieuw.nl"
    )  # fmt: skip
    assert account["AccountManager"] == manager
    status, feed = call(state, "sync/CRM/Accounts", query={
        "$select": "ID,Name,Status", "$filter": "Timestamp gt 1L",
    })  # fmt: skip
    assert status == 200
    assert {"ID": account["ID"], "Name": "Nieuwe Klant", "Status": "P"} in [
        {k: row[k] for k in ("ID", "Name", "Status")} for row in feed["d"]["results"]
    ]
    listed = holdings_json(state, "accounts", {"division": str(DIVISION)})["rows"]
    assert [row["ID"] for row in listed].count(account["ID"]) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"City": "Delft"}, "Mandatory: Name"),
        ({"Name": "X", "Status": "Q"}, "Invalid value for Status: Q. Allowed: A, S, P, C."),
        ({"Name": "X", "Unknown": 1}, "The property name 'Unknown'"),
    ],
)
def test_exact_refuses_an_account_without_name_with_a_bad_status_or_an_unknown_field(
    state, body, message
):
    before = len(state.divisions[DIVISION].accounts)
    status, answer = call(state, "crm/Accounts", method="POST", body=body)
    assert status == 400 and message in error_text(answer)
    assert len(state.divisions[DIVISION].accounts) == before


def test_exact_refuses_a_code_that_exists(state):
    taken = next(iter(state.divisions[DIVISION].accounts))["Code"].strip()
    status, answer = call(state, "crm/Accounts", method="POST", body={"Name": "X", "Code": taken})
    assert (status, error_text(answer)) == (400, f"Account code already exists: {taken}")


def test_a_contact_needs_account_first_and_last_name(state):
    account = _account(state)
    for body, missing in (
        ({"FirstName": "Anna", "LastName": "Boer"}, "Account"),
        ({"Account": account["ID"], "FirstName": "Anna"}, "LastName"),
    ):
        status, answer = call(state, "crm/Contacts", method="POST", body=body)
        assert (status, error_text(answer)) == (400, f"Mandatory: {missing}")
    body = {"Account": "00000000-0000-4000-8000-000000000000", "FirstName": "A", "LastName": "B"}
    status, answer = call(state, "crm/Contacts", method="POST", body=body)
    assert (
        status == 400 and "account" in error_text(answer) and "does not exist" in error_text(answer)
    )

    body = {"Account": account["ID"], "FirstName": "Anna", "LastName": "de Boer",
            "Email": "anna@nieuw.nl"}  # fmt: skip
    status, answer = call(state, "crm/Contacts", method="POST", headers=FULL, body=body)
    assert status == 201
    contact = answer["d"]
    assert (contact["FullName"], contact["AccountName"]) == ("Anna de Boer", "Nieuwe Klant")
    rows = state.divisions[DIVISION].contacts
    assert [row["ID"] for row in rows if row["Account"] == account["ID"]] == [contact["ID"]]


def test_an_identical_address_is_answered_with_its_existing_id(state):
    account = _account(state)
    body = {"Account": account["ID"], "Type": 4, "AddressLine1": "Havenweg 9",
            "Postcode": "1235 CD", "City": "Utrecht", "Country": "NL"}  # fmt: skip
    status, first = call(state, "crm/Addresses", method="POST", headers=FULL, body=body)
    assert status == 201 and first["d"]["Country"] == "NL "
    again = body | {"City": "UTRECHT "}
    status, second = call(state, "crm/Addresses", method="POST", headers=FULL, body=again)
    assert status == 201 and second["d"]["ID"] == first["d"]["ID"]
    other = body | {"AddressLine1": "Havenweg 11"}
    _, third = call(state, "crm/Addresses", method="POST", headers=FULL, body=other)
    assert third["d"]["ID"] != first["d"]["ID"]
    rows = [r for r in state.divisions[DIVISION].addresses if r["Account"] == account["ID"]]
    assert len(rows) == 2
    status, answer = call(state, "crm/Addresses", method="POST", body=body | {"Type": 9})
    assert status == 400 and "Type" in error_text(answer)
