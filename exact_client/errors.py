"""The error tree of the client: every failure says in plain words whether a retry can help.

The caller (Salesdesk tasks) decides by type: `AuthError` -> re-authorize; `RateLimited` ->
retry at `reset_at`; `retriable` -> back off and retry; anything else -> record and raise.
"""

from __future__ import annotations


class ExactError(Exception):
    """Base of every error raised by `exact_client`."""

    retriable: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NoSuchEndpoint(ExactError, LookupError):
    """The resource has no such variant in Exact (e.g. no `bulk/` endpoint for price lists)."""


class AuthError(ExactError):
    """The connection needs (re-)authorization: no token, a refused token, or a 401 that stays."""


class AccessTokenRefused(AuthError):
    """Exact answered 401 to an access token it issued, again after a retry (spec §1.5,
    pitfall 5: this happens for a few minutes after a refresh). The refresh chain is not
    known to be dead: the caller may wait and try again before asking for a new consent."""


class TokenChainDead(AuthError):
    """The refresh-token chain is gone (rotated elsewhere, expired, or its response was lost).

    Only a new browser consent fixes it (spec §1.4, §1.7, pitfalls 1-2).
    """


class TokenRefused(AuthError):
    """The token endpoint answered 4xx; `error`, `description` and `reason` are Exact's words."""

    def __init__(self, *, status: int, error: str, description: str, reason: str) -> None:
        text = f"Exact Online refused the token request (HTTP {status}): {error} {description}"
        super().__init__(text.strip())
        self.status = status
        self.error = error
        self.description = description
        self.reason = reason

    @property
    def too_early(self) -> bool:
        """The 570 s rule (spec §1.5): the chain is intact, the request was just too soon."""
        words = f"{self.reason} {self.description} {self.error}".lower()
        return "tooearly" in words or "not expired" in words


class RefreshTooEarly(AuthError):
    """Exact says our token is younger than 570 s (clock skew?); the chain is intact."""

    retriable = True


class RateLimited(ExactError):
    """Exact's rate limit was hit; wait until `reset_at` (epoch seconds) before trying again."""

    retriable = True

    def __init__(self, message: str, *, reset_at: float, scope: str) -> None:
        super().__init__(message)
        self.reset_at = reset_at
        self.scope = scope  # "minute" | "day" | "token" (a 429 of the token endpoint)


class DailyLimitExhausted(RateLimited):
    """The day's budget for this app and division is spent; nothing works before `reset_at`."""

    retriable = False

    def __init__(self, message: str, *, reset_at: float) -> None:
        super().__init__(message, reset_at=reset_at, scope="day")


class NotFound(ExactError):
    """404: unknown key or endpoint. Counts toward Exact's hourly error budget (spec §2.1)."""


class Rejected(ExactError):
    """Exact refused the request (400, 403, 405, ...); `message` is Exact's own text."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status

    def __str__(self) -> str:
        return f"Exact Online rejected the request (HTTP {self.status}): {self.message}"


class ServerError(ExactError):
    """5xx, a gateway fault or an HTML maintenance page: Exact is unwell; retry later.

    `ambiguous` is True for a write whose outcome is unknown: it may have been stored.
    """

    retriable = True

    def __init__(self, message: str, *, status: int | None = None, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.ambiguous = ambiguous


class TransportError(ExactError):
    """Timeout, dropped connection, or a truncated/garbled 200 body; retry later.

    `ambiguous` is True for a write whose outcome is unknown: it may have been stored.
    """

    retriable = True

    def __init__(self, message: str, *, ambiguous: bool = False, never_sent: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous
        self.never_sent = never_sent  # the connection failed before the request left


class BlankPicture(ExactError):
    """Exact answered a picture with its blank 1x1 image: what it sends when it does not
    accept the bearer token (spec §4.9, pitfall 22), not the item's picture. Store nothing;
    the picture is still to be fetched. Not retriable at once: the token must recover first.
    """


class PagingError(ExactError):
    """Exact sent a `__next` link that was already followed; following it would never end."""


class UnsafeUrl(ExactError, ValueError):
    """A URL from Exact (`__next`, `PictureUrl`) points away from the connection's host.

    The bearer token is never sent there; this is not retriable.
    """
