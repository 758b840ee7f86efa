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

    @classmethod
    def submitted(cls, *, order_id: uuid.UUID, number: int, found: bool) -> SendOutcome:
        return cls(
            SendResult.SUBMITTED,
            exact_order_id=order_id,
            exact_order_number=number,
            found_by_lookup=found,
        )
