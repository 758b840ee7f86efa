"""The one place an HTTP client for Exact Online is made: never without a timeout."""

from __future__ import annotations

import httpx


def http_client(*, timeout: float, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A new `httpx.Client` whose every request gives up after `timeout` seconds.

    `transport`: another way to send (tests route it to an in-process sandbox).
    """
    return httpx.Client(timeout=timeout, transport=transport)
