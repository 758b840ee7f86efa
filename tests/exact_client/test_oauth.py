"""The code flow against the sandbox's OAuth endpoints (spec §1.3-§1.7)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from exact_client.errors import TokenRefused
from exact_client.hosts import COUNTRY_HOSTS
from exact_client.oauth import OAuthApp
from tests.sandbox_fixtures import SANDBOX_BASE_URL, authorize


def test_country_hosts():
    assert COUNTRY_HOSTS["nl"] == "https://start.exactonline.nl"
    assert COUNTRY_HOSTS["uk"] == "https://start.exactonline.co.uk"
    assert COUNTRY_HOSTS["us"] == "https://start.exactonline.com"
    assert set(COUNTRY_HOSTS) == {"nl", "be", "uk", "de", "fr", "es", "us"}


def test_authorize_url_forces_login_and_carries_state():
    app = OAuthApp(
        "{cid}", "s", "https://app.test/exact/callback?x=1", "https://start.exactonline.nl/"
    )
    url = urlsplit(app.authorize_url(state="a b&c"))
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "start.exactonline.nl",
        "/api/oauth2/auth",
    )
    assert parse_qs(url.query) == {
        "client_id": ["{cid}"],
        "redirect_uri": ["https://app.test/exact/callback?x=1"],
        "response_type": ["code"],
        "force_login": ["1"],
        "state": ["a b&c"],
    }
    assert parse_qs(urlsplit(app.authorize_url("s", force_login=False)).query)["force_login"] == [
        "0"
    ]


def test_authorize_url_is_accepted_by_the_sandbox(oauth_app, sandbox_http):
    page = sandbox_http.get(oauth_app.authorize_url(state="xyz"))
    assert page.status_code == 200
    assert "password" in page.text.lower()


def test_exchange_code_returns_a_pair_stamped_with_the_clock(
    oauth_app, sandbox_http, sandbox_clock
):
    code = authorize(sandbox_http)
    assert "!" in code  # decoded, as the callback hands it over
    pair = oauth_app.exchange_code(code, sandbox_http, sandbox_clock.now)
    assert pair.issued_at == sandbox_clock.now()
    assert pair.access_token and pair.refresh_token
    assert pair.access_token not in repr(pair) and pair.refresh_token not in repr(pair)


def test_a_reused_code_is_refused(oauth_app, sandbox_http, sandbox_clock):
    code = authorize(sandbox_http)
    oauth_app.exchange_code(code, sandbox_http, sandbox_clock.now)
    with pytest.raises(TokenRefused) as caught:
        oauth_app.exchange_code(code, sandbox_http, sandbox_clock.now)
    assert caught.value.status == 400 and not caught.value.retriable


def test_refresh_rotates_the_refresh_token(oauth_app, sandbox_http, sandbox_clock, token_store):
    first = token_store.pair
    sandbox_clock.advance(575)
    second = oauth_app.refresh(first.refresh_token, sandbox_http, sandbox_clock.now)
    assert second.refresh_token != first.refresh_token
    assert second.issued_at == sandbox_clock.now()
    sandbox_clock.advance(575)
    with pytest.raises(TokenRefused) as caught:
        oauth_app.refresh(first.refresh_token, sandbox_http, sandbox_clock.now)
    assert "Old refresh token used" in str(caught.value)


def test_refresh_too_early_is_refused_with_exacts_reason(
    oauth_app, sandbox_http, sandbox_clock, token_store
):
    sandbox_clock.advance(100)
    with pytest.raises(TokenRefused) as caught:
        oauth_app.refresh(token_store.pair.refresh_token, sandbox_http, sandbox_clock.now)
    assert caught.value.too_early
    assert caught.value.reason.startswith("TooEarlyToRefreshTokens")


def test_base_url_with_trailing_slash_still_works(sandbox_http, sandbox_clock, oauth_app):
    app = OAuthApp(
        oauth_app.client_id, oauth_app.client_secret, oauth_app.redirect_uri, SANDBOX_BASE_URL + "/"
    )
    pair = app.exchange_code(authorize(sandbox_http), sandbox_http, sandbox_clock.now)
    assert pair.access_token
