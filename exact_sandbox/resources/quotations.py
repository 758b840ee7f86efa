"""POST and DELETE on `crm/Quotations` (spec §9.1, §9.4): a quotation with its lines.

Exact needs `OrderAccount` and a non-empty `QuotationLines` array ([ruby quotation.rb]);
each line needs an `Item`. The quotation gets the division's next `QuotationNumber`,
`VersionNumber` 1 and the status `CREATED_STATUS` (Open); its amounts are computed from the
lines as a sales order's are (§4.6). A header reference (contact, delivery address,
shipping method, payment condition, warehouse) that the division does not hold is refused.
"""

from __future__ import annotations

from ..data import quotation_schema as qs
from ..data.division import DivisionData, new_guid
from ..data.quotation_tables import (
    CREATED_STATUS,
    ENTITY_QUOTATION_HEADERS,
    ENTITY_QUOTATION_LINES,
    STATUS_DESCRIPTIONS,
)
from ..data.vat_codes import vat_code_row
from ..http import Response
from ..odata.errors import bad_request
from ..odata.values import day_value, local_date
from .context import CallContext
from .endpoints import Endpoint
from .entity import account_row, find_row
from .payload import STREAM_ERROR, coerce_fields, read_body
from .writes import created, no_content

LINES_REQUIRED = "Quotation lines are mandatory: add at least one line in QuotationLines."
# Filled by Exact: posted values are ignored (codes, names, amounts, numbers, statuses).
COMPUTED = frozenset({
    "QuotationNumber", "VersionNumber", "Status", "StatusDescription", "AmountDC", "AmountFC",
    "VATAmountFC", "AmountDiscount", "AmountDiscountExclVat", "OrderAccountCode",
    "OrderAccountName", "OrderAccountContactFullName", "InvoiceAccountCode", "InvoiceAccountName",
    "InvoiceAccountContactFullName", "DeliveryAccountCode", "DeliveryAccountName",
    "DeliveryAccountContactFullName", "PaymentConditionDescription", "ShippingMethodDescription",
    "WarehouseCode", "WarehouseDescription", "QuotationLines", "QuotationOrderChargeLines",
})  # fmt: skip
LINE_COMPUTED = frozenset({
    "ID", "QuotationID", "QuotationNumber", "VersionNumber", "LineNumber", "ItemDescription",
    "AmountDC", "AmountFC", "VATAmountFC", "VATDescription", "VATPercentage", "UnitDescription",
    "Division",
})  # fmt: skip


def post_quotation(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create a quotation with its lines; answers the full quotation."""
    division = ctx.division
    body = read_body(ctx.req.body)
    lines_in = body.get("QuotationLines")
    if lines_in is not None and (
        not isinstance(lines_in, list) or not all(isinstance(line, dict) for line in lines_in)
    ):
        raise bad_request(STREAM_ERROR)  # a single object instead of an array
    values = coerce_fields(qs.QUOTATION, body, skip=COMPUTED)
    account = account_row(division, values.get("OrderAccount"), "OrderAccount")
    if not lines_in:
        raise bad_request(LINES_REQUIRED)
    quotation = _new_quotation(ctx, values, account)
    lines = [_line(ctx, quotation, n, posted) for n, posted in enumerate(lines_in, start=1)]
    excl = round(sum(line["AmountFC"] for line in lines), 2)
    vat = round(sum(line["VATAmountFC"] for line in lines), 2)
    quotation.update(AmountDC=excl, AmountFC=excl, VATAmountFC=vat)
    ts = division.next_timestamp()
    quotation.update(_ts=ts, Timestamp=str(ts), ID=quotation["QuotationID"])
    division.quotations.insert(quotation)
    for line in lines:
        line["_ts"] = division.next_timestamp()
        line["Timestamp"] = str(line["_ts"])
        division.quotation_lines.insert(line)
    division.next_quotation_number += 1
    return created(ctx, endpoint, quotation, always_full=True)


def _new_quotation(ctx: CallContext, values: dict, account: dict) -> dict:
    division = ctx.division
    quotation_id = values.pop("QuotationID", None) or new_guid(division.rng)
    if quotation_id in division.quotations:
        raise bad_request(f"A quotation with QuotationID {quotation_id} already exists.")
    today = day_value(local_date(ctx.now))
    invoice_to = account_row(
        division, values.get("InvoiceAccount") or account["ID"], "InvoiceAccount"
    )
    deliver_to = account_row(
        division, values.get("DeliveryAccount") or account["ID"], "DeliveryAccount"
    )
    quotation = {
        "QuotationID": quotation_id, "QuotationNumber": division.next_quotation_number,
        "VersionNumber": 1, "QuotationDate": today, "Currency": "EUR",
        "Status": CREATED_STATUS, "StatusDescription": STATUS_DESCRIPTIONS[CREATED_STATUS],
        "OrderAccountCode": account["Code"], "OrderAccountName": account["Name"],
        "InvoiceAccount": invoice_to["ID"], "InvoiceAccountCode": invoice_to["Code"],
        "InvoiceAccountName": invoice_to["Name"], "DeliveryAccount": deliver_to["ID"],
        "DeliveryAccountCode": deliver_to["Code"], "DeliveryAccountName": deliver_to["Name"],
        "PaymentCondition": account.get("PaymentConditionSales") or "00",
        "WarehouseID": division.warehouse["ID"], "AmountDiscount": 0.0,
        "AmountDiscountExclVat": 0.0, "Discount": 0.0, "Description": None, "YourRef": None,
        "Remarks": None, **values, **division.audit(ctx.now),
    }  # fmt: skip
    quotation.update(_references(division, quotation))
    return quotation


def _references(division: DivisionData, quotation: dict) -> dict:
    """The names Exact shows beside the header's references; a reference it lacks is a 400."""
    found: dict = {}
    contact = _known(division.contacts, quotation.get("OrderAccountContact"), "OrderAccountContact")
    if contact is not None:
        found["OrderAccountContactFullName"] = contact.get("FullName")
    _known(division.addresses, quotation.get("DeliveryAddress"), "DeliveryAddress")
    method = _known(division.shipping_methods, quotation.get("ShippingMethod"), "ShippingMethod")
    if method is not None:
        found["ShippingMethodDescription"] = method.get("Description")
    warehouse = _warehouse(division, quotation["WarehouseID"])
    found |= {"WarehouseCode": warehouse["Code"], "WarehouseDescription": warehouse["Description"]}
    code = quotation.get("PaymentCondition")
    conditions = division.payment_conditions.lookup("Code", code) or ()
    if code and not conditions and len(division.payment_conditions):
        raise bad_request(f"PaymentCondition: payment condition {code} does not exist.")
    for key in conditions:
        found["PaymentConditionDescription"] = division.payment_conditions.rows[key]["Description"]
    return found


def _known(table, key: object, field: str) -> dict | None:
    if not key:
        return None
    row = table.get(key)
    if row is None:
        raise bad_request(f"{field}: {key} does not exist.")
    return row


def _warehouse(division: DivisionData, key: str) -> dict:
    if key == division.warehouse["ID"]:
        return division.warehouse
    row = _known(division.warehouses, key, "WarehouseID")
    return row or division.warehouse


def _line(ctx: CallContext, quotation: dict, number: int, posted: dict) -> dict:
    division = ctx.division
    values = coerce_fields(qs.QUOTATION_LINE, posted, skip=LINE_COMPUTED)
    if not values.get("Item"):
        raise bad_request(f"Mandatory: Item (line {number})")
    item = division.items.get(values["Item"])
    if item is None:
        raise bad_request(f"Item: item {values['Item']} does not exist (line {number}).")
    quantity = values.get("Quantity")
    quantity = 1.0 if quantity is None else quantity  # UNCONFIRMED: Exact's default quantity
    default_price = item.get("StandardSalesPrice") or 0.0
    unit_price = values.get("UnitPrice")
    unit_price = default_price if unit_price is None else unit_price
    net = values.get("NetPrice")
    if net is None:
        net = round(unit_price * (1 - (values.get("Discount") or 0.0)), 2)
    discount = round((default_price - net) / default_price, 4) if default_price else 0.0
    amount = round(net * quantity, 2)
    vat_code = values.get("VATCode") or item.get("SalesVatCode")
    vat_row = vat_code_row(division, vat_code) or {}
    rate = vat_row.get("Percentage") or 0.0
    return {
        "ID": new_guid(division.rng), "QuotationID": quotation["QuotationID"],
        "QuotationNumber": quotation["QuotationNumber"], "VersionNumber": 1,
        "LineNumber": number, "ItemDescription": item["Description"],
        "Description": item["Description"], "UnitCode": item["Unit"].strip(),
        "UnitDescription": item["UnitDescription"], "Discount": discount, "Optional": False,
        "Division": division.code, **values, "Item": item["ID"], "Quantity": quantity,
        "NetPrice": net, "UnitPrice": unit_price, "AmountFC": amount, "AmountDC": amount,
        "VATCode": vat_code, "VATDescription": vat_row.get("Description"),
        "VATPercentage": rate, "VATAmountFC": round(amount * rate, 2),
        **division.audit(ctx.now),
    }  # fmt: skip


def delete_quotation(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Delete a quotation and its lines; sync/Deleted gets EntityTypes 34 and 35 (§9.3)."""
    division = ctx.division
    quotation = find_row(division.quotations, endpoint, key_text)
    key = quotation["QuotationID"]
    for line in sorted(division.quotation_lines.lookup("QuotationID", key) or ()):
        division.quotation_lines.delete(line)
        division.record_deletion(line, ENTITY_QUOTATION_LINES, ctx.now)
    division.quotations.delete(key)
    division.record_deletion(key, ENTITY_QUOTATION_HEADERS, ctx.now)
    return no_content()
