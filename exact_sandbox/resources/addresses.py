"""POST on `crm/Addresses`: a new address of an account, or the ID of the same one (§9.4).

Exact's POST "first checks whether the specified address already exists. If so, the ID of
the existing address is returned" (spec §9.4, [ruby address.rb]). The sandbox calls an
address the same when it belongs to the same account, has the same type and the same
address lines, postcode, city and country, compared without surrounding spaces and
regardless of case; the answer is then that address, and nothing is stored.
New addresses get a Timestamp, so they appear in sync/CRM/Addresses.
"""

from __future__ import annotations

from ..data import ledger_schema as ls
from ..data.division import DivisionData, new_guid
from ..http import Response
from ..odata.errors import bad_request
from .accounts import COUNTRIES
from .context import CallContext
from .endpoints import Endpoint
from .entity import account_row
from .payload import coerce_fields, read_body
from .writes import created

TYPES = {1: "Visit", 2: "Postal", 3: "Invoice", 4: "Delivery"}
# Exact fills these from the account, the contact, the country and the warehouse.
DERIVED = frozenset({"AccountName", "AccountIsSupplier", "ContactName", "CountryName",
                     "StateDescription", "WarehouseCode", "WarehouseDescription"})  # fmt: skip
SAME_WHEN_EQUAL = ("AddressLine1", "AddressLine2", "AddressLine3", "Postcode", "City", "Country")


def post_address(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create an address of an account, or answer the identical one it already has."""
    division = ctx.division
    values = coerce_fields(ls.ADDRESS, read_body(ctx.req.body), skip=DERIVED)
    account = account_row(division, values.get("Account"))
    if values.get("Type") not in TYPES:
        raise bad_request("Type: choose 1 (visit), 2 (postal), 3 (invoice) or 4 (delivery).")
    existing = _same_address(division, values)
    if existing is not None:
        return created(ctx, endpoint, existing)
    row = _new_row(ctx, values, account)
    division.addresses.insert(row)
    return created(ctx, endpoint, row)


def _same_address(division: DivisionData, values: dict) -> dict | None:
    wanted = _comparable(values)
    for key in sorted(division.addresses.lookup("Account", values["Account"]) or ()):
        row = division.addresses.rows[key]
        if row.get("Type") == values["Type"] and _comparable(row) == wanted:
            return row
    return None


def _comparable(row: dict) -> tuple[str, ...]:
    return tuple(str(row.get(name) or "").strip().casefold() for name in SAME_WHEN_EQUAL)


def _new_row(ctx: CallContext, values: dict, account: dict) -> dict:
    division = ctx.division
    address_id = values.pop("ID", None) or new_guid(division.rng)
    if address_id in division.addresses:
        raise bad_request(f"An address with ID {address_id} already exists.")
    country = (values.get("Country") or "").strip().upper()
    first_of_type = not any(
        division.addresses.rows[key].get("Type") == values["Type"]
        for key in division.addresses.lookup("Account", account["ID"]) or ()
    )
    row = {
        "ID": address_id, "Main": first_of_type, **values,
        "AccountName": account["Name"], "AccountIsSupplier": account.get("IsSupplier", False),
        "Country": country.ljust(3) if country else None,
        "CountryName": COUNTRIES.get(country) if country else None,
    }  # fmt: skip
    row.update(division.audit(ctx.now, division.next_timestamp()))
    return row
