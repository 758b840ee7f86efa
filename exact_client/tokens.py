"""Token pairs, the store the caller implements, and the refresh policy (spec §1.4-§1.7, §6)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import httpx

from .errors import (
    AuthError,
    RefreshTooEarly,
    ServerError,
    TokenChainDead,
    TokenRefused,
    TransportError,
)

if TYPE_CHECKING:
    from .oauth import OAuthApp

# Exact refuses a refresh sooner than 570 s after the last token was received; the access token
# dies at 600 s (spec §1.5). Refresh in that window, never earlier.
REFRESH_AFTER = 570.0
DEFAULT_EXPIRES_IN = 600.0
EXPIRY_MARGIN = 30.0  # refresh this long before a token that lives shorter than Exact's 600 s
# Waits before the second and third try of a refresh whose answer was lost (5xx, timeout,
# garbled): the same refresh token each time (spec §1.7).
REFRESH_RETRY_WAITS = (2.0, 5.0)


@dataclass(frozen=True)
class TokenPair:
    """An access token, its refresh token, when Exact issued them (epoch seconds), and the
    access token's lifetime (`expires_in`, 600 s at Exact; a store may leave it out)."""

    access_token: str
    refresh_token: str
    issued_at: float
    expires_in: float = DEFAULT_EXPIRES_IN

    def __repr__(self) -> str:  # never leak tokens into logs or tracebacks
        return f"TokenPair(issued_at={self.issued_at!r})"


class TokenStore(Protocol):
    """Where the caller keeps one connection's token pair (Salesdesk: the database)."""

    def load(self) -> TokenPair | None:
        """The current pair, or None when the connection was never authorized."""

    def save(self, pair: TokenPair) -> None:
        """Persist `pair`; the client calls this before it uses the new access token."""

    def lock(self) -> AbstractContextManager[object]:
        """Exclusive per connection, across threads and processes, around a refresh."""

    def mark_dead(self, reason: str) -> None:
        """The refresh chain is gone: the connection needs a new browser consent."""


class TokenManager:
    """Hands out a valid access token, refreshing it in the 570-600 s window under the lock."""

    def __init__(
        self,
        store: TokenStore,
        app: OAuthApp,
        http: httpx.Client,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._store = store
        self._app = app
        self._http = http
        self._clock = clock
        self._sleep = sleep

    def current(self) -> TokenPair:
        """The stored pair; AuthError when there is none."""
        pair = self._store.load()
        if pair is None:
            raise AuthError("this connection is not authorized with Exact Online yet")
        return pair

    def refresh_due(self, pair: TokenPair) -> bool:
        """True once 570 s have passed since the pair was issued (sooner only for a token
        that the server said lives shorter than 600 s)."""
        return self._clock() >= pair.issued_at + refresh_after(pair)

    def access_token(self) -> str:
        """A usable access token; refreshes (and saves) first when the current one is due."""
        pair = self.current()
        if not self.refresh_due(pair):
            return pair.access_token
        with self._store.lock():
            pair = self.current()  # another process may have refreshed while we waited
            if not self.refresh_due(pair):
                return pair.access_token
            new = self._refresh(pair)
            self._store.save(new)
            return new.access_token

    def _refresh(self, pair: TokenPair) -> TokenPair:
        """A lost answer (5xx, timeout, garbled) does not end the chain: Exact may not have
        handled the call, so the same refresh token is tried again. If Exact did rotate it
        (spec §1.7, pitfall 2), it refuses the old token and the chain is dead, as it was
        anyway. When every try is lost, the error is raised (retriable) and the stored pair
        stays, to be tried again later."""
        waits = list(REFRESH_RETRY_WAITS)
        while True:
            try:
                return self._refresh_once(pair)
            except (TransportError, ServerError):
                if not waits:
                    raise
                self._sleep(waits.pop(0))

    def _refresh_once(self, pair: TokenPair) -> TokenPair:
        try:
            return self._app.refresh(pair.refresh_token, self._http, self._clock)
        except TokenRefused as exc:
            if exc.too_early:
                raise RefreshTooEarly(str(exc)) from exc
            self._store.mark_dead(str(exc))
            raise TokenChainDead(f"the refresh chain is dead: {exc}") from exc


def refresh_after(pair: TokenPair) -> float:
    """Seconds after issue when `pair` is refreshed: 570, or just before a shorter expiry."""
    try:
        lifetime = float(pair.expires_in)
    except (TypeError, ValueError):
        lifetime = DEFAULT_EXPIRES_IN
    if lifetime <= 0:
        lifetime = DEFAULT_EXPIRES_IN
    return min(REFRESH_AFTER, max(lifetime - EXPIRY_MARGIN, lifetime / 2))


class MemoryTokenStore:
    """A `TokenStore` in memory, for scripts and tests (one process only)."""

    def __init__(self, pair: TokenPair | None = None) -> None:
        self.pair = pair
        self.dead_reason: str | None = None
        self.saves = 0
        self._lock = threading.RLock()

    def load(self) -> TokenPair | None:
        return self.pair

    def save(self, pair: TokenPair) -> None:
        self.pair = pair
        self.dead_reason = None
        self.saves += 1

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        with self._lock:
            yield

    def mark_dead(self, reason: str) -> None:
        self.dead_reason = reason
