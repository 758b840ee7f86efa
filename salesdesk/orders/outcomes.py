"""What one attempt to send an order to Exact Online came to, in Salesdesk's words."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class SendResult(Enum):
    SUBMITTED = "submitted"  # Exact holds the order; its id and number are known
    REFUSED = "refused"  # Exact said no (400/403...): Failed, not retried by itself
    WAIT = "wait"  # a rate limit: try again at `retry_at`, it is not a failure
    UNCLEAR = "unclear"  # no clear answer (timeout, dropped connection, 5xx): back off, retry
    # The connection is not usable (not connected, needs re-authorization): the order
    # waits, untried, until the connection is authorized again (orders.waiting).
    BLOCKED = "blocked"


@dataclass(frozen=True)
class SendOutcome:
    result: SendResult
    message: str = ""  # plain words for the order page (why it failed, or why it waits)
    exact_order_id: uuid.UUID | None = None
    exact_order_number: int | None = None
    found_by_lookup: bool = False  # an earlier unclear attempt had in fact been stored
    retry_at: datetime | None = None
    # False only when Exact's answer proves the order is not stored there.
    exact_may_have_it: bool = True
    # A quotation (crm/Quotations) instead of a sales order: its key, number and status.
    quotation: QuotationRef | None = None
    # A quotation accepted in Exact: `exact_order_*` name the sales order Exact made of it.
    converted: bool = False

    @classmethod
    def submitted(cls, *, order_id: uuid.UUID, number: int, found: bool) -> SendOutcome:
        return cls(
            SendResult.SUBMITTED,
            exact_order_id=order_id,
            exact_order_number=number,
            found_by_lookup=found,
        )

    @classmethod
    def quotation_submitted(cls, *, quotation: QuotationRef, found: bool) -> SendOutcome:
        return cls(SendResult.SUBMITTED, quotation=quotation, found_by_lookup=found)

    @classmethod
    def quotation_converted(cls, *, order_id: uuid.UUID, number: int, found: bool) -> SendOutcome:
        return cls(
            SendResult.SUBMITTED,
            exact_order_id=order_id,
            exact_order_number=number,
            found_by_lookup=found,
            converted=True,
        )

    def exact_fields(self) -> dict:
        """What a SUBMITTED outcome records on the order: the keys Exact gave it."""
        if self.quotation is not None:
            return self.quotation.order_fields()
        fields = {"exact_order_id": self.exact_order_id}
        fields["exact_order_number"] = self.exact_order_number
        if self.converted:
            fields |= QuotationRef.accepted_fields()
        return fields

    def summary(self) -> str:
        """The order's history line for a SUBMITTED outcome."""
        how = " (found in Exact by its reference)" if self.found_by_lookup else ""
        if self.quotation is not None:
            return f"Submitted to Exact Online as quotation {self.quotation.number}{how}."
        if self.converted:
            return (
                "Quotation accepted in Exact Online, which made it sales order "
                f"{self.exact_order_number}{how}."
            )
        return f"Submitted to Exact Online as order {self.exact_order_number}{how}."


@dataclass(frozen=True)
class QuotationRef:
    """A quotation in Exact: its key, number and status (Exact's code and words)."""

    quotation_id: uuid.UUID
    number: int
    status: int | None
    status_label: str

    # Exact's quotation status "Accepted" (spec §9.4).
    ACCEPTED = 50

    def order_fields(self) -> dict:
        return {
            "exact_quotation_id": self.quotation_id,
            "exact_quotation_number": self.number,
            "exact_quotation_status": self.status,
            "exact_quotation_status_label": self.status_label,
        }

    @classmethod
    def accepted_fields(cls) -> dict:
        return {"exact_quotation_status": cls.ACCEPTED, "exact_quotation_status_label": "Accepted"}
