"""All records of one Exact division (company), plus the counters Exact keeps per division."""

from __future__ import annotations

import random

from ..odata.values import date_value
from .ledger_cascade import account_deleted, item_deleted
from .ledger_tables import add_ledger_tables
from .pictures import PLACEHOLDER_PATH, item_png
from .quotation_tables import add_quotation_tables
from .table import Table

# sync/Deleted EntityType codes (spec §4.7).
ENTITY_ACCOUNTS = 2
ENTITY_ITEM_PRICES = 8
ENTITY_ITEMS = 9
ENTITY_DISCOUNT_TABLES = 31
ENTITY_SALES_ORDER_HEADERS = 32
ENTITY_SALES_ORDER_LINES = 33


_VERSION_MASK = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_BITS = (0x4000 << 64) | (0x8000 << 48)


def new_guid(rng: random.Random) -> str:
    """A version-4 GUID drawn from rng (lowercase, as Exact sends them).

    Same result as `str(uuid.UUID(int=rng.getrandbits(128), version=4))`, faster.
    """
    text = f"{(rng.getrandbits(128) & _VERSION_MASK) | _VERSION_BITS:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class DivisionData:
    """The data of one division. Tables hold rows in Exact's JSON value form.

    `sales_orders` and `sales_order_lines` are Tables: `len()` counts them,
    iteration yields the row dicts in key order.
    """

    def __init__(self, code: int, name: str, *, rng: random.Random, first_timestamp: int) -> None:
        self.code = code
        self.name = name
        self.rng = rng
        self.last_timestamp = first_timestamp
        self.next_order_number = 1
        self.user_id = new_guid(rng)
        self.user_name = "Demo Gebruiker"
        self.info: dict = {}  # the system/Divisions row
        self.warehouse: dict = {"ID": new_guid(rng), "Code": "1", "Description": "Magazijn"}
        # Exact's smallest editions have one warehouse: orders naming another are refused
        # (resources/order_header.py); set on the control plane (`POST /_sandbox/edition`).
        self.single_warehouse = False
        self.uploaded_pictures: dict[str, bytes] = {}
        self.item_groups = Table("ID", ("Code",))
        self.units = Table("ID", ("Code",))
        self.vat_codes = Table("ID", ("Code",))  # vat/VATCodes, data/vat_codes.py
        self.items = Table("ID", ("Code",))
        self.accounts = Table("ID", ("Code",))
        self.price_lists = Table("ID")
        self.price_list_periods = Table("ID", ("PriceList",))
        self.volume_discounts = Table("ID", ("PriceListPeriod", "Item"))
        self.item_prices = Table("ID", ("Item", "Account"))
        self.sales_orders = Table("OrderID", ("YourRef", "Description", "OrderedBy"))
        self.sales_order_lines = Table("ID", ("OrderID",))
        self.deleted = Table("ID", ("EntityKey",))
        add_ledger_tables(self)  # stock, deliveries, invoices, receivables, CRM (spec §9)
        add_quotation_tables(self)  # quotations and their lines (spec §9.4)
        # Webhooks (spec §4.10, exact_sandbox.webhooks): subscriptions by ID, and the hub's
        # listener, set when the first subscription is made.
        self.webhook_subscriptions: dict[str, dict] = {}
        self.change_listener = None

    def next_timestamp(self) -> int:
        """The next rowversion: higher than any row of this division (spec §3.7)."""
        self.last_timestamp += 1
        return self.last_timestamp

    def audit(self, now: float, ts: int | None = None) -> dict:
        """Created/Modified/Creator fields for a row written now."""
        stamp = date_value(now)
        fields = {
            "Created": stamp, "Creator": self.user_id, "CreatorFullName": self.user_name,
            "Modified": stamp, "Modifier": self.user_id, "ModifierFullName": self.user_name,
            "Division": self.code,
        }  # fmt: skip
        if ts is not None:
            fields["_ts"] = ts
            fields["Timestamp"] = str(ts)
        return fields

    def touch(self, table: Table, key: str, changes: dict, now: float) -> dict:
        """Update a row the way Exact does: new rowversion, Modified and Modifier set."""
        stamp = {"Modified": date_value(now), "Modifier": self.user_id}
        stamp["ModifierFullName"] = self.user_name
        row = table.update(key, {**changes, **stamp}, self.next_timestamp())
        topic = self._topics().get(id(table))
        if topic:
            self.changed(topic, "Update", key, now)
        return row

    def changed(self, topic: str, action: str, key: str, now: float) -> None:
        """Tell the webhook listener (if any) that a record of `topic` changed (spec §4.10)."""
        if self.change_listener is not None:
            self.change_listener(self, topic, action, key, now)

    def _topics(self) -> dict[int, str]:
        return {id(self.items): "Items", id(self.accounts): "Accounts",
                id(self.sales_orders): "SalesOrders"}  # fmt: skip

    def record_deletion(self, entity_key: str, entity_type: int, now: float) -> dict:
        """Add the sync/Deleted row Exact writes when a record disappears (spec §4.7)."""
        ts = self.next_timestamp()
        row = {
            "Timestamp": str(ts), "_ts": ts, "ID": new_guid(self.rng), "EntityKey": entity_key,
            "EntityType": entity_type, "DeletedBy": self.user_id,
            "DeletedDate": date_value(now), "Division": self.code,
        }  # fmt: skip
        self.deleted.insert(row)
        return row

    def delete_item(self, item_id: str, now: float) -> None:
        """Delete an item and the prices that hang on it, each recorded in sync/Deleted."""
        self.items.delete(item_id)
        self.record_deletion(item_id, ENTITY_ITEMS, now)
        self.changed("Items", "Delete", item_id, now)
        for key in sorted(self.item_prices.lookup("Item", item_id) or ()):
            self.item_prices.delete(key)
            self.record_deletion(key, ENTITY_ITEM_PRICES, now)
        for key in sorted(self.volume_discounts.lookup("Item", item_id) or ()):
            self.volume_discounts.delete(key)
            self.record_deletion(key, ENTITY_DISCOUNT_TABLES, now)
        item_deleted(self, item_id, now)

    def delete_account(self, account_id: str, now: float) -> None:
        """Delete an account and its customer-specific prices, recorded in sync/Deleted."""
        self.accounts.delete(account_id)
        self.record_deletion(account_id, ENTITY_ACCOUNTS, now)
        self.changed("Accounts", "Delete", account_id, now)
        for key in sorted(self.item_prices.lookup("Account", account_id) or ()):
            self.item_prices.delete(key)
            self.record_deletion(key, ENTITY_ITEM_PRICES, now)
        account_deleted(self, account_id, now)

    def picture_bytes(self, item_id: str) -> bytes | None:
        """PNG bytes of an item's picture; None when the item is unknown or has none."""
        item_id = item_id.strip("{}").lower()
        row = self.items.get(item_id)
        if row is None or row.get("PictureUrl") in (None, PLACEHOLDER_PATH):
            return None
        return self.uploaded_pictures.get(item_id) or item_png(item_id)
