"""Rows of the documents an order goes through: goods deliveries, invoices, receivables.

Shared by the history seeder and the control plane, so seeded and live documents look
alike. Builders take the moment (`when`, epoch seconds) and return rows without a
Timestamp; the caller gives rowversions. Amounts: an invoice's `AmountFCExclVat` is the sum
of its lines, `AmountFC`/`AmountDC` include VAT; its receivable is the amount including VAT.
"""

from __future__ import annotations

from ..odata.values import day_value, local_date
from .division import DivisionData, new_guid
from .reference_lists import PAYMENT_DAYS

DAY = 86_400.0
JOURNAL, JOURNAL_TEXT = "70", "Verkoopboek"
INVOICE_TYPE, INVOICE_TYPE_TEXT = 8020, "Verkoopfactuur"
INVOICE_PROCESSED, INVOICE_PROCESSED_TEXT = 50, "Verwerkt"
RECEIVABLE_OPEN, RECEIVABLE_MATCHED = 20, 50
LINE_TYPE_RECEIPT, LINE_TYPE_PAYMENT = 20, 22  # sync/Cashflow/PaymentTerms (spec §9.2)


def day_of(when: float) -> str:
    return day_value(local_date(when))


def stamped(division: DivisionData, when: float) -> dict:
    """Created/Modified (and who) for a row written at `when`."""
    return division.audit(when)


def next_number(division: DivisionData, kind: str) -> int:
    """The next number of a per-division sequence (delivery, invoice, entry, term)."""
    value = division.ledger_numbers[kind]
    division.ledger_numbers[kind] = value + 1
    return value


def delivery_rows(
    division: DivisionData,
    order: dict,
    shipped: list[tuple[dict, float]],
    *,
    when: float,
    tracking: str | None,
    rng=None,
) -> tuple[dict, list[dict]]:
    """A goods delivery of `shipped` (order line, quantity) for `order`."""
    rng = rng or division.rng
    entry_id, day = new_guid(rng), day_of(when)
    header = {
        "EntryID": entry_id, "EntryNumber": next_number(division, "entry"),
        "DeliveryNumber": next_number(division, "delivery"), "DeliveryDate": day,
        "DeliveryAccount": order["DeliverTo"], "DeliveryAccountName": order["DeliverToName"],
        "DeliveryAccountCode": (division.accounts.get(order["DeliverTo"]) or {}).get("Code"),
        "DeliveryAddress": order.get("DeliveryAddress"),
        "DeliveryContact": order.get("DeliverToContactPerson"),
        "DeliveryContactPersonFullName": order.get("DeliverToContactPersonFullName"),
        "Description": f"Levering order {order['OrderNumber']}", "Remarks": None,
        "ShippingMethod": order.get("ShippingMethod"),
        "ShippingMethodCode": order.get("ShippingMethodCode"),
        "ShippingMethodDescription": order.get("ShippingMethodDescription"),
        "TrackingNumber": tracking, "Warehouse": order["WarehouseID"],
        "WarehouseCode": order["WarehouseCode"],
        "WarehouseDescription": order["WarehouseDescription"], **stamped(division, when),
    }  # fmt: skip
    lines = []
    for number, (line, quantity) in enumerate(shipped, start=1):
        lines.append(
            {
                "ID": new_guid(rng),
                "EntryID": entry_id,
                "LineNumber": number,
                "Item": line["Item"],
                "ItemCode": line["ItemCode"],
                "ItemDescription": line["ItemDescription"],
                "Description": line["Description"],
                "QuantityOrdered": line["Quantity"],
                "QuantityDelivered": quantity,
                "SalesOrderLineID": line["ID"],
                "SalesOrderLineNumber": line["LineNumber"],
                "SalesOrderNumber": line["OrderNumber"],
                "DeliveryDate": day,
                "TrackingNumber": tracking,
                "Unitcode": line["UnitCode"],
                "Notes": None,
                **stamped(division, when),
            }
        )
    return header, lines


def invoice_rows(
    division: DivisionData, order: dict, billed: list[tuple[dict, float]], *, when: float, rng=None
) -> tuple[dict, list[dict]]:
    """A processed sales invoice of `billed` (order line, quantity) for `order`."""
    rng = rng or division.rng
    invoice_id, day = new_guid(rng), day_of(when)
    lines, total, vat = [], 0.0, 0.0
    for number, (line, quantity) in enumerate(billed, start=1):
        amount = round(line["NetPrice"] * quantity, 2)
        line_vat = round(amount * (line.get("VATPercentage") or 0.0), 2)
        total, vat = total + amount, vat + line_vat
        lines.append(
            {
                "ID": new_guid(rng),
                "InvoiceID": invoice_id,
                "LineNumber": number,
                "Item": line["Item"],
                "ItemCode": line["ItemCode"],
                "ItemDescription": line["ItemDescription"],
                "Description": line["Description"],
                "Quantity": quantity,
                "UnitCode": line["UnitCode"],
                "UnitDescription": line.get("UnitDescription"),
                "UnitPrice": line["UnitPrice"],
                "NetPrice": line["NetPrice"],
                "Discount": line["Discount"],
                "AmountFC": amount,
                "AmountDC": amount,
                "VATCode": line["VATCode"],
                "VATCodeDescription": line.get("VATCodeDescription"),
                "VATPercentage": line.get("VATPercentage"),
                "VATAmountFC": line_vat,
                "VATAmountDC": line_vat,
                "SalesOrder": order["OrderID"],
                "SalesOrderLine": line["ID"],
                "SalesOrderNumber": order["OrderNumber"],
                "SalesOrderLineNumber": line["LineNumber"],
                "DeliveryDate": line.get("DeliveryDate"),
                "Division": division.code,
            }
        )
    total, vat = round(total, 2), round(vat, 2)
    days = PAYMENT_DAYS.get(order.get("PaymentCondition") or "", 30)
    number = next_number(division, "invoice")
    header = {
        "InvoiceID": invoice_id, "ID": invoice_id, "LineNumber": 0, "InvoiceNumber": number,
        "InvoiceDate": day, "DueDate": day_of(when + days * DAY), "OrderDate": order["OrderDate"],
        "OrderNumber": order["OrderNumber"], "OrderedBy": order["OrderedBy"],
        "OrderedByName": order["OrderedByName"], "InvoiceTo": order["InvoiceTo"],
        "InvoiceToName": order["InvoiceToName"], "DeliverTo": order["DeliverTo"],
        "DeliverToName": order["DeliverToName"], "DeliverToAddress": order.get("DeliveryAddress"),
        "OrderedByContactPerson": order.get("OrderedByContactPerson"),
        "OrderedByContactPersonFullName": order.get("OrderedByContactPersonFullName"),
        "Currency": "EUR", "AmountFCExclVat": total, "VATAmountFC": vat, "VATAmountDC": vat,
        "AmountFC": round(total + vat, 2), "AmountDC": round(total + vat, 2),
        "AmountDiscount": 0.0, "AmountDiscountExclVat": 0.0, "Discount": 0.0, "DiscountType": 1,
        "Journal": JOURNAL, "JournalDescription": JOURNAL_TEXT,
        "PaymentCondition": order.get("PaymentCondition"),
        "PaymentConditionDescription": order.get("PaymentConditionDescription"),
        "PaymentReference": f"{number:010d}", "Status": INVOICE_PROCESSED,
        "StatusDescription": INVOICE_PROCESSED_TEXT, "Type": INVOICE_TYPE,
        "TypeDescription": INVOICE_TYPE_TEXT, "YourRef": order.get("YourRef"),
        "Description": f"Factuur order {order['OrderNumber']}", "IsExtraDuty": False,
        "ShippingMethod": order.get("ShippingMethod"),
        "ShippingMethodCode": order.get("ShippingMethodCode"),
        "ShippingMethodDescription": order.get("ShippingMethodDescription"),
        "Salesperson": order.get("Salesperson"), **stamped(division, when),
    }  # fmt: skip
    return header, lines


def receivable_row(
    division: DivisionData,
    invoice: dict,
    account: dict,
    *,
    amount: float,
    entry_id: str | None = None,
    rng=None,
) -> dict:
    """An open customer payment term of `amount` for `invoice` (spec §9.4)."""
    rng = rng or division.rng
    invoice_day = invoice["InvoiceDate"]
    return {
        "ID": new_guid(rng), "EntryID": entry_id or invoice["InvoiceID"],
        "EntryNumber": invoice["InvoiceNumber"], "_hid": next_number(division, "term"),
        "LineType": LINE_TYPE_RECEIPT, "Account": account["ID"], "AccountCode": account["Code"],
        "AccountName": account["Name"], "AccountCountry": account.get("Country"),
        "AccountContact": account.get("MainContact"), "AmountDC": amount, "AmountFC": amount,
        "AmountDiscountDC": 0.0, "AmountDiscountFC": 0.0, "Currency": "EUR", "RateFC": 1.0,
        "Description": invoice["Description"], "DueDate": invoice["DueDate"],
        "TransactionDueDate": invoice["DueDate"], "InvoiceDate": invoice_day,
        "EntryDate": invoice_day, "InvoiceNumber": invoice["InvoiceNumber"],
        "OrderNumber": invoice.get("OrderNumber"), "Journal": JOURNAL,
        "JournalDescription": JOURNAL_TEXT, "PaymentCondition": invoice.get("PaymentCondition"),
        "PaymentConditionDescription": invoice.get("PaymentConditionDescription"),
        "PaymentDays": PAYMENT_DAYS.get(invoice.get("PaymentCondition") or "", 30),
        "PaymentMethod": "B", "PaymentReference": invoice.get("PaymentReference"),
        "Status": RECEIVABLE_OPEN, "IsFullyPaid": False, "LastPaymentDate": None,
        "TransactionAmountDC": invoice["AmountDC"], "TransactionAmountFC": invoice["AmountFC"],
        "TransactionEntryID": invoice["InvoiceID"], "TransactionID": new_guid(rng),
        "TransactionIsReversal": False, "TransactionType": 20, "TransactionStatus": 20,
        "GLAccountCode": "1300", "GLAccountDescription": "Debiteuren", "IsBatchBooking": 0,
        "Source": 1, "YourRef": invoice.get("YourRef"), "Division": division.code,
        "Created": invoice["Created"], "Creator": invoice["Creator"],
        "CreatorFullName": invoice["CreatorFullName"], "Modified": invoice["Modified"],
        "Modifier": invoice["Modifier"], "ModifierFullName": invoice["ModifierFullName"],
    }  # fmt: skip


def paid_fields(when: float) -> dict:
    """What paying a payment term in full changes on it."""
    return {"Status": RECEIVABLE_MATCHED, "IsFullyPaid": True, "LastPaymentDate": day_of(when)}
