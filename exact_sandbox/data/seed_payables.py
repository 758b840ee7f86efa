"""Seed supplier payment terms: the payments side of sync/Cashflow/PaymentTerms (spec §9.2).

The feed "returns both payments and receipts"; receipts (LineType 20) are the customers'
receivables, payments (LineType 22) what the division owes its suppliers. A few per
supplier account over the history, the older ones paid.
"""

from __future__ import annotations

import random

from .division import DivisionData, new_guid
from .documents import LINE_TYPE_PAYMENT, day_of, next_number, paid_fields

DAY = 86_400.0


def seed_payables(division: DivisionData, rng: random.Random, now: float, months: int) -> None:
    """Three to six purchase invoices per supplier over `months`, paid unless recent."""
    rows = []
    for account in division.accounts:
        if not account.get("IsSupplier"):
            continue
        for _ in range(3 + int(rng.random() * 4)):
            when = now - rng.random() * months * 30.4 * DAY
            rows.append(_payable(division, rng, account, when, now))
    rows.sort(key=lambda row: row["_when"])
    for row in rows:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    division.payables.load(rows)


def _payable(division: DivisionData, rng: random.Random, account: dict, when: float, now: float):
    amount = round(50 + rng.random() * 4950, 2)
    number = next_number(division, "entry")
    row = {
        "ID": new_guid(rng), "EntryID": new_guid(rng), "EntryNumber": number, "_when": when,
        "_hid": next_number(division, "term"), "LineType": LINE_TYPE_PAYMENT,
        "Account": account["ID"], "AccountCode": account["Code"], "AccountName": account["Name"],
        "AmountDC": amount, "AmountFC": amount, "Currency": "EUR", "RateFC": 1.0,
        "Description": f"Inkoopfactuur {number}", "InvoiceDate": day_of(when),
        "EntryDate": day_of(when), "DueDate": day_of(when + 30 * DAY), "InvoiceNumber": number,
        "Journal": "60", "JournalDescription": "Inkoopboek", "PaymentDays": 30,
        "PaymentMethod": "B", "Status": 20, "IsFullyPaid": False, "LastPaymentDate": None,
        "TransactionAmountDC": amount, "TransactionAmountFC": amount, "TransactionType": 30,
        "GLAccountCode": "1600", "GLAccountDescription": "Crediteuren", "ApprovalStatus": None,
        **division.audit(when),
    }  # fmt: skip
    if now - when > 45 * DAY:
        row.update(paid_fields(when + 30 * DAY))
    return row
