"""POST on `crm/Contacts` (fields reference; spec §9.4). `crm/Addresses`: resources/addresses.py.

A contact needs `Account`, `FirstName` and `LastName` (the fields reference's note, from the
Ruby client's mandatory list); Exact fills `FullName` and the account's name.
"""

from __future__ import annotations

from ..data import ledger_schema as ls
from ..data.division import new_guid
from ..http import Response
from ..odata.errors import bad_request
from .context import CallContext
from .endpoints import Endpoint
from .entity import account_row
from .payload import coerce_fields, read_body
from .writes import created

CONTACT_DERIVED = frozenset({"AccountName", "AccountIsCustomer", "AccountIsSupplier",
                             "AccountMainContact", "FullName", "HID"})  # fmt: skip


def post_contact(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create a contact person of an existing account."""
    division = ctx.division
    values = coerce_fields(ls.CONTACT, read_body(ctx.req.body), skip=CONTACT_DERIVED | {"ID"})
    missing = [name for name in ("Account", "FirstName", "LastName") if not values.get(name)]
    if missing:
        raise bad_request(f"Mandatory: {', '.join(missing)}")
    account = account_row(division, values["Account"])
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
