"""One HTTP exchange, run in the caller's thread or in a thread of its own.

A sync reads page after page: while the caller stores one page, the next can already be
on its way and parsed (`Requestor.begin_get`). Only the transfer and the reading of the body
run in that thread; the token, the rate gate and the call count stay with the caller, who may
keep them in a database whose connections belong to one thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import httpx


class Exchange:
    """Sends one request and reads a 2xx body with `read`; touches nothing else."""

    def __init__(self, send: Callable[[], httpx.Response], read: Callable) -> None:
        self._send = send
        self._read = read
        self._thread: threading.Thread | None = None
        self.started = time.perf_counter()
        self.response: httpx.Response | None = None
        self.failure: httpx.HTTPError | None = None  # no answer: the connection failed
        self._value: Any = None
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            self.response = self._send()
        except httpx.HTTPError as exc:
            self.failure = exc
            return
        except BaseException as exc:  # handed over to the caller's thread by `join`
            self._error = exc
            return
        if self.response.status_code < 300:
            try:
                self._value = self._read(self.response)
            except BaseException as exc:  # e.g. a garbled body: the caller may retry
                self._error = exc

    def start(self) -> None:
        """Run in a thread of its own; `join` waits for it."""
        self._thread = threading.Thread(target=self.run, name="exact-get-ahead", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait until the exchange is over; re-raise what the send itself raised unexpectedly."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None and self.response is None:
            raise self._error

    def value(self) -> Any:
        """What `read` made of the 2xx body, or its error, raised in the caller's thread."""
        if self._error is not None:
            raise self._error
        return self._value


class PendingGet:
    """A GET started ahead (`Requestor.begin_get`): `result()` gives what `get_json` gives."""

    def __init__(self, finish: Callable[[Exchange], Any], drop: Callable, exchange) -> None:
        self._finish = finish
        self._drop = drop
        self._exchange: Exchange | None = exchange

    def result(self) -> Any:
        """The answer, with every wait, retry and error of the normal request path."""
        exchange, self._exchange = self._exchange, None
        if exchange is None:
            raise RuntimeError("this GET's result was taken already")
        return self._finish(exchange)

    def discard(self) -> None:
        """Nobody wants the answer (the caller stopped): wait for the transfer to end, so no
        thread outlives the caller, and let the gate see the call's rate-limit headers."""
        exchange, self._exchange = self._exchange, None
        if exchange is not None:
            self._drop(exchange)
