"""The authorization in progress, bound to the browser session by its `state` value.

The `state` Exact echoes back must equal the one stored in this session; a pending
authorization can be finished once, within 15 minutes.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass

SESSION_KEY = "exact_oauth_pending"
MAX_AGE_SECONDS = 15 * 60


class CallbackRefused(Exception):
    """The callback cannot be trusted or used; `message` says why, in plain words."""

    def __init__(self, message: str, *, company_slug: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.company_slug = company_slug


@dataclass
class Pending:
    state: str
    company_slug: str
    base_url: str
    name: str
    started_at: float
    used: bool = False


def pending_start(session, *, company_slug: str, base_url: str, name: str) -> Pending:
    """Remember a new authorization (replacing any earlier one) and return it."""
    pending = Pending(
        state=secrets.token_urlsafe(32),
        company_slug=company_slug,
        base_url=base_url,
        name=name,
        started_at=time.time(),
    )
    session[SESSION_KEY] = asdict(pending)
    return pending


def pending_get(session) -> Pending | None:
    raw = session.get(SESSION_KEY)
    return Pending(**raw) if isinstance(raw, dict) else None


def pending_claim(session, state: str) -> Pending:
    """The pending authorization `state` belongs to, marked used; CallbackRefused if none."""
    pending = pending_get(session)
    if pending is None:
        raise CallbackRefused(
            "Salesdesk did not start an authorization in this browser session, or it was "
            "already finished. Click Authorize Salesdesk on Connector settings to start again."
        )
    slug = pending.company_slug
    if not state or not secrets.compare_digest(state, pending.state):
        raise CallbackRefused(
            "The answer from Exact Online does not match the authorization started here "
            "(missing or wrong state), so Salesdesk ignored it. Nothing was changed. "
            "Click Authorize Salesdesk to try again.",
            company_slug=slug,
        )
    if pending.used:
        raise CallbackRefused(
            "This authorization was already used: an answer from Exact Online counts once. "
            "Nothing was changed. Click Authorize Salesdesk to authorize again.",
            company_slug=slug,
        )
    if time.time() - pending.started_at > MAX_AGE_SECONDS:
        raise CallbackRefused(
            "This authorization took too long and expired. Nothing was changed. "
            "Click Authorize Salesdesk to try again.",
            company_slug=slug,
        )
    pending.used = True
    session[SESSION_KEY] = asdict(pending)
    return pending
