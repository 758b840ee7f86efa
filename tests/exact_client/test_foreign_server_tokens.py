"""Token-endpoint answers a foreign Exact may give (spec §1.3-§1.7)."""

import httpx
import pytest

from exact_client.errors import (
    AuthError,
    RateLimited,
    RefreshTooEarly,
    TokenChainDead,
    TokenRefused,
    TransportError,
)
from exact_client.tokens import MemoryTokenStore, TokenManager, TokenPair
from tests.exact_client.foreign_server import NOW, Script, app, json_answer

GRANT = {"access_token": "new-access", "refresh_token": "new-refresh", "token_type": "Bearer"}


def exchange(*answers):
    script = Script(*answers)
    http = httpx.Client(transport=httpx.MockTransport(script))
    return app().exchange_code("code!1", http, lambda: NOW), script


def refresh_at(age, *answers):
    """A manager whose stored pair is `age` seconds old; returns (manager, store, script)."""
    script = Script(*answers)
    store = MemoryTokenStore(TokenPair("old-access", "old-refresh", NOW - age))
    http = httpx.Client(transport=httpx.MockTransport(script))
    return TokenManager(store, app(), http, lambda: NOW), store, script


@pytest.mark.parametrize(
    ("expires_in", "expected"), [("600", 600.0), (600, 600.0), ("3600", 3600.0), (None, 600.0)]
)
def test_expires_in_as_string_number_or_missing(expires_in, expected):
    pair, _ = exchange(json_answer({**GRANT, "expires_in": expires_in}))
    assert pair.expires_in == expected and pair.issued_at == NOW


@pytest.mark.parametrize("expires_in", ["", "soon", "0", "-5", True])
def test_junk_expires_in_means_exacts_600(expires_in):
    pair, _ = exchange(json_answer({**GRANT, "expires_in": expires_in}))
    assert pair.expires_in == 600.0


def test_a_token_that_lives_shorter_is_refreshed_before_it_dies_and_never_before_570_else():
    manager, store, script = refresh_at(280, json_answer({**GRANT, "expires_in": "300"}))
    store.pair = TokenPair("old-access", "old-refresh", NOW - 280, expires_in=300.0)
    assert manager.access_token() == "new-access"
    manager, store, script = refresh_at(569, json_answer(GRANT))
    store.pair = TokenPair("old-access", "old-refresh", NOW - 569, expires_in=3600.0)
    assert manager.access_token() == "old-access" and script.seen == []


def test_a_refresh_answer_without_a_refresh_token_keeps_the_old_one():
    manager, store, _ = refresh_at(580, json_answer({"access_token": "new-access"}))
    assert manager.access_token() == "new-access"
    assert store.pair.refresh_token == "old-refresh" and store.dead_reason is None


def test_an_identical_refresh_token_is_fine():
    manager, store, _ = refresh_at(580, json_answer({**GRANT, "refresh_token": "old-refresh"}))
    assert manager.access_token() == "new-access" and store.pair.refresh_token == "old-refresh"


def test_a_code_exchange_without_a_refresh_token_is_a_clear_auth_error():
    with pytest.raises(AuthError, match="no refresh token"):
        exchange(json_answer({"access_token": "a", "expires_in": "600"}))


@pytest.mark.parametrize(
    "answer",
    [
        json_answer({"access_token": None, "refresh_token": "r"}),
        json_answer(["access_token"]),
        httpx.Response(200, content=b"<html>maintenance</html>"),
    ],
)
def test_an_unreadable_token_answer_is_a_transport_error(answer):
    with pytest.raises(TransportError):
        exchange(answer)


def test_a_429_of_the_token_endpoint_is_retriable_and_keeps_the_chain():
    manager, store, _ = refresh_at(580, httpx.Response(429, headers={"Retry-After": "30"}))
    with pytest.raises(RateLimited) as caught:
        manager.access_token()
    assert caught.value.retriable and caught.value.reset_at == NOW + 30
    assert caught.value.scope == "token" and store.dead_reason is None


def test_the_2021_too_early_refusal_with_only_a_reason_header_keeps_the_chain():
    answer = httpx.Response(401, headers={"Reason": "Access Token not expired"})
    manager, store, _ = refresh_at(580, answer)
    with pytest.raises(RefreshTooEarly):
        manager.access_token()
    assert store.dead_reason is None


def test_an_api_shaped_error_on_the_token_endpoint_keeps_exacts_text():
    body = {"error": {"code": "", "message": {"lang": "", "value": "Client not found"}}}
    with pytest.raises(TokenRefused) as caught:
        exchange(json_answer(body, status=400))
    assert caught.value.description == "Client not found"


def test_a_redirect_of_the_refresh_call_kills_the_chain_with_a_clear_reason():
    login = httpx.Response(302, headers={"Location": "/docs/Login.aspx"})
    manager, store, _ = refresh_at(580, login)
    with pytest.raises(TokenChainDead):
        manager.access_token()
    assert "Login.aspx" in store.dead_reason
