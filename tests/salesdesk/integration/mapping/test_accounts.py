"""New customers -> crm/Accounts, crm/Contacts, crm/Addresses bodies; answers read back."""

from __future__ import annotations

import uuid

import pytest

from salesdesk.customers.account_match import account_matches
from salesdesk.customers.models import Customer
from salesdesk.integration.mapping import accounts, records

MANAGER = uuid.UUID("0b0b0b0b-0000-4000-8000-000000000001")
ACCOUNT = uuid.UUID("11111111-0000-4000-8000-000000000001")


def _customer(**fields) -> Customer:
    values = {
        "name": "Bakkerij Nieuw", "status": "P", "address_line1": "Dorpsstraat 1",
        "postcode": "1234 AB", "city": "Utrecht", "country": "NL", "email": "info@nieuw.nl",
        "phone": "", "vat_number": "NL123456789B01", "account_manager_exact_id": MANAGER,
    }  # fmt: skip
    return Customer(**(values | fields))


def test_the_account_body_sends_what_was_given_and_no_code():
    assert accounts.account_payload(_customer()) == {
        "Name": "Bakkerij Nieuw", "Status": "P", "IsSales": True,
        "AddressLine1": "Dorpsstraat 1", "Postcode": "1234 AB", "City": "Utrecht",
        "Country": "NL", "Email": "info@nieuw.nl", "VATNumber": "NL123456789B01",
        "AccountManager": str(MANAGER),
    }  # fmt: skip
    empty = dict.fromkeys(
        ("email", "vat_number", "address_line1", "postcode", "city", "country"), ""
    )
    bare = accounts.account_payload(_customer(account_manager_exact_id=None, **empty))
    assert bare == {"Name": "Bakkerij Nieuw", "Status": "P", "IsSales": True}


def test_contact_and_delivery_address_bodies():
    contact = {"first_name": "Anna", "last_name": "de Boer", "email": "", "phone": "+31 6"}
    assert accounts.contact_payload(ACCOUNT, contact) == {
        "Account": str(ACCOUNT), "FirstName": "Anna", "LastName": "de Boer", "Phone": "+31 6",
    }  # fmt: skip
    address = {"line1": "Havenweg 9", "postcode": "1235 CD", "city": "Utrecht", "country": ""}
    assert accounts.delivery_address_payload(ACCOUNT, address) == {
        "Account": str(ACCOUNT), "Type": 4, "AddressLine1": "Havenweg 9",
        "Postcode": "1235 CD", "City": "Utrecht",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("row", "ours"),
    [
        ({"Name": "bakkerij nieuw", "Email": "INFO@nieuw.nl", "VATNumber": "nl123456789b01",
          "Postcode": "1234AB"}, True),
        ({"Name": "Bakkerij Nieuw", "Email": "other@nieuw.nl", "VATNumber": "NL123456789B01",
          "Postcode": "1234 AB"}, False),
        ({"Name": "Bakkerij Nieuw", "Email": "info@nieuw.nl", "VATNumber": None,
          "Postcode": "1234 AB"}, False),
        ({"Name": "Bakkerij Oud", "Email": "info@nieuw.nl", "VATNumber": "NL123456789B01",
          "Postcode": "1234 AB"}, False),
    ],
)  # fmt: skip
def test_a_listed_account_is_ours_when_name_and_everything_we_sent_match(row, ours):
    assert account_matches(_customer(), accounts.account_lookup_fields(row)) is ours


def test_a_customer_without_email_vat_or_postcode_is_recognised_by_name():
    bare = _customer(email="", vat_number="", postcode="")
    assert account_matches(bare, accounts.account_lookup_fields({"Name": "Bakkerij Nieuw"}))


def test_the_answer_gives_id_and_padded_code():
    assert accounts.account_ref({"ID": str(ACCOUNT), "Code": "    12"}) == (ACCOUNT, "    12")


def test_prospects_are_kept_active_with_their_status_suppliers_and_suspects_are_not():
    base = {"ID": str(ACCOUNT), "Code": "1".rjust(18), "Name": "X"}
    assert records.customer_from_exact(base | {"Status": "P"})["status"] == "P"
    assert records.customer_from_exact(base | {"Status": "P"})["active"] is True
    assert records.customer_from_exact(base | {"Status": "S"})["active"] is False
    assert records.customer_from_exact(base | {"Status": "C "})["status"] == "C"
    assert records.customer_from_exact(base | {"Status": None})["status"] == "C"
