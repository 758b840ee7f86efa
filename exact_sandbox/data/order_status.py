"""Sales order status codes and how a header's follow its lines (spec §4.6, §9.4).

Codes for order `Status`, `DeliveryStatus`, `InvoiceStatus` and line `Status`/`OrderStatus`,
`DeliveryStatus`, `InvoiceStatus`: 12 Open, 20 Partial, 21 Complete, 45 Cancelled. The
sandbox's rules (Exact documents the codes, not the rules): a line is delivered/invoiced
Complete when its quantity is, Partial when some of it is; its own status is Complete when
both are, Open when neither has started, Partial otherwise. A header takes the same
statuses over its lines that are not cancelled; Cancelled when every line is.
"""

from __future__ import annotations

OPEN, PARTIAL, COMPLETE, CANCELLED = 12, 20, 21, 45
TEXT = {OPEN: "Open", PARTIAL: "Partial", COMPLETE: "Complete", CANCELLED: "Cancelled"}


def progress(done: float, quantity: float) -> int:
    """Open, Partial or Complete for `done` of `quantity` (trade-in lines are negative)."""
    done, quantity = abs(done or 0.0), abs(quantity or 0.0)
    if done <= 0:
        return OPEN
    return COMPLETE if done >= quantity else PARTIAL


def line_status(quantity: float, delivered: float, invoiced: float, *, cancelled=False) -> dict:
    """The status fields of an order line (plain `OrderStatus` and sync `Status` both)."""
    if cancelled:
        delivery = invoice = status = CANCELLED
    else:
        delivery, invoice = progress(delivered, quantity), progress(invoiced, quantity)
        status = _combined((delivery, invoice))
    return {
        "OrderStatus": status, "Status": status, "StatusDescription": TEXT[status],
        "DeliveryStatus": delivery, "DeliveryStatusDescription": TEXT[delivery],
        "InvoiceStatus": invoice, "InvoiceStatusDescription": TEXT[invoice],
    }  # fmt: skip


def header_status(lines: list[dict]) -> dict:
    """The header's status fields from its lines' current statuses."""
    live = [line for line in lines if line["OrderStatus"] != CANCELLED]
    if not live:
        codes = {"Status": CANCELLED, "DeliveryStatus": CANCELLED, "InvoiceStatus": CANCELLED}
    else:
        codes = {
            "Status": _combined([line["OrderStatus"] for line in live]),
            "DeliveryStatus": _combined([line["DeliveryStatus"] for line in live]),
            "InvoiceStatus": _combined([line["InvoiceStatus"] for line in live]),
        }
    return {**codes, **{f"{name}Description": TEXT[code] for name, code in codes.items()}}


def _combined(codes) -> int:
    unique = set(codes)
    if unique == {COMPLETE}:
        return COMPLETE
    return OPEN if unique == {OPEN} else PARTIAL
