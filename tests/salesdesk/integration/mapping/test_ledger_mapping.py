"""Stock, history and CRM rows (as exact_client yields them) -> the domain's row keys, and
every `$select` of these feeds held to the field reference of the variant it is sent to."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from exact_sandbox.schema import reference
from salesdesk.integration.mapping import crm, invoices, records, sales_orders, stock
from salesdesk.integration.mapping.deletions import deleted_entity

GUID = "61facaed-0389-4183-bf67-ac1c179e1050"
OTHER = "61facaed-0389-4183-bf67-ac1c179e1051"
# Amsterdam midnight of 2 March 2026 (spec §3.4).
MARCH_2 = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        (stock.WAREHOUSE_FIELDS, "inventory/Warehouses"),
        (stock.STOCK_POSITION_FIELDS, "sync/Inventory/StockPositions"),
        (sales_orders.SALES_ORDER_HEADER_FIELDS, "sync/SalesOrder/SalesOrderHeaders"),
        (sales_orders.SALES_ORDER_LINE_FIELDS, "sync/SalesOrder/SalesOrderLines"),
        (sales_orders.GOODS_DELIVERY_FIELDS, "sync/SalesOrder/GoodsDeliveries"),
        (sales_orders.GOODS_DELIVERY_LINE_FIELDS, "sync/SalesOrder/GoodsDeliveryLines"),
        (invoices.SALES_INVOICE_FEED_FIELDS, "sync/SalesInvoice/SalesInvoices"),
        (invoices.RECEIVABLES_LIST_FIELDS, "read/financial/ReceivablesList"),
        (crm.ADDRESS_FIELDS, "sync/CRM/Addresses"),
        (crm.CONTACT_FIELDS, "sync/CRM/Contacts"),
        (records.ACCOUNT_FIELDS, "sync/CRM/Accounts"),
        (records.ACCOUNT_FIELDS, "crm/Accounts"),
    ],
)
def test_every_selected_property_exists_on_that_variant(fields, path):
    properties = reference.properties(path)
    assert [name for name in fields if name not in properties] == []
    assert len(set(fields)) == len(fields)


def test_stock_position_quantities_and_padded_codes():
    row = {
        "ID": GUID, "ItemId": OTHER, "Warehouse": None, "WarehouseCode": "1  ",
        "CurrentStock": 12.5, "FreeStock": "7", "ReservedStock": None, "PlanningIn": 3.0,
        "PlanningOut": 1.25, "ProjectedStock": 14.25, "UnitCode": "pc ", "Timestamp": 99,
    }  # fmt: skip
    mapped = stock.stock_position_from_exact(row)
    assert mapped["item_exact_id"] == uuid.UUID(OTHER) and mapped["warehouse_exact_id"] is None
    assert (mapped["current"], mapped["free"], mapped["reserved"]) == (
        Decimal("12.5"), Decimal(7), Decimal(0)
    )  # fmt: skip
    assert (mapped["warehouse_code"], mapped["unit"], mapped["exact_timestamp"]) == ("1", "pc", 99)
    assert stock.warehouse_from_exact({"ID": GUID, "Code": "2", "Main": 1})["main"] is True


def test_order_header_links_by_order_id_and_keeps_status_codes():
    row = {"ID": GUID, "OrderID": OTHER, "OrderNumber": 42, "OrderDate": MARCH_2,
           "Status": 20, "DeliveryStatus": 21, "InvoiceStatus": None, "YourRef": " SD-7 ",
           "AmountFC": 121.0, "AmountFCExclVat": 100.0, "Timestamp": 5}  # fmt: skip
    mapped = sales_orders.sales_order_from_exact(row)
    assert mapped["exact_id"] == uuid.UUID(GUID)
    assert mapped["order_exact_id"] == uuid.UUID(OTHER)
    assert (mapped["status"], mapped["delivery_status"], mapped["invoice_status"]) == (20, 21, None)
    assert mapped["order_date"] == date(2026, 3, 2) and mapped["your_ref"] == "SD-7"
    assert (mapped["amount_excl_vat"], mapped["amount_incl_vat"]) == (Decimal(100), Decimal(121))


def test_delivery_lines_point_at_their_order_line_and_delivery():
    line = sales_orders.goods_delivery_line_from_exact(
        {"ID": GUID, "EntryID": OTHER, "SalesOrderLineID": GUID, "QuantityDelivered": 2.0,
         "TrackingNumber": "3S1", "SalesOrderNumber": "7"}
    )  # fmt: skip
    assert (line["delivery_exact_id"], line["order_line_exact_id"]) == (
        uuid.UUID(OTHER), uuid.UUID(GUID)
    )  # fmt: skip
    assert (line["order_number"], line["quantity_delivered"]) == (7, Decimal(2))
    delivery = sales_orders.goods_delivery_from_exact(
        {"EntryID": OTHER, "ShippingMethodDescription": None, "ShippingMethodCode": "PNL"}
    )
    assert delivery["exact_id"] == uuid.UUID(OTHER) and delivery["shipping_method"] == "PNL"


def test_the_invoice_feed_splits_into_invoices_and_lines():
    header = {"ID": GUID, "InvoiceID": GUID, "LineNumber": 0, "InvoiceNumber": 26000001,
              "Type": 8020, "Status": 50, "AmountFC": 121.0, "AmountFCExclVat": 100.0}  # fmt: skip
    line = {"ID": OTHER, "InvoiceID": GUID, "LineNumber": 1, "Quantity": 3.0, "NetPrice": 10.0,
            "AmountFCExclVat": 30.0, "AmountFC": 36.3, "SalesOrder": GUID}  # fmt: skip
    assert invoices.is_invoice_header(header) and not invoices.is_invoice_header(line)
    assert invoices.sales_invoice_from_exact(header)["number"] == 26000001
    mapped = invoices.sales_invoice_line_from_exact(line)
    assert mapped["invoice_exact_id"] == uuid.UUID(GUID) and mapped["amount"] == Decimal(30)
    assert mapped["order_exact_id"] == uuid.UUID(GUID)


def test_an_open_item_is_keyed_by_its_hid():
    mapped = invoices.open_item_from_exact({"HID": 1234, "AccountId": GUID, "Amount": 50.5})
    assert mapped["exact_id"] == uuid.UUID(int=1234)
    assert (mapped["customer_exact_id"], mapped["amount"]) == (uuid.UUID(GUID), Decimal("50.5"))
    assert invoices.open_item_from_exact({"HID": None})["exact_id"] is None


def test_contacts_prefer_the_business_phones_and_the_own_email():
    mapped = crm.contact_from_exact(
        {"ID": GUID, "Account": OTHER, "Email": "", "BusinessEmail": "a@b.nl", "Phone": "1",
         "BusinessPhone": "2", "Mobile": "3", "BusinessMobile": None, "IsMainContact": True}
    )  # fmt: skip
    assert (mapped["email"], mapped["phone"], mapped["mobile"]) == ("a@b.nl", "2", "3")
    assert mapped["is_main"] is True
    address = crm.address_from_exact({"ID": GUID, "Account": None, "Type": 4, "Main": True})
    assert (address["type"], address["main"], address["customer_exact_id"]) == (4, True, None)


def test_credit_limit_none_when_exact_defines_none():
    row = {"ID": GUID, "Code": "1", "Status": "C"}
    assert records.customer_from_exact({**row, "CreditLineSales": 2500.0})["credit_limit"] == 2500
    assert records.customer_from_exact({**row, "CreditLineSales": 0.0})["credit_limit"] is None
    assert records.customer_from_exact(row)["credit_limit"] is None


def test_a_deletion_names_its_type_and_the_deleted_key():
    assert deleted_entity({"EntityType": 15, "EntityKey": GUID}) == (15, uuid.UUID(GUID))
    assert deleted_entity({"EntityType": None, "EntityKey": GUID}) is None
    assert deleted_entity({"EntityType": 3, "EntityKey": "not a guid"}) is None
