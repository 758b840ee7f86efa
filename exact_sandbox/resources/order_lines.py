"""Sales order lines from a POST body: item lookups, prices and amounts (spec §4.6)."""

from __future__ import annotations

from ..data import schema as s
from ..data.division import new_guid
from ..data.vat_codes import vat_code_row
from ..odata.errors import bad_request
from .context import CallContext
from .payload import coerce_fields

COMPUTED = frozenset({"ID", "OrderID", "OrderNumber", "LineNumber", "ItemCode", "ItemDescription",
                      "AmountDC", "AmountFC", "VATAmount", "VATPercentage", "OrderStatus",
                      "QuantityDelivered", "QuantityInvoiced", "UnitDescription",
                      "VATCodeDescription", "Division"})  # fmt: skip


def build_lines(ctx: CallContext, order: dict, posted: list[dict]) -> list[dict]:
    """Stored line rows for an order; each posted line needs an existing Item and a Quantity."""
    return [build_line(ctx, order, number, values) for number, values in enumerate(posted, start=1)]


def build_line(ctx: CallContext, order: dict, number: int, posted: dict) -> dict:
    """One stored line row, number `number` of `order`, from its posted fields."""
    division = ctx.division
    values = coerce_fields(s.SALES_ORDER_LINE, posted, skip=COMPUTED)
    item = division.items.get(values.get("Item") or "")
    if not values.get("Item"):
        raise bad_request(f"Mandatory: Item (line {number})")
    if item is None:
        raise bad_request(f"Item: item {values['Item']} does not exist (line {number}).")
    if values.get("Quantity") is None:
        raise bad_request(f"Mandatory: Quantity (line {number})")
    default_price = item.get("StandardSalesPrice") or 0.0
    unit_price = values.get("UnitPrice")
    if unit_price is None:
        unit_price = default_price
    net = values.get("NetPrice")
    if net is None:
        net = round(unit_price * (1 - (values.get("Discount") or 0.0)), 2)
    discount = round((default_price - net) / default_price, 4) if default_price else 0.0
    amount = round(net * values["Quantity"], 2)
    vat_code = values.get("VATCode") or item.get("SalesVatCode")
    vat_row = vat_code_row(division, vat_code) or {}
    description, rate = vat_row.get("Description"), vat_row.get("Percentage") or 0.0
    line = {
        "ID": new_guid(division.rng), "OrderID": order["OrderID"],
        "OrderNumber": order["OrderNumber"], "LineNumber": number, "Item": item["ID"],
        "ItemCode": item["Code"], "ItemDescription": item["Description"],
        "Description": item["Description"], "UnitCode": item["Unit"].strip(),
        "UnitDescription": item["UnitDescription"], "DeliveryDate": order["DeliveryDate"],
        "Discount": discount, "OrderStatus": 12, "DeliveryStatus": 12, "InvoiceStatus": 12,
        "QuantityDelivered": 0.0, "QuantityInvoiced": 0.0, "CostPriceFC": item.get(
            "CostPriceStandard"), "VATCodeDescription": description, "VATPercentage": rate,
        "Division": division.code, **values, "NetPrice": net, "UnitPrice": unit_price,
        "AmountFC": amount, "AmountDC": amount, "VATCode": vat_code,
        "VATAmount": round(amount * rate, 2),
    }  # fmt: skip
    return line
