"""Seed addresses and contact persons of every account (spec §9.4).

Each account gets its visit address (Type 1, the account's own), often an invoice
address (Type 3) and one to three delivery addresses (Type 4, the first `Main`); one to
four contacts, the first the main contact that `crm/Accounts.MainContact` points at.
"""

from __future__ import annotations

import random

from . import names
from .division import DivisionData, new_guid

VISIT, POSTAL, INVOICE, DELIVERY = 1, 2, 3, 4
FIRST_NAMES = (
    "Anna",
    "Bram",
    "Daan",
    "Emma",
    "Fleur",
    "Jesse",
    "Julia",
    "Lars",
    "Lotte",
    "Milan",
    "Noor",
    "Pieter",
    "Sanne",
    "Sem",
    "Sophie",
    "Thijs",
    "Tess",
    "Wouter",
    "Yara",
    "Zoë",
)
JOBS = ("Inkoper", "Eigenaar", "Bedrijfsleider", "Chef-kok", "Administratie", "Magazijnchef")
# Account managers (reps); their IDs are the division's own (resolving them through
# system/Users is UNCONFIRMED, spec §9.4, and the sandbox has no users endpoint).
REPS = ("Jan de Vries", "Sanne Bakker", "Ahmed el Amrani", "Lisa Mulder")


def seed_crm(division: DivisionData, rng: random.Random, now: float) -> None:
    """Addresses and contacts of every account; sets each account's MainContact and
    AccountManager (one of a few reps)."""
    rand = rng.random
    addresses, contacts = [], []
    audit = division.audit(now)
    reps = [(new_guid(rng), name, 100 + number) for number, name in enumerate(REPS)]
    for account in division.accounts:
        rep = reps[int(rand() * len(reps))]
        account.update(AccountManager=rep[0], AccountManagerFullName=rep[1],
                       AccountManagerHID=rep[2])  # fmt: skip
        _account_addresses(account, rng, rand, audit, addresses)
        _account_contacts(account, rng, rand, audit, contacts, len(contacts))
    for row in addresses:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    for row in contacts:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    division.addresses.load(addresses)
    division.contacts.load(contacts)


def main_delivery_address(division: DivisionData, account_id: str) -> dict | None:
    """The account's main delivery address (Type 4), or None."""
    rows = division.addresses.rows
    for key in division.addresses.lookup("Account", account_id) or ():
        if rows[key]["Type"] == DELIVERY and rows[key]["Main"]:
            return rows[key]
    return None


def _account_addresses(account: dict, rng, rand, audit: dict, out: list) -> None:
    base = {"Account": account["ID"], "AccountName": account["Name"],
            "AccountIsSupplier": account.get("IsSupplier", False), **audit,
            "Created": account["Created"], "Modified": account["Created"]}  # fmt: skip
    own = {"AddressLine1": account.get("AddressLine1"), "Postcode": account.get("Postcode"),
           "City": account.get("City"), "Country": account.get("Country"),
           "CountryName": account.get("CountryName"), "Phone": account.get("Phone")}  # fmt: skip
    out.append({"ID": new_guid(rng), **base, **own, "Type": VISIT, "Main": True})
    if rand() < 0.5:
        out.append({"ID": new_guid(rng), **base, **own, "Type": INVOICE, "Main": True})
    for number in range(1 + int(rand() * 2.2)):
        city, prefix = names.CITIES[int(rand() * len(names.CITIES))]
        street = names.STREETS[int(rand() * len(names.STREETS))]
        letters = chr(65 + int(rand() * 26)) + chr(65 + int(rand() * 26))
        out.append(
            {
                "ID": new_guid(rng),
                **base,
                "Type": DELIVERY,
                "Main": number == 0,
                "AddressLine1": f"{street} {1 + int(rand() * 250)}",
                "City": city,
                "Postcode": f"{prefix}{10 + int(rand() * 89)} {letters}",
                "Country": "NL ",
                "CountryName": "Nederland",
                "Notes": "Laden en lossen via achteringang" if rand() < 0.2 else None,
            }
        )


def _account_contacts(account: dict, rng, rand, audit: dict, out: list, hid: int) -> None:
    surname = account.get("SearchCode") or "Klant"
    domain = (account.get("Email") or "info@example.nl").partition("@")[2]
    main_id = None
    for number in range(1 + int(rand() * 3.5)):
        first = FIRST_NAMES[int(rand() * len(FIRST_NAMES))]
        last = names.SURNAMES[int(rand() * len(names.SURNAMES))] if number else surname.title()
        contact_id = new_guid(rng)
        main_id = main_id or contact_id
        email = f"{first.lower()}@{domain}"
        out.append(
            {
                "ID": contact_id,
                "Account": account["ID"],
                "AccountName": account["Name"],
                "AccountIsCustomer": True,
                "AccountIsSupplier": account.get("IsSupplier", False),
                "AccountMainContact": main_id,
                "IsMainContact": number == 0,
                "FirstName": first,
                "LastName": last,
                "FullName": f"{first} {last}",
                "Initials": f"{first[0]}.",
                "Email": email,
                "BusinessEmail": email,
                "Phone": account.get("Phone"),
                "BusinessPhone": account.get("Phone"),
                "Mobile": f"+31 6 {10000000 + int(rand() * 89999999)}",
                "JobTitleDescription": JOBS[int(rand() * len(JOBS))],
                "Language": "NL",
                "Gender": "M" if rand() < 0.5 else "V",
                "HID": hid + number + 1,
                "Person": new_guid(rng),
                "City": account.get("City"),
                "Country": account.get("Country"),
                "Postcode": account.get("Postcode"),
                "AddressStreet": account.get("AddressLine1"),
                "IsMailingExcluded": False,
                "IsAnonymised": 0,
                "AllowMailing": 1,
                "StartDate": account.get("CustomerSince"),
                **audit,
                "Created": account["Created"],
                "Modified": account["Created"],
            }
        )
    account["MainContact"] = main_id
