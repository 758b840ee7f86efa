"""Calling `handle_rest` directly, as the WSGI app does after auth and rate limits."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import orjson

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from exact_sandbox.http import RestRequest
from exact_sandbox.rest import handle_rest
from exact_sandbox.seed import build_state

BASE = "https://start.exactonline.nl"
DIVISION = 100001
# 2026-03-02 09:00:00 UTC, a Monday in winter time (Amsterdam = UTC+1).
EPOCH = 1772442000.0


def make_state(items: int = 150, customers: int = 80, seed: int = 3, now: float = EPOCH, **config):
    return build_state(
        SandboxConfig(items=items, customers=customers, seed=seed, **config),
        SandboxClock(frozen_at=now),
    )


def call(
    state,
    resource: str,
    query: dict | None = None,
    *,
    method: str = "GET",
    body: object = None,
    headers: dict | None = None,
    division: int = DIVISION,
):
    """(status, decoded JSON or raw bytes) of one REST call."""
    raw = body if isinstance(body, bytes) else (b"" if body is None else orjson.dumps(body))
    request = RestRequest(
        method,
        division,
        resource,
        dict(query or {}),
        raw,
        {k.lower(): v for k, v in (headers or {}).items()},
        BASE,
        username="demo",
        divisions=tuple(sorted(state.divisions)),  # as a consent of every division grants
    )
    response = handle_rest(state, request)
    if response.body[:1] in (b"{", b"["):
        return response.status, orjson.loads(response.body)
    return response.status, response.body


def follow(url: str) -> tuple[str, dict]:
    """(resource, query) of a `__next` link, as S1's app would decode it."""
    parts = urlsplit(url)
    prefix = f"/api/v1/{DIVISION}/"
    assert parts.path.startswith(prefix), url
    return parts.path[len(prefix) :], dict(parse_qsl(parts.query, keep_blank_values=True))


def read_all(state, resource: str, query: dict) -> tuple[list[dict], list[dict]]:
    """Every row over all pages, and the page envelopes (`d` of each answer)."""
    rows, pages = [], []
    while True:
        status, body = call(state, resource, query)
        assert status == 200, body
        pages.append(body["d"])
        rows.extend(body["d"]["results"])
        if "__next" not in body["d"]:
            return rows, pages
        resource, query = follow(body["d"]["__next"])


def error_text(body: dict) -> str:
    return body["error"]["message"]["value"]
