"""Fixtures for running the real client against the sandbox (in-process WSGI)."""

import httpx
import pytest

from exact_client.client import ExactClient
from exact_client.oauth import OAuthApp
from exact_client.requestor import RetryPolicy
from exact_client.tokens import MemoryTokenStore
from exact_sandbox.config import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.sandbox_fixtures import DEMO_REDIRECT_URI, SANDBOX_BASE_URL, authorize

DIVISION = 100001


@pytest.fixture
def oauth_app():
    return OAuthApp(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REDIRECT_URI, SANDBOX_BASE_URL)


@pytest.fixture
def token_store(oauth_app, sandbox_http, sandbox_clock):
    """A store holding a fresh pair obtained through the real code flow."""
    code = authorize(sandbox_http)
    return MemoryTokenStore(oauth_app.exchange_code(code, sandbox_http, sandbox_clock.now))


@pytest.fixture
def make_client(oauth_app, token_store, sandbox_http, sandbox_clock):
    """Build an `ExactClient` on the sandbox; `sleep` moves the sandbox clock."""

    def build(division=DIVISION, http: httpx.Client | None = None, **options):
        options.setdefault("retry", RetryPolicy(max_retries=2, base_delay=0.5))
        return ExactClient(
            base_url=SANDBOX_BASE_URL,
            division=division,
            app=oauth_app,
            store=options.pop("store", token_store),
            http=http or sandbox_http,
            clock=sandbox_clock.now,
            sleep=sandbox_clock.advance,
            **options,
        )

    return build


@pytest.fixture
def client(make_client):
    return make_client()
