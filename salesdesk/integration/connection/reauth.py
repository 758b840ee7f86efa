"""Why an admin must authorize again: one sentence for every place that says so.

The Connector settings tab, a sync run's message and the admins' e-mail all read the reason
stored on the connection (`token_problem`) through `reauth_message`, so they cannot disagree.
"""

from __future__ import annotations

from django.db.models import F

from salesdesk.integration.connection.models import ExactConnection
from salesdesk.tenants.models import Company

ACTION = "Click Authorize Salesdesk on Administration > Settings > Connector settings."
UNKNOWN = "Exact Online no longer accepts Salesdesk's tokens"
NOT_CONNECTED = (
    "Salesdesk is not connected to Exact Online: authorize it on "
    "Administration > Settings > Connector settings."
)


def reauth_message(problem: str) -> str:
    """The sentence for a connection that needs a new consent because of `problem`."""
    reason = (problem or UNKNOWN).strip().rstrip(".")
    return f"Exact Online needs a new authorization: {reason}. {ACTION}"


def connection_reauth_message(*, company: Company) -> str:
    """What the company's admins are told now (from the stored reason)."""
    row = ExactConnection.objects.filter(company=company).values("state", "token_problem").first()
    if row is None or row["state"] == ExactConnection.State.NOT_CONNECTED:
        return NOT_CONNECTED
    return reauth_message(row["token_problem"])


def connection_reauth_needed(*, company: Company, problem: str) -> str:
    """Mark a connected company as needing re-authorization for `problem`; its message.

    A reason stored first (a dead refresh chain, marked by the token store) is kept.
    """
    ExactConnection.objects.filter(company=company, state=ExactConnection.State.CONNECTED).update(
        state=ExactConnection.State.NEEDS_REAUTH,
        token_problem=problem[:1000],
        token_version=F("token_version") + 1,
    )
    return connection_reauth_message(company=company)
