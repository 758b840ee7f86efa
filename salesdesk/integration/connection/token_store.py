"""`DatabaseTokenStore`: exact_client's TokenStore on the ExactConnection row.

Exact rotates the refresh token on every refresh and kills the previous one (spec §1.4,
§1.7 "Old refresh token used"), so two processes refreshing at once break the chain. The
lock is a lease taken by one atomic conditional UPDATE (a compare-and-swap that works the
same on SQLite and PostgreSQL, across threads and processes): whoever flips the lease from
free to theirs refreshes; the others wait, then re-read the pair the winner saved.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator

from django.db import OperationalError
from django.db.models import F, Q

from exact_client import ExactError, TokenPair
from salesdesk.integration.connection.crypto import token_decrypt, token_encrypt
from salesdesk.integration.connection.models import ExactConnection

# Longer than the client's token-call timeout (60 s): a live holder never loses its lease.
LEASE_SECONDS = 120.0
WAIT_SECONDS = 150.0
POLL_SECONDS = 0.02


class TokenLockTimeout(ExactError):
    """Another process held the refresh lease for too long; try again later."""

    retriable = True


class DatabaseTokenStore:
    """One connection's token pair, encrypted in the database, with a cross-process lock."""

    def __init__(
        self,
        connection_id: int,
        *,
        lease_seconds: float = LEASE_SECONDS,
        wait_seconds: float = WAIT_SECONDS,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.connection_id = connection_id
        self._lease_seconds = lease_seconds
        self._wait_seconds = wait_seconds
        self._wall_clock = wall_clock  # the lease is about real processes, not Exact's clock
        self._owner = uuid.uuid4().hex
        self._held = False

    def _rows(self):
        return ExactConnection.objects.filter(pk=self.connection_id)

    def load(self) -> TokenPair | None:
        """The stored pair, decrypted; None when not connected or the chain died."""
        row = (
            self._rows()
            .values(
                "state",
                "access_token_encrypted",
                "refresh_token_encrypted",
                "token_issued_at",
                "token_expires_in",
            )
            .first()
        )
        if row is None or row["state"] != ExactConnection.State.CONNECTED:
            return None
        if not row["refresh_token_encrypted"] or row["token_issued_at"] is None:
            return None
        return TokenPair(
            access_token=token_decrypt(row["access_token_encrypted"]),
            refresh_token=token_decrypt(row["refresh_token_encrypted"]),
            issued_at=row["token_issued_at"],
            expires_in=row["token_expires_in"],
        )

    def save(self, pair: TokenPair) -> None:
        """Store the new pair (before the client uses it); a disconnect meanwhile wins."""
        _retry_locked(
            lambda: (
                self._rows()
                .exclude(state=ExactConnection.State.NOT_CONNECTED)
                .update(
                    access_token_encrypted=token_encrypt(pair.access_token),
                    refresh_token_encrypted=token_encrypt(pair.refresh_token),
                    token_issued_at=pair.issued_at,
                    token_expires_in=pair.expires_in,
                    token_version=F("token_version") + 1,
                    state=ExactConnection.State.CONNECTED,
                    token_problem="",
                )
            )
        )

    def mark_dead(self, reason: str) -> None:
        """The refresh chain is gone: drop the dead tokens, ask the admins to re-authorize."""
        _retry_locked(
            lambda: (
                self._rows()
                .exclude(state=ExactConnection.State.NOT_CONNECTED)
                .update(
                    state=ExactConnection.State.NEEDS_REAUTH,
                    token_problem=reason[:1000],
                    access_token_encrypted="",
                    refresh_token_encrypted="",
                    token_version=F("token_version") + 1,
                )
            )
        )

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the refresh lease of this connection (re-entrant within this store)."""
        if self._held:
            yield
            return
        self._acquire()
        self._held = True
        try:
            yield
        finally:
            self._held = False
            self._release()

    def _acquire(self) -> None:
        deadline = self._wall_clock() + self._wait_seconds
        while True:
            if self._try_acquire():
                return
            if self._wall_clock() >= deadline:
                raise TokenLockTimeout("another process is refreshing this connection's token")
            time.sleep(POLL_SECONDS)

    def _try_acquire(self) -> bool:
        now = self._wall_clock()
        free = Q(token_lock_until__isnull=True) | Q(token_lock_until__lt=now)
        try:
            taken = (
                self._rows()
                .filter(free)
                .update(token_lock_owner=self._owner, token_lock_until=now + self._lease_seconds)
            )
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            return False
        if not taken and not self._rows().exists():
            raise ExactConnection.DoesNotExist(f"no connection {self.connection_id}")
        return taken == 1

    def _release(self) -> None:
        _retry_locked(
            lambda: (
                self._rows()
                .filter(token_lock_owner=self._owner)
                .update(token_lock_owner="", token_lock_until=None)
            )
        )


def _retry_locked(write: Callable[[], int], attempts: int = 50) -> int:
    """Run a write, retrying while SQLite reports the database as locked by another writer."""
    for _ in range(attempts - 1):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(POLL_SECONDS)
    return write()
