"""Authorization codes, token chains and browser sessions; no HTTP here.

Exact's rules (spec §1.3–§1.7): codes are single use and live 3 minutes; access
tokens live 600 s; refresh tokens rotate on every use (the old one then gives
`Old refresh token used.`); a refresh within 570 s of the last issue is refused;
a refresh token unused for 30 days expires.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .config import SandboxConfig


class TokenError(Exception):
    """A token-endpoint refusal, in Exact's words (spec §1.7)."""

    def __init__(self, status: int, error: str, description: str, reason: str | None = None):
        super().__init__(description)
        self.status, self.error, self.description, self.reason = status, error, description, reason


@dataclass
class Grant:
    """What a consent gave: one app, one user, the divisions the user ticked."""

    client_id: str
    username: str
    divisions: tuple[int, ...]


@dataclass
class CodeRecord:
    grant: Grant
    redirect_uri: str
    issued_at: float
    used: bool = False


@dataclass
class Chain:
    """One refresh-token chain: the current refresh token and when it was last issued."""

    grant: Grant
    refresh_token: str
    issued_at: float
    retired: set[str] = field(default_factory=set)


@dataclass
class AccessToken:
    grant: Grant
    issued_at: float


def _dotnet_time(epoch: float) -> str:
    """`10/11/2022 9:18:20 PM`, the format of Exact's expiry message (spec §1.4)."""
    moment = datetime.fromtimestamp(epoch, tz=UTC)
    hour = moment.hour % 12 or 12
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {moment:%p}"


class AuthStore:
    """Issues and checks codes and tokens against the sandbox clock."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.codes: dict[str, CodeRecord] = {}
        self.chains: dict[str, Chain] = {}  # current and retired refresh tokens -> chain
        self.access: dict[str, AccessToken] = {}
        self.sessions: dict[str, str] = {}  # browser cookie -> username
        self.tokens_issued = 0
        self.tokens_refreshed = 0

    def open_session(self, username: str) -> str:
        cookie = secrets.token_urlsafe(24)
        self.sessions[cookie] = username
        return cookie

    def issue_code(self, grant: Grant, redirect_uri: str, now: float) -> str:
        # Real codes contain "!" and arrive URL-encoded as %21 (spec §1.3).
        code = f"stampNL001.{secrets.token_urlsafe(12)}!IAAAA{secrets.token_urlsafe(96)}"
        self.codes[code] = CodeRecord(grant, redirect_uri, now)
        return code

    def redeem_code(self, code: str, client_id: str, redirect_uri: str, now: float) -> dict:
        record = self.codes.get(code)
        if record is None:
            raise TokenError(400, "invalid_grant", "Signed data extraction has failed")
        if record.used:
            # A reused code gets a bare "Bad Request" (spec §1.7, picqer#96), not the JSON shape.
            raise TokenError(400, "", "Bad Request")
        if now - record.issued_at > self.config.code_ttl_seconds:
            raise self._bad_chain()
        if record.grant.client_id != client_id or record.redirect_uri != redirect_uri:
            raise TokenError(
                400, "invalid_grant", "redirect_uri or client_id does not match the code"
            )
        record.used = True
        return self._new_chain(record.grant, now)

    def refresh(self, refresh_token: str, client_id: str, now: float) -> dict:
        chain = self.chains.get(refresh_token)
        if chain is None or chain.grant.client_id != client_id:
            raise self._bad_chain()
        if refresh_token in chain.retired:
            raise TokenError(401, "unauthorized_client", "Old refresh token used.")
        expires_at = chain.issued_at + self.config.refresh_token_days * 86400
        if now > expires_at:
            expired, it_is = _dotnet_time(expires_at), _dotnet_time(now)
            message = f"The refresh token expired at {expired} and it is now {it_is}."
            raise TokenError(400, "invalid_request", message)
        if now - chain.issued_at < self.config.refresh_min_age_seconds:
            message = "Rate limit exceeded: access_token not expired"
            raise TokenError(400, "access_denied", message, f"TooEarlyToRefreshTokens: {message}")
        chain.retired.add(refresh_token)
        self.tokens_refreshed += 1
        return self._issue(chain, now)

    def bearer(self, token: str, now: float) -> Grant | None:
        """The grant behind a live access token, or None (unknown or older than 600 s)."""
        record = self.access.get(token)
        if record is None or now - record.issued_at >= self.config.access_token_seconds:
            return None
        return record.grant

    def _new_chain(self, grant: Grant, now: float) -> dict:
        return self._issue(Chain(grant, "", now), now)

    def _issue(self, chain: Chain, now: float) -> dict:
        # ~620 characters, like Exact's (a 600-char column truncated them: spec §1.3).
        access = "AAEAA" + secrets.token_urlsafe(460)
        chain.refresh_token = f"Gcp7!IAAAA{secrets.token_urlsafe(180)}"
        chain.issued_at = now
        self.chains[chain.refresh_token] = chain
        self.access[access] = AccessToken(chain.grant, now)
        self.tokens_issued += 1
        return {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": str(self.config.access_token_seconds),
            "refresh_token": chain.refresh_token,
        }

    @staticmethod
    def _bad_chain() -> TokenError:
        message = "Token is not allowed, because of invalid or empty chainId"
        return TokenError(400, "invalid_grant", message, f"Unknown: {message}")
