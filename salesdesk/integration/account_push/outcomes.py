"""What an Exact error means for a new customer's send, in plain words for its page."""

from __future__ import annotations

from datetime import UTC, datetime

from exact_client import AccessTokenRefused, AuthError, ExactError, NotFound, RateLimited, Rejected
from salesdesk.customers.account_outbox import AccountOutcome
from salesdesk.integration.order_push.services import NEEDS_REAUTH

WHAT = {
    "account": "the customer",
    "contact": "the customer's contact person",
    "address": "the customer's delivery address",
}


def outcome_for_error(exc: ExactError, *, step: str) -> AccountOutcome:
    """The outcome of a step that ended in `exc`. Every one keeps `exact_may_have_it`: the
    error may have ended a look-up made because an earlier POST's answer was lost, so only
    a clear answer about the record itself could clear it; the price is one look-up more."""
    if isinstance(exc, RateLimited):  # 429s are answered before anything is stored
        retry_at = datetime.fromtimestamp(exc.reset_at, tz=UTC) if exc.reset_at else None
        text = "Waiting: Exact Online's rate limit was reached; Salesdesk sends when it resets."
        return AccountOutcome("wait", text, retry_at=retry_at)
    if (isinstance(exc, AuthError) and exc.retriable) or isinstance(exc, AccessTokenRefused):
        text = "Waiting: Exact Online refused Salesdesk's access for now; Salesdesk tries again."
        return AccountOutcome("wait", text)
    if isinstance(exc, AuthError):
        text = NEEDS_REAUTH.replace("The order goes out", "The customer goes out")
        return AccountOutcome("blocked", text)
    if isinstance(exc, Rejected | NotFound):
        text = f"Exact Online refused {WHAT[step]}: {exc.message}"
        if step != "account":
            text += " The account itself is in Exact Online; correct this in Exact Online."
        return AccountOutcome("refused", text)
    text = (
        f"Waiting: Exact Online gave no clear answer ({exc.message}). Salesdesk checks "
        f"whether Exact Online already has {WHAT[step]}, then tries again."
    )
    return AccountOutcome("unclear", text)
