"""Seeded sales orders: who ordered what, when, at which price (spec §4.6, §9).

Each customer buys mostly from a short list of favourite items (so a reorder list means
something), about `lines_per_customer` lines over the history, 1–5 lines an order.
Rows come out in the shape `salesorder/SalesOrders`/`SalesOrderLines` and their bulk and
sync variants read (the status fields are set later by the history seeder).
"""

from __future__ import annotations

import random

from ..odata.values import day_value, local_date
from .division import DivisionData, new_guid
from .seed_crm import main_delivery_address

DAY = 86_400.0
FAVOURITES = 8
RECENT = 14 * DAY


def order_plan(
    division: DivisionData, rng: random.Random, now: float, months: int, lines_per_customer: int
) -> list[tuple[float, dict, list]]:
    """(order time, account, [(item, quantity), ...]) for every seeded order, oldest first."""
    items = [row for row in division.items if row.get("IsSalesItem")]
    if not items:
        return []
    rand, span = rng.random, months * 30.4 * DAY
    plan = []
    for account in division.accounts:
        favourites = [items[int(rand() * len(items))] for _ in range(FAVOURITES)]
        lines_left = int(lines_per_customer * (0.4 + 1.2 * rand()) + 0.5)
        while lines_left > 0:
            count = min(lines_left, 1 + int(rand() * 5))
            lines_left -= count
            chosen = [
                favourites[int(rand() * FAVOURITES)]
                if rand() < 0.8
                else items[int(rand() * len(items))]
                for _ in range(count)
            ]
            lines = [(item, float(1 + int(rand() * 24))) for item in chosen]
            # One order in ten is from the last two weeks: some are still open or partial.
            ago = rand() * (RECENT if rand() < 0.1 else span)
            plan.append((now - 3600.0 - ago, account, lines))
    plan.sort(key=lambda entry: entry[0])
    return plan


class OrderRows:
    """Builds seeded order headers and lines with the division's reference data."""

    def __init__(self, division: DivisionData, rng: random.Random) -> None:
        self.division, self.rng = division, rng
        self.warehouses = list(division.warehouses)
        self.methods = list(division.shipping_methods)
        self.conditions = {row["Code"]: row["Description"] for row in division.payment_conditions}
        self.vat = {row["Code"]: (row["Description"], row["Percentage"])
                    for row in division.vat_codes}  # fmt: skip
        self.contacts = division.contacts.rows

    def header(self, when: float, account: dict) -> dict:
        rand, division = self.rng.random, self.division
        warehouse = self.warehouses[0] if rand() < 0.8 else self.rng.choice(self.warehouses)
        method = self.methods[int(rand() * len(self.methods))]
        contact = self.contacts.get(account.get("MainContact") or "") or {}
        address = main_delivery_address(division, account["ID"]) or {}
        day, number = day_value(local_date(when)), division.next_order_number
        division.next_order_number += 1
        order_id, condition = new_guid(self.rng), account.get("PaymentConditionSales") or "30"
        person = {"ID": contact.get("ID"), "Name": contact.get("FullName")}
        return {
            "OrderID": order_id, "ID": order_id, "OrderNumber": number, "OrderDate": day,
            "DeliveryDate": day_value(local_date(when + 2 * DAY)), "OrderedBy": account["ID"],
            "OrderedByName": account["Name"], "DeliverTo": account["ID"],
            "DeliverToName": account["Name"], "InvoiceTo": account["ID"],
            "InvoiceToName": account["Name"],
            "OrderedByContactPerson": person["ID"],
            "OrderedByContactPersonFullName": person["Name"],
            "DeliverToContactPerson": person["ID"],
            "DeliverToContactPersonFullName": person["Name"],
            "InvoiceToContactPerson": person["ID"],
            "InvoiceToContactPersonFullName": person["Name"],
            "DeliveryAddress": address.get("ID"), "Currency": "EUR", "Discount": 0.0,
            "AmountDiscount": 0.0, "AmountDiscountExclVat": 0.0, "ApprovalStatus": 1,
            "ApprovalStatusDescription": "Automatically", "PaymentCondition": condition,
            "PaymentConditionDescription": self.conditions.get(condition),
            "ShippingMethod": method["ID"], "ShippingMethodCode": method["Code"],
            "ShippingMethodDescription": method["Description"],
            "WarehouseID": warehouse["ID"], "WarehouseCode": warehouse["Code"],
            "WarehouseDescription": warehouse["Description"],
            "Salesperson": account.get("AccountManager"),
            "SalespersonFullName": account.get("AccountManagerFullName"),
            "YourRef": f"PO-{int(rand() * 90000) + 10000}" if rand() < 0.5 else None,
            "Description": None, "Remarks": None, **division.audit(when),
        }  # fmt: skip

    def line(self, order: dict, number: int, item: dict, quantity: float, discount: float):
        unit_price = item.get("StandardSalesPrice") or 0.0
        net = round(unit_price * (1 - discount), 2)
        amount = round(net * quantity, 2)
        vat_code = item.get("SalesVatCode")
        vat_text, rate = self.vat.get(vat_code, (None, 0.0))
        return {
            "ID": new_guid(self.rng), "OrderID": order["OrderID"],
            "OrderNumber": order["OrderNumber"], "LineNumber": number, "Item": item["ID"],
            "ItemCode": item["Code"], "ItemDescription": item["Description"],
            "Description": item["Description"], "Quantity": quantity,
            "UnitCode": (item.get("Unit") or "").strip(),
            "UnitDescription": item.get("UnitDescription"), "UnitPrice": unit_price,
            "NetPrice": net, "Discount": discount, "AmountFC": amount, "AmountDC": amount,
            "VATCode": vat_code, "VATCodeDescription": vat_text, "VATPercentage": rate,
            "VATAmount": round(amount * rate, 2), "CostPriceFC": item.get("CostPriceStandard"),
            "DeliveryDate": order["DeliveryDate"], "QuantityDelivered": 0.0,
            "QuantityInvoiced": 0.0, "Division": order["Division"], "Created": order["Created"],
            "Creator": order["Creator"], "CreatorFullName": order["CreatorFullName"],
            "Modified": order["Modified"], "Modifier": order["Modifier"],
            "ModifierFullName": order["ModifierFullName"],
        }  # fmt: skip
