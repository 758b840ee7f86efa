"""Spec audit, OAuth side (spec §1.3-§1.5): what a foreign client sees over raw HTTP."""

from urllib.parse import parse_qs, urlsplit

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import (
    DEMO_REDIRECT_URI,
    api_headers,
    authorize,
    exchange_code,
    refresh_tokens,
)

ODD_STATE = "a b&c=d/é+%?#"
ME = "/api/v1/current/Me"


def _auth_params(**extra: str) -> dict[str, str]:
    return {
        "client_id": DEMO_CLIENT_ID,
        "redirect_uri": DEMO_REDIRECT_URI,
        "response_type": "code",
        "force_login": "1",
        **extra,
    }


def test_state_is_echoed_verbatim_and_the_redirect_uri_keeps_its_query(sandbox_http):
    redirect_uri = DEMO_REDIRECT_URI + "?next=%2Forders"
    params = _auth_params(redirect_uri=redirect_uri, state=ODD_STATE)
    sandbox_http.post("/api/oauth2/login", data={**params, "username": "demo", "password": "demo"})

    granted = sandbox_http.post(
        "/api/oauth2/consent", data={**params, "decision": "grant", "division": ["100001"]}
    )
    denied = sandbox_http.post("/api/oauth2/consent", data={**params, "decision": "deny"})

    for response, answer in ((granted, "code"), (denied, "error")):
        location = urlsplit(response.headers["Location"])
        query = parse_qs(location.query)
        assert response.status_code == 302
        assert f"{location.scheme}://{location.netloc}{location.path}" == DEMO_REDIRECT_URI
        assert query["next"] == ["/orders"]
        assert query["state"] == [ODD_STATE]
        assert answer in query
    assert parse_qs(urlsplit(denied.headers["Location"]).query)["error"] == ["access_denied"]


def test_client_id_in_braces_works_at_the_token_endpoint_as_on_the_login_page(sandbox_http):
    braced = "{" + DEMO_CLIENT_ID + "}"
    code = authorize(sandbox_http, client_id=braced)

    response = exchange_code(sandbox_http, code, client_id=braced)

    assert response.status_code == 200, response.text
    assert response.json()["expires_in"] == "600"


def test_a_too_early_refresh_leaves_the_refresh_token_usable(
    sandbox_http, sandbox_clock, demo_tokens
):
    sandbox_clock.advance(300)
    early = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])
    sandbox_clock.advance(270)
    on_time = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])

    assert early.status_code == 400
    assert on_time.status_code == 200
    assert on_time.headers["Content-Type"].startswith("application/json")
    assert set(on_time.json()) == {"access_token", "token_type", "expires_in", "refresh_token"}
    assert on_time.json()["expires_in"] == "600"


def test_the_570_seconds_count_from_the_latest_refresh(sandbox_http, sandbox_clock, demo_tokens):
    sandbox_clock.advance(600)
    second = refresh_tokens(sandbox_http, demo_tokens["refresh_token"]).json()
    sandbox_clock.advance(569)
    too_early = refresh_tokens(sandbox_http, second["refresh_token"])
    sandbox_clock.advance(1)
    third = refresh_tokens(sandbox_http, second["refresh_token"])

    assert too_early.status_code == 400
    assert too_early.json()["error"] == "access_denied"
    assert third.status_code == 200


def test_access_tokens_live_600_seconds_from_issue_even_after_a_refresh(
    sandbox_http, sandbox_clock, demo_tokens
):
    sandbox_clock.advance(580)
    fresh = refresh_tokens(sandbox_http, demo_tokens["refresh_token"]).json()

    sandbox_clock.advance(19)
    old_still_valid = sandbox_http.get(ME, headers=api_headers(demo_tokens["access_token"]))
    sandbox_clock.advance(1)
    old_expired = sandbox_http.get(ME, headers=api_headers(demo_tokens["access_token"]))
    sandbox_clock.advance(579)
    new_still_valid = sandbox_http.get(ME, headers=api_headers(fresh["access_token"]))
    sandbox_clock.advance(1)
    new_expired = sandbox_http.get(ME, headers=api_headers(fresh["access_token"]))

    assert [old_still_valid.status_code, old_expired.status_code] == [200, 401]
    assert [new_still_valid.status_code, new_expired.status_code] == [200, 401]
