"""POST on `crm/Contacts` and `crm/Addresses` (fields reference; spec §9.4).

A contact needs `Account`, `FirstName` and `LastName` (the fields reference's note, from the
Ruby client's mandatory list); Exact fills `FullName` and the account's name. An address
needs `Account` and a `Type` (1 visit, 2 postal, 3 invoice, 4 delivery); Exact "first looks
for an identical existing address and returns its ID instead of creating one" (fields
reference), so posting the same address twice stores it once.
"""

from __future__ import annotations

from ..data import ledger_schema as ls
from ..data.division import DivisionData, new_guid
from ..http import Response
from ..odata.errors import bad_request
from .context import CallContext
from .endpoints import Endpoint
from .payload import coerce_fields, read_body
from .writes import created

CONTACT_DERIVED = frozenset({"AccountName", "AccountIsCustomer", "AccountIsSupplier",
                             "AccountMainContact", "FullName", "HID"})  # fmt: skip
ADDRESS_DERIVED = frozenset({"AccountName", "AccountIsSupplier", "ContactName",
                             "CountryName", "StateDescription", "WarehouseCode",
                             "WarehouseDescription"})  # fmt: skip
ADDRESS_TYPES = frozenset({1, 2, 3, 4})
# What makes two addresses of an account identical (the lines, place and type).
ADDRESS_SAME = ("Type", "AddressLine1", "AddressLine2", "AddressLine3", "Postcode", "City",
                "Country")  # fmt: skip


def post_contact(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create a contact person of an existing account."""
    division = ctx.division
    values = coerce_fields(ls.CONTACT, read_body(ctx.req.body), skip=CONTACT_DERIVED | {"ID"})
    missing = [name for name in ("Account", "FirstName", "LastName") if not values.get(name)]
    if missing:
        raise bad_request(f"Mandatory: {', '.join(missing)}")
    account = _account(division, values["Account"])
    first, last = values["FirstName"], values["LastName"]
    row = {
        "ID": new_guid(division.rng), **values,
        "FullName": " ".join(part for part in (first, values.get("MiddleName"), last) if part),
        "AccountName": account["Name"], "AccountIsCustomer": account.get("Status") == "C",
        "AccountIsSupplier": bool(account.get("IsSupplier")),
        "AccountMainContact": account.get("MainContact"),
        "IsMainContact": bool(values.get("IsMainContact")),
    }  # fmt: skip
    row.update(division.audit(ctx.now, division.next_timestamp()))
    division.contacts.insert(row)
    return created(ctx, endpoint, row)


def post_address(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create an address of an existing account, or answer the identical one it has."""
    division = ctx.division
    values = coerce_fields(ls.ADDRESS, read_body(ctx.req.body), skip=ADDRESS_DERIVED | {"ID"})
    if not values.get("Account"):
        raise bad_request("Mandatory: Account")
    if values.get("Type") not in ADDRESS_TYPES:
        raise bad_request("Mandatory: Type (1 visit, 2 postal, 3 invoice, 4 delivery)")
    account = _account(division, values["Account"])
    country = (values.get("Country") or "").strip().upper()
    values["Country"] = country.ljust(3) if country else None
    same = _identical(division, values)
    if same is not None:
        return created(ctx, endpoint, same)
    row = {"ID": new_guid(division.rng), "Main": False, **values, "AccountName": account["Name"],
           "AccountIsSupplier": bool(account.get("IsSupplier"))}  # fmt: skip
    row.update(division.audit(ctx.now, division.next_timestamp()))
    division.addresses.insert(row)
    return created(ctx, endpoint, row)


def _account(division: DivisionData, account_id: str) -> dict:
    row = division.accounts.get(account_id)
    if row is None:
        raise bad_request(f"Account does not exist: {account_id}")
    return row


def _identical(division: DivisionData, values: dict) -> dict | None:
    rows = division.addresses.rows
    for key in division.addresses.lookup("Account", values["Account"]) or ():
        row = rows[key]
        if all(_same(row.get(name), values.get(name)) for name in ADDRESS_SAME):
            return row
    return None


def _same(stored: object, posted: object) -> bool:
    if isinstance(stored, str) or isinstance(posted, str):
        return (stored or "").strip().casefold() == (posted or "").strip().casefold()
    return stored == posted
