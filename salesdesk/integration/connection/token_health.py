"""The token's health in words, for the Connector settings tab (spec §1.4, §1.5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.connection.reauth import reauth_message

REFRESH_CHAIN_DAYS = 30


@dataclass(frozen=True)
class TokenHealth:
    status: str  # "ok" | "missing" | "dead"
    summary: str
    issued_at: datetime | None = None
    chain_expires_at: datetime | None = None


def token_health(connection: ExactConnection) -> TokenHealth:
    if connection.state == ExactConnection.State.NEEDS_REAUTH:
        return TokenHealth("dead", reauth_message(connection.token_problem))
    if connection.state != ExactConnection.State.CONNECTED or connection.token_issued_at is None:
        return TokenHealth("missing", "No tokens: Salesdesk is not authorized.")
    issued = datetime.fromtimestamp(connection.token_issued_at, tz=UTC)
    expires = issued + timedelta(days=REFRESH_CHAIN_DAYS)
    summary = (
        "Healthy. Salesdesk renews the 10-minute access token when it needs it; the refresh "
        f"token stays valid for {REFRESH_CHAIN_DAYS} days after its last use."
    )
    return TokenHealth("ok", summary, issued_at=issued, chain_expires_at=expires)
