"""`read/financial/ReceivablesList` and `…ByAccount?accountId=guid'…'` (spec §9.4).

One row per outstanding customer payment term: the receivables not fully paid, with
`Amount` what is still owed. Built per call from `cashflow/Receivables`, so it is
always in step with invoices and payments. `HID` is a per-division number of the payment term
(Int64, sent as a string); every HID has the same width, so key order is numeric.
"""

from __future__ import annotations

from ..data.table import Table
from ..odata.errors import bad_request
from .context import CallContext

ACCOUNT_PARAMETER = "accountId"


def receivables_list_table(ctx: CallContext) -> Table:
    """Every open receivable of the division, in the list's shape."""
    return _table(ctx.division.receivables.rows.values())


def receivables_by_account_table(ctx: CallContext) -> Table:
    """The open receivables of the account named by `accountId=guid'…'`."""
    text = ctx.req.query.get(ACCOUNT_PARAMETER)
    if not text:
        raise bad_request(f"Mandatory parameter missing: {ACCOUNT_PARAMETER}")
    account = text.strip().removeprefix("guid").strip("'{}").lower()
    receivables = ctx.division.receivables
    keys = receivables.lookup("Account", account) or ()
    return _table(receivables.rows[key] for key in keys)


def _table(receivables) -> Table:
    table = Table("HID", ("AccountId",))
    rows = sorted((_list_row(row) for row in receivables if not row["IsFullyPaid"]),
                  key=lambda row: row["HID"])  # fmt: skip
    for position, row in enumerate(rows):
        row["_ts"] = position
    table.load(rows)
    return table


def _list_row(receivable: dict) -> dict:
    return {
        "HID": str(receivable["_hid"]), "AccountId": receivable["Account"],
        "AccountCode": receivable["AccountCode"], "AccountName": receivable["AccountName"],
        "Amount": receivable["AmountDC"], "AmountInTransit": 0.0,
        "CurrencyCode": receivable["Currency"], "Description": receivable["Description"],
        "DueDate": receivable["DueDate"], "EntryNumber": receivable["EntryNumber"],
        "Id": receivable["ID"], "InvoiceDate": receivable["InvoiceDate"],
        "InvoiceNumber": receivable["InvoiceNumber"], "JournalCode": receivable["Journal"],
        "JournalDescription": receivable["JournalDescription"],
        "YourRef": receivable["YourRef"], "Notes": None,
    }  # fmt: skip
