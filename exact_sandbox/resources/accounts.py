"""POST/PUT/DELETE on `crm/Accounts` (spec §4.4)."""

from __future__ import annotations

from ..data import schema as s
from ..data.division import DivisionData, new_guid
from ..data.seed_accounts import account_code
from ..http import Response
from ..odata.errors import bad_request
from .context import CallContext
from .endpoints import Endpoint
from .entity import find_row
from .payload import coerce_fields, read_body
from .writes import created, no_content

COUNTRIES = {"NL": "Nederland", "BE": "België", "DE": "Duitsland", "FR": "Frankrijk",
             "GB": "Verenigd Koninkrijk", "US": "Verenigde Staten", "LU": "Luxemburg"}  # fmt: skip
STATUSES = frozenset({"A", "S", "P", "C"})
DERIVED = frozenset({"CountryName", "LanguageDescription", "PaymentConditionSalesDescription"})
DEFAULTS = {
    "Status": "C", "Blocked": False, "IsSales": True, "IsSupplier": False, "IsReseller": False,
    "IsPurchase": False, "IsAccountant": 0, "IsAgency": 0, "IsAnonymised": 0, "IsCompetitor": 0,
    "IsMailing": 0, "IsBank": False, "IsMember": False, "IsPilot": False, "Type": "A",
    "Language": "NL", "Country": "NL", "DiscountSales": 0.0, "PriceList": None,
    "SalesCurrency": "EUR", "SalesCurrencyDescription": "Euro",
}  # fmt: skip


def post_account(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create an account; without Code it gets the highest numeric code + 1 (spec §4.4)."""
    division = ctx.division
    values = coerce_fields(s.ACCOUNT, read_body(ctx.req.body), skip=DERIVED)
    if not values.get("Name"):
        raise bad_request("Mandatory: Name")
    _check_status(values.get("Status"))
    code = account_code_of(values.get("Code")) or account_code(_highest_code(division) + 1)
    _check_code(division, code, None)
    account_id = values.pop("ID", None) or new_guid(division.rng)
    if account_id in division.accounts:
        raise bad_request(f"An account with ID {account_id} already exists.")
    row = {"ID": account_id, **DEFAULTS, **values, "Code": code}
    _derive(division, row)
    row.update(division.audit(ctx.now, division.next_timestamp()))
    division.accounts.insert(row)
    return created(ctx, endpoint, row)


def put_account(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Update the posted fields; the account gets a new Timestamp and Modified."""
    division = ctx.division
    row = find_row(division.accounts, endpoint, key_text)
    values = coerce_fields(s.ACCOUNT, read_body(ctx.req.body), skip=DERIVED | {"ID"})
    if "Name" in values and not values["Name"]:
        raise bad_request("Mandatory: Name")
    if "Status" in values:
        _check_status(values["Status"])
    if "Code" in values:
        values["Code"] = account_code_of(values["Code"])
        if not values["Code"]:
            raise bad_request("Mandatory: Code")
        _check_code(division, values["Code"], row["ID"])
    merged = {**row, **values}
    _derive(division, merged)
    changes = {name: merged[name] for name in merged if row.get(name) != merged[name]}
    division.touch(division.accounts, row["ID"], changes, ctx.now)
    return no_content()


def delete_account(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Delete: appears in sync/Deleted as EntityType 2."""
    row = find_row(ctx.division.accounts, endpoint, key_text)
    ctx.division.delete_account(row["ID"], ctx.now)
    return no_content()


def account_code_of(code: str | None) -> str | None:
    """Posted codes are stored right-aligned in 18 characters, as Exact does."""
    return code.strip().rjust(18) if code and code.strip() else None


def _highest_code(division: DivisionData) -> int:
    codes = (row["Code"].strip() for row in division.accounts.rows.values())
    return max((int(code) for code in codes if code.isdigit()), default=0)


def _check_code(division: DivisionData, code: str, own_id: str | None) -> None:
    if (division.accounts.lookup("Code", code) or set()) - {own_id}:
        raise bad_request(f"Account code already exists: {code.strip()}")


def _check_status(status: str | None) -> None:
    # A relationship type: A none, S suspect, P prospect, C customer (spec §4.4).
    if status is not None and status not in STATUSES:
        raise bad_request(f"Invalid value for Status: {status}. Allowed: A, S, P, C.")


def _derive(division: DivisionData, row: dict) -> None:
    country = (row.get("Country") or "").strip().upper()
    row["Country"] = country.ljust(3) if country else None
    row["CountryName"] = COUNTRIES.get(country) if country else None
    language = (row.get("Language") or "").strip().upper()
    row["Language"] = language.ljust(10) if language else None
    row["LanguageDescription"] = {"NL": "Nederlands", "EN": "Engels"}.get(language)
    if row.get("PriceList") and row["PriceList"] not in division.price_lists:
        raise bad_request(f"Price list does not exist: {row['PriceList']}")
