"""Exact rows (as exact_client yields them) -> Salesdesk fields."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from salesdesk.integration.mapping import records

ITEM_ID = "61facaed-0389-4183-bf67-ac1c179e1050"


def test_item_fields_are_trimmed_and_dates_are_amsterdam_days():
    row = {
        "ID": ITEM_ID, "Code": "A-1", "Description": "Bolt", "Unit": "stuk    ",
        "SalesVatCode": "2  ", "Stock": 3.0, "IsSalesItem": True,
        # Amsterdam midnight of 2 March 2026 is 23:00 UTC the day before (spec §3.4).
        "StartDate": datetime(2026, 3, 1, 23, 0, tzinfo=UTC), "EndDate": None,
        "PictureName": None, "Timestamp": 123456789,
    }  # fmt: skip
    item = records.item_from_exact(row)
    assert item["exact_id"] == uuid.UUID(ITEM_ID)
    assert (item["unit"], item["vat_code"]) == ("stuk", "2")
    # Not on sync/Logistics/Items: the item prices feed sets it (catalog/standard_prices.py).
    assert "standard_price" not in item
    assert item["start_date"] == date(2026, 3, 2)
    assert item["end_date"] is None and item["picture_name"] == ""
    assert item["exact_timestamp"] == 123456789


def test_customer_code_stays_padded_for_matching_and_trimmed_for_display():
    row = {"ID": ITEM_ID, "Code": "                25", "Name": "Jansen", "Status": "C"}
    customer = records.customer_from_exact(row)
    assert customer["code"] == "                25"
    assert customer["code_display"] == "25"
    assert customer["active"] is True and customer["price_list_exact_id"] is None


def test_a_customer_keeps_its_account_manager_the_exact_user_of_its_rep():
    manager = str(uuid.uuid4())
    row = {"ID": ITEM_ID, "Code": "1".rjust(18), "Name": "Jansen", "Status": "C",
           "AccountManager": manager, "AccountManagerFullName": "Sanne de Vries"}  # fmt: skip
    customer = records.customer_from_exact(row)
    assert customer["account_manager_exact_id"] == uuid.UUID(manager)
    assert customer["account_manager_name"] == "Sanne de Vries"
    unmanaged = records.customer_from_exact({**row, "AccountManager": None,
                                             "AccountManagerFullName": None})  # fmt: skip
    assert (unmanaged["account_manager_exact_id"], unmanaged["account_manager_name"]) == (None, "")
    assert {"AccountManager", "AccountManagerFullName"} <= set(records.ACCOUNT_FIELDS)


def test_accounts_that_are_not_customers_are_stored_inactive():
    supplier = {"ID": ITEM_ID, "Code": "1".rjust(18), "Name": "Supplier", "Status": "A"}
    assert records.customer_from_exact(supplier)["active"] is False


def test_volume_discount_and_item_price_carry_the_exact_ids_to_resolve():
    period, account = str(uuid.uuid4()), str(uuid.uuid4())
    line = records.volume_discount_from_exact(
        {"ID": ITEM_ID, "PriceListPeriod": period, "Item": None, "ItemGroupCode": "G1",
         "Quantity": 10.0, "EntryMethod": 1, "Discount": 0.05}
    )  # fmt: skip
    assert line["period_exact_id"] == uuid.UUID(period) and line["item_exact_id"] is None
    assert line["discount"] == Decimal("0.05") and line["method"] == 1
    price = records.item_price_from_exact(
        {"ID": ITEM_ID, "Item": ITEM_ID, "Account": account, "Price": 9.95, "Quantity": 0.0}
    )
    assert price["customer_exact_id"] == uuid.UUID(account)
    assert price["price"] == Decimal("9.95")


def test_deletions_name_the_deleted_record_not_the_deletion():
    deleted_item = str(uuid.uuid4())
    row = {"ID": str(uuid.uuid4()), "EntityKey": deleted_item, "EntityType": 9, "Timestamp": 5}
    assert records.deletion_from_exact(row) == ("item", uuid.UUID(deleted_item))
    assert records.deletion_from_exact({**row, "EntityType": 13}) is None  # SalesInvoices


def test_timestamps_compare_as_numbers():
    assert records.timestamp_of({"Timestamp": "1000"}) > records.timestamp_of({"Timestamp": "999"})


def test_values_typed_otherwise_by_another_server_are_read_as_meant_or_left_empty():
    item = records.item_from_exact(
        {"ID": "61facaed-0389-4183-bf67-ac1c179e1050", "Code": 25, "Description": "Kaas",
         "Stock": "lots", "IsSalesItem": "false"}
    )  # fmt: skip
    assert item["code"] == "25"
    price = records.item_price_from_exact(
        {"ID": "61facaed-0389-4183-bf67-ac1c179e1053", "Price": " 12.50 ", "Quantity": "x"}
    )
    assert (price["price"], price["quantity"]) == (Decimal("12.50"), Decimal(0))
    assert item["stock"] == Decimal(0) and item["is_sales_item"] is False
    customer = records.customer_from_exact(
        {"ID": "61facaed-0389-4183-bf67-ac1c179e1051", "Code": 1002, "Name": "Bakker",
         "Blocked": "true", "PriceList": "not-a-guid", "DiscountSales": float("nan")}
    )  # fmt: skip
    assert (customer["code"], customer["code_display"]) == ("1002", "1002")
    assert customer["blocked"] is True and customer["price_list_exact_id"] is None
    assert customer["discount_sales"] == Decimal(0)
    line = records.volume_discount_from_exact(
        {"ID": "61facaed-0389-4183-bf67-ac1c179e1052", "PriceListPeriod": "", "EntryMethod": "x"}
    )
    assert line["period_exact_id"] is None and line["method"] == 1  # skipped: no period
    assert records.deletion_from_exact({"EntityType": "9", "EntityKey": ""}) is None
