"""The header of a posted sales order: what Exact checks, defaults and fills (spec §4.6, §9.4).

- `DeliveryAddress` must be a delivery address (Type 4) of the `DeliverTo` account;
  without one, the account's main delivery address.
- `OrderedByContactPerson`, `DeliverToContactPerson`, `InvoiceToContactPerson` must be
  contacts of their account; the first defaults to the `OrderedBy` account's main contact.
- `ShippingMethod` must be an existing, active method (default: the account's); its
  description is filled.
- `PaymentCondition` must be an existing code (default: the account's
  `PaymentConditionSales`, set where the order is built); its description is filled.
- `WarehouseID` must be an existing warehouse; code and description are filled. Exact's
  smallest editions have one warehouse and refuse any other (`single_warehouse`, set per
  division on the control plane: `POST /_sandbox/edition`).
- `Discount` is a fraction between 0 and 1 of the lines' total; `AmountDiscount` is that
  share and the order's amounts are what remains. How Exact spreads a header discount over
  the lines is UNCONFIRMED; the sandbox only keeps the header's figures consistent.

A wrong posted value is refused with a 400 in Exact's error shape naming the property;
a default taken from the account is never a reason to refuse the order.
"""

from __future__ import annotations

from ..data.division import DivisionData
from ..data.seed_crm import DELIVERY, main_delivery_address
from ..odata.errors import bad_request

CONTACT_FIELDS = (
    ("OrderedByContactPerson", "OrderedBy"),
    ("DeliverToContactPerson", "DeliverTo"),
    ("InvoiceToContactPerson", "InvoiceTo"),
)
SINGLE_WAREHOUSE = (
    "WarehouseID: this edition of Exact Online has one warehouse (multiple warehouses are "
    "not part of it); leave WarehouseID out or use the main warehouse."
)


def header_fields(division: DivisionData, order: dict, posted: dict) -> dict:
    """The checked, defaulted and filled header fields of `order` (the order being built,
    `posted` values merged in); raises a 400 for a posted value Exact refuses."""
    _check_posted(division, order, posted)
    fields: dict = {}
    fields.update(_delivery_address(division, order))
    for field, account_field in CONTACT_FIELDS:
        fields.update(_contact(division, order, field, account_field))
    fields.update(_shipping_method(division, order))
    fields.update(_payment_condition(division, order))
    fields.update(_warehouse(division, order))
    return fields


def _check_posted(division: DivisionData, order: dict, posted: dict) -> None:
    if posted.get("DeliveryAddress"):
        _check_delivery_address(division, order)
    for field, account_field in CONTACT_FIELDS:
        if posted.get(field):
            _check_contact(division, order, field, account_field)
    if posted.get("ShippingMethod"):
        _check_shipping_method(division, posted["ShippingMethod"])
    if posted.get("PaymentCondition"):
        _check_payment_condition(division, posted["PaymentCondition"])
    if posted.get("WarehouseID"):
        _check_warehouse(division, posted["WarehouseID"])
    _check_discount(posted.get("Discount"))


def order_amounts(order: dict, lines_total: float) -> dict:
    """The order's amounts after its header `Discount` (a fraction of the lines' total)."""
    discount = round(lines_total * float(order.get("Discount") or 0.0), 2)
    net = round(lines_total - discount, 2)
    return {"AmountDiscount": discount, "AmountDiscountExclVat": discount,
            "AmountDC": net, "AmountFC": net, "AmountFCExclVat": net}  # fmt: skip


def _check_delivery_address(division: DivisionData, order: dict) -> None:
    address_id = order["DeliveryAddress"]
    row = division.addresses.get(address_id)
    if row is None or row.get("Type") != DELIVERY or row.get("Account") != order["DeliverTo"]:
        raise bad_request(
            f"DeliveryAddress: address {address_id} is not a delivery address of "
            f"{order.get('DeliverToName') or order['DeliverTo']}."
        )


def _check_contact(division: DivisionData, order: dict, field: str, account_field: str) -> None:
    contact = division.contacts.get(order[field])
    if contact is None or contact.get("Account") != order[account_field]:
        name = order.get(f"{account_field}Name") or order[account_field]
        raise bad_request(f"{field}: contact {order[field]} is not a contact person of {name}.")


def _check_shipping_method(division: DivisionData, method_id: str) -> None:
    method = division.shipping_methods.get(method_id)
    if method is None or not method.get("Active", True):
        raise bad_request(f"ShippingMethod: shipping method {method_id} does not exist.")


def _check_payment_condition(division: DivisionData, code: str) -> None:
    if not division.payment_conditions.lookup("Code", code):
        raise bad_request(f"PaymentCondition: payment condition {code} does not exist.")


def _check_warehouse(division: DivisionData, warehouse_id: str) -> None:
    if warehouse_id == division.warehouse["ID"]:
        return
    if warehouse_id not in division.warehouses:
        raise bad_request(f"WarehouseID: warehouse {warehouse_id} does not exist.")
    if single_warehouse(division):
        raise bad_request(SINGLE_WAREHOUSE)


def _check_discount(discount: float | None) -> None:
    if discount is not None and not 0.0 <= discount <= 1.0:
        raise bad_request(f"Discount: {discount} is not between 0 and 1 (a fraction: 0.05 is 5%).")


def _delivery_address(division: DivisionData, order: dict) -> dict:
    if order.get("DeliveryAddress"):
        return {}
    main = main_delivery_address(division, order["DeliverTo"])
    return {"DeliveryAddress": main["ID"] if main else None}


def _contact(division: DivisionData, order: dict, field: str, account_field: str) -> dict:
    contact_id = order.get(field)
    if not contact_id and field == "OrderedByContactPerson":
        contact_id = (division.accounts.get(order["OrderedBy"]) or {}).get("MainContact")
    contact = division.contacts.get(contact_id) if contact_id else None
    if contact is None:
        return {field: None, f"{field}FullName": None}
    return {field: contact_id, f"{field}FullName": contact.get("FullName")}


def _shipping_method(division: DivisionData, order: dict) -> dict:
    method_id = order.get("ShippingMethod")
    if not method_id:
        method_id = (division.accounts.get(order["OrderedBy"]) or {}).get("ShippingMethod")
    method = division.shipping_methods.get(method_id) if method_id else None
    if method is None:
        return {"ShippingMethod": None, "ShippingMethodDescription": None}
    return {"ShippingMethod": method_id, "ShippingMethodCode": method.get("Code"),
            "ShippingMethodDescription": method.get("Description")}  # fmt: skip


def _payment_condition(division: DivisionData, order: dict) -> dict:
    found = division.payment_conditions.lookup("Code", order.get("PaymentCondition")) or set()
    condition = division.payment_conditions.rows[min(found)] if found else {}
    return {"PaymentConditionDescription": condition.get("Description")}


def _warehouse(division: DivisionData, order: dict) -> dict:
    warehouse_id = order.get("WarehouseID") or division.warehouse["ID"]
    row = division.warehouses.get(warehouse_id) or division.warehouse
    return {"WarehouseID": warehouse_id, "WarehouseCode": row["Code"],
            "WarehouseDescription": row["Description"]}  # fmt: skip


def single_warehouse(division: DivisionData) -> bool:
    """Whether the division's edition has one warehouse. State files written before the
    edition setting existed hold divisions without it: those have several."""
    return getattr(division, "single_warehouse", False)
