"""A customer pays (part of) an invoice: its receivables are matched (spec §9.4).

Paying in full matches every open payment term of the invoice (Status 50, IsFullyPaid,
LastPaymentDate). A part payment splits the first open term: the paid part is matched and
the rest becomes a new open term with the same EntryID ("EntryID groups a split
receivable"). Each changed or new term gets a new Timestamp in sync/Cashflow/PaymentTerms;
the open-items list (`read/financial/ReceivablesList`) shows what is left.
"""

from __future__ import annotations

from .division import DivisionData, new_guid
from .documents import next_number, paid_fields


class PaymentError(ValueError):
    """The payment cannot be booked as asked."""


def open_terms(division: DivisionData, invoice_number: int) -> list[dict]:
    """The invoice's payment terms that are not fully paid, oldest first."""
    table = division.receivables
    rows = [table.rows[key] for key in table.lookup("InvoiceNumber", invoice_number) or ()]
    return sorted((row for row in rows if not row["IsFullyPaid"]), key=lambda row: row["_hid"])


def pay(division: DivisionData, invoice_id: str, amount: float | None, now: float) -> list[dict]:
    """Book a payment of `amount` (default: all that is open); the terms it changed."""
    invoice = division.sales_invoices.get(invoice_id)
    if invoice is None:
        raise PaymentError(f"no sales invoice {invoice_id}")
    terms = open_terms(division, invoice["InvoiceNumber"])
    owed = round(sum(row["AmountDC"] for row in terms), 2)
    if not terms:
        raise PaymentError(f"invoice {invoice['InvoiceNumber']} is paid already")
    amount = owed if amount is None else round(float(amount), 2)
    if not 0 < amount <= owed:
        raise PaymentError(f"amount must be above 0 and at most the {owed} still open")
    changed = []
    for row in terms:
        if amount <= 0:
            break
        if amount < row["AmountDC"]:
            changed.extend(_split(division, row, amount, now))
            break
        amount = round(amount - row["AmountDC"], 2)
        changed.append(division.touch(division.receivables, row["ID"], paid_fields(now), now))
    return changed


def _split(division: DivisionData, row: dict, paid: float, now: float) -> list[dict]:
    rest = round(row["AmountDC"] - paid, 2)
    remainder = {
        **row,
        "ID": new_guid(division.rng),
        "AmountDC": rest,
        "AmountFC": rest,
        "_hid": next_number(division, "term"),
        **division.audit(now),
    }
    matched = division.touch(
        division.receivables,
        row["ID"],
        {"AmountDC": paid, "AmountFC": paid, **paid_fields(now)},
        now,
    )
    remainder["_ts"] = ts = division.next_timestamp()
    remainder["Timestamp"] = str(ts)
    division.receivables.insert(remainder)
    return [matched, remainder]
