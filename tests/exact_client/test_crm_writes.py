"""Creating accounts, contacts and addresses, and finding them again (spec §4.4, §9.4)."""

import pytest

from exact_client.errors import Rejected, ServerError


def test_an_account_is_created_and_found_by_its_exact_name(client):
    created = client.accounts.create({"Name": "O'Brien & Zn", "Status": "P", "IsSales": True})
    assert created["ID"] and created["Code"].strip().isdigit()
    found = client.accounts.find_by_name("O'Brien & Zn")  # the quote is escaped
    assert [row["ID"] for row in found] == [created["ID"]]
    assert set(found[0]) >= {"Code", "Email", "VATNumber", "Postcode"}
    assert client.accounts.find_by_name("O'Brien") == []


def test_a_refused_account_is_rejected_with_exacts_words(client):
    with pytest.raises(Rejected) as caught:
        client.accounts.create({"Name": "X", "Status": "Q"})
    assert "Status" in caught.value.message


def test_a_lost_answer_is_ambiguous_and_the_account_is_there_to_find(client, sandbox_state):
    sandbox_state.faults.add("500", "crm/Accounts", method="POST")
    with pytest.raises(ServerError) as caught:
        client.accounts.create({"Name": "Verloren"})
    assert caught.value.ambiguous is True
    assert client.accounts.find_by_name("Verloren") == []  # a 500 before storing: absent


def test_contacts_of_an_account_and_an_address_answered_twice_with_one_id(client):
    account = client.accounts.create({"Name": "Contactloos"})
    contact = client.contacts.create(
        {"Account": account["ID"], "FirstName": "Anna", "LastName": "de Boer"}
    )
    listed = client.contacts.for_account(account["ID"])
    assert [(row["ID"], row["LastName"]) for row in listed] == [(contact["ID"], "de Boer")]
    body = {"Account": account["ID"], "Type": 4, "AddressLine1": "Havenweg 9", "City": "Delft"}
    assert client.addresses.create(body)["ID"] == client.addresses.create(body)["ID"]
