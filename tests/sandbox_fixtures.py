"""Pytest fixtures and helpers for talking to the Exact Online sandbox.

Registered as a plugin from `tests/conftest.py`. In-process clients should use
`SandboxTransport` (what `sandbox_http` uses): it turns the sandbox's simulated
dropped connections and timeouts into the httpx errors a real socket would give.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from exact_sandbox.app import make_app
from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    SandboxConfig,
)
from exact_sandbox.faults import ConnectionDropped, SimulatedTimeout
from exact_sandbox.seed import build_state
from exact_sandbox.server import ServerHandle, serve_in_thread
from exact_sandbox.state import SandboxState

SANDBOX_BASE_URL = "http://sandbox.test"
DEMO_REDIRECT_URI = "http://127.0.0.1:8000/exact/callback"
# 2026-03-02 09:00:00 UTC (10:00 in Amsterdam), a Monday: a fixed start for frozen clocks.
SANDBOX_EPOCH = 1772442000.0


class SandboxTransport(httpx.WSGITransport):
    """WSGI transport that raises httpx's own errors for the sandbox's network faults."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return super().handle_request(request)
        except ConnectionDropped as error:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from error
        except SimulatedTimeout as error:
            raise httpx.ReadTimeout("timed out", request=request) from error


def sandbox_client(app, base_url: str = SANDBOX_BASE_URL) -> httpx.Client:
    """An httpx client talking to a sandbox WSGI app in-process."""
    return httpx.Client(transport=SandboxTransport(app=app), base_url=base_url)


def authorize(
    http: httpx.Client,
    *,
    client_id: str = DEMO_CLIENT_ID,
    redirect_uri: str = DEMO_REDIRECT_URI,
    username: str = DEMO_USERNAME,
    password: str = DEMO_PASSWORD,
    state: str = "sandbox-state",
    divisions: list[int] | None = None,
) -> str:
    """Run the browser part of the code flow (login form, Grant) and return the decoded code.

    `divisions` restricts the consent to those administrations (default: all of the user's).
    """
    params = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "force_login": "1",
        "state": state,
    }
    page = http.get("/api/oauth2/auth", params=params)
    assert page.status_code == 200, page.text
    login = http.post(
        "/api/oauth2/login", data={**params, "username": username, "password": password}
    )
    assert 'value="grant"' in login.text, login.text
    chosen = divisions if divisions is not None else _offered_divisions(login.text)
    consent = http.post(
        "/api/oauth2/consent",
        data={**params, "decision": "grant", "division": [str(d) for d in chosen]},
    )
    assert consent.status_code == 302, consent.text
    answer = parse_qs(urlsplit(consent.headers["location"]).query)
    assert answer["state"] == [state]
    return answer["code"][0]


def _offered_divisions(consent_html: str) -> list[int]:
    marker = 'name="division" value="'
    return [int(part.split('"', 1)[0]) for part in consent_html.split(marker)[1:]]


def exchange_code(
    http: httpx.Client,
    code: str,
    *,
    client_id: str = DEMO_CLIENT_ID,
    client_secret: str = DEMO_CLIENT_SECRET,
    redirect_uri: str = DEMO_REDIRECT_URI,
) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "client_secret": client_secret,
    }
    return http.post("/api/oauth2/token", data=form)


def refresh_tokens(
    http: httpx.Client,
    refresh_token: str,
    *,
    client_id: str = DEMO_CLIENT_ID,
    client_secret: str = DEMO_CLIENT_SECRET,
) -> httpx.Response:
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": client_id,
        "client_secret": client_secret,
    }
    return http.post("/api/oauth2/token", data=form)


def demo_token_pair(http: httpx.Client, **authorize_options) -> dict:
    """A fresh token response for the demo app and demo user:
    `{"access_token", "token_type", "expires_in", "refresh_token"}`."""
    response = exchange_code(http, authorize(http, **authorize_options))
    assert response.status_code == 200, response.text
    return response.json()


def api_headers(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}", "Accept": "application/json"}


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock(frozen_at=SANDBOX_EPOCH)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=300, customers=200)


@pytest.fixture
def sandbox_state(sandbox_config: SandboxConfig, sandbox_clock: SandboxClock) -> SandboxState:
    return build_state(sandbox_config, sandbox_clock)


@pytest.fixture
def sandbox_app(sandbox_state: SandboxState):
    return make_app(sandbox_state)


@pytest.fixture
def sandbox_http(sandbox_app) -> Iterator[httpx.Client]:
    with sandbox_client(sandbox_app) as client:
        yield client


@pytest.fixture
def demo_tokens(sandbox_http: httpx.Client) -> dict:
    return demo_token_pair(sandbox_http)


@pytest.fixture
def live_sandbox(sandbox_state: SandboxState) -> Iterator[ServerHandle]:
    handle = serve_in_thread(sandbox_state, host="127.0.0.1", port=0)
    yield handle
    handle.stop()
