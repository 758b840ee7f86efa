"""Quotations a division keeps (spec §9.1, §9.4): headers, lines and their statuses.

A quotation row holds the names of `crm/Quotations` and of `sync/CRM/QuotationHeaders` at
once (`ID` = `QuotationID`, `Timestamp`); each endpoint's projector shows only its own
schema's properties. Status changes (accepting, a customer's rejection through the control
plane) give the header a new Timestamp; the lines keep theirs (headers and lines tick apart,
§9.2).
"""

from __future__ import annotations

from .table import Table

# sync/Deleted EntityType codes (spec §4.7, §9.3).
ENTITY_QUOTATION_HEADERS = 34
ENTITY_QUOTATION_LINES = 35

# Quotation `Status` (spec §9.4, picqer Quotation.php).
REJECTED = 5
CLOSED = 6
DRAFT = 20
OPEN = 25
PRINTED = 40
ACCEPTED = 50
AWAITING_ONLINE = 60
STATUS_DESCRIPTIONS = {
    REJECTED: "Rejected", CLOSED: "Reviewed and closed", 10: "Recovery", DRAFT: "Draft",
    OPEN: "Open", 35: "Processing...", PRINTED: "Printed", ACCEPTED: "Accepted",
    AWAITING_ONLINE: "Awaiting online acceptance",
    70: "Accepted but an error occurred during processing",
}  # fmt: skip
# A quotation created through the API is Open: ready to go to the customer. Whether Exact
# makes it Draft (20) or Open (25) is UNCONFIRMED; the sandbox's choice.
CREATED_STATUS = OPEN
# Statuses from which Exact no longer accepts a quotation (the sandbox's reading of §9.4:
# a decided or closed quotation cannot be accepted again).
NOT_ACCEPTABLE = {
    REJECTED: "it was rejected",
    CLOSED: "it was reviewed and closed",
    ACCEPTED: "it has already been accepted",
}


def add_quotation_tables(division) -> None:
    """Create the (empty) quotation tables and their number sequence on `division`."""
    division.quotations = Table("QuotationID", ("QuotationNumber", "OrderAccount"))
    division.quotation_lines = Table("ID", ("QuotationID",))
    division.next_quotation_number = 1


def quotation_status_set(division, key: str, status: int, now: float) -> dict:
    """Give a quotation a new status (and Timestamp), as Exact does when it changes."""
    if status not in STATUS_DESCRIPTIONS:
        known = ", ".join(str(code) for code in sorted(STATUS_DESCRIPTIONS))
        raise ValueError(f"unknown quotation status {status}; Exact's are {known}")
    changes = {"Status": status, "StatusDescription": STATUS_DESCRIPTIONS[status]}
    return division.touch(division.quotations, key, changes, now)
