"""What goes with a deleted item or account (spec §4.7, §9.3).

An item's stock positions go with it (sync/Deleted EntityType 15); an account's addresses
(3) and contact persons (5) with the account. Orders, deliveries and invoices stay: they are
documents of the past (Exact refuses to delete an account or item with transactions; the
control plane's `mutate` deletes at random, so Salesdesk must cope with documents naming a
record that is gone).
"""

from __future__ import annotations

from .ledger_tables import ENTITY_ADDRESSES, ENTITY_CONTACTS, ENTITY_STOCK_POSITIONS


def item_deleted(division, item_id: str, now: float) -> None:
    for key in sorted(division.stock_positions.lookup("ItemId", item_id) or ()):
        division.stock_positions.delete(key)
        division.record_deletion(key, ENTITY_STOCK_POSITIONS, now)


def account_deleted(division, account_id: str, now: float) -> None:
    for table, entity_type in (
        (division.addresses, ENTITY_ADDRESSES),
        (division.contacts, ENTITY_CONTACTS),
    ):
        for key in sorted(table.lookup("Account", account_id) or ()):
            table.delete(key)
            division.record_deletion(key, entity_type, now)
