"""`POST /api/oauth2/token`: code exchange, rotation and Exact's refusals (spec §1.3–§1.7)."""

import httpx
import pytest

from exact_sandbox.config import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.sandbox_fixtures import (
    api_headers,
    authorize,
    exchange_code,
    refresh_tokens,
)


def test_code_exchange_returns_exacts_token_shape(sandbox_http):
    response = exchange_code(sandbox_http, authorize(sandbox_http))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "refresh_token"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == "600"
    assert len(body["access_token"]) > 600
    assert "!" in body["refresh_token"]


def test_a_code_works_once(sandbox_http):
    code = authorize(sandbox_http)
    exchange_code(sandbox_http, code)

    again = exchange_code(sandbox_http, code)

    assert again.status_code == 400
    assert again.text == "Bad Request"


def test_a_garbled_code_fails_signed_data_extraction(sandbox_http):
    response = exchange_code(sandbox_http, "stampNL001.garbage!IAAAA")

    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_grant",
        "error_description": "Signed data extraction has failed",
    }


def test_a_code_expires_after_three_minutes(sandbox_http, sandbox_clock):
    code = authorize(sandbox_http)
    sandbox_clock.advance(181)

    response = exchange_code(sandbox_http, code)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert response.headers["Reason"].startswith("Unknown: Token is not allowed")


def test_the_code_must_match_its_redirect_uri(sandbox_http):
    code = authorize(sandbox_http)

    response = exchange_code(sandbox_http, code, redirect_uri="http://127.0.0.1:8000/other")

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_a_wrong_client_secret_is_refused(sandbox_http):
    response = exchange_code(sandbox_http, authorize(sandbox_http), client_secret="wrong")

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_json_bodies_are_refused(sandbox_http):
    form = {"grant_type": "authorization_code", "code": authorize(sandbox_http)}
    response = sandbox_http.post("/api/oauth2/token", json=form)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_refresh_before_570_seconds_is_too_early(sandbox_http, sandbox_clock, demo_tokens):
    sandbox_clock.advance(569)

    response = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])

    assert response.status_code == 400
    assert response.json() == {
        "error": "access_denied",
        "error_description": "Rate limit exceeded: access_token not expired",
    }
    assert response.headers["Reason"] == (
        "TooEarlyToRefreshTokens: Rate limit exceeded: access_token not expired"
    )


def test_refresh_rotates_and_the_old_refresh_token_dies(sandbox_http, sandbox_clock, demo_tokens):
    sandbox_clock.advance(570)
    fresh = refresh_tokens(sandbox_http, demo_tokens["refresh_token"]).json()
    sandbox_clock.advance(600)

    old = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])
    newest = refresh_tokens(sandbox_http, fresh["refresh_token"])

    assert fresh["refresh_token"] != demo_tokens["refresh_token"]
    assert old.status_code == 401
    assert old.json() == {
        "error": "unauthorized_client",
        "error_description": "Old refresh token used.",
    }
    assert newest.status_code == 200


def test_refresh_token_unused_for_30_days_expires(sandbox_http, sandbox_clock, demo_tokens):
    sandbox_clock.advance(30 * 86400 + 1)

    response = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_request"
    # Frozen clock starts 2026-03-02 09:00:00 UTC.
    assert body["error_description"] == (
        "The refresh token expired at 4/1/2026 9:00:00 AM and it is now 4/1/2026 9:00:01 AM."
    )


def test_an_unknown_refresh_token_has_no_chain(sandbox_http, sandbox_clock, demo_tokens):
    sandbox_clock.advance(600)
    response = refresh_tokens(sandbox_http, "Gcp7!IAAAAnot-a-token")

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert response.headers["Reason"].startswith("Unknown: ")


def test_unknown_grant_type(sandbox_http):
    form = {
        "grant_type": "password",
        "client_id": DEMO_CLIENT_ID,
        "client_secret": DEMO_CLIENT_SECRET,
    }

    response = sandbox_http.post("/api/oauth2/token", data=form)

    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_access_token_lives_600_seconds(sandbox_http, sandbox_clock, demo_tokens):
    headers = api_headers(demo_tokens["access_token"])
    assert sandbox_http.get("/api/v1/current/Me", headers=headers).status_code == 200

    sandbox_clock.advance(600)
    expired = sandbox_http.get("/api/v1/current/Me", headers=headers)

    assert expired.status_code == 401
    assert expired.content == b""
    assert "access token expired" in expired.headers["WWW-Authenticate"]


@pytest.mark.parametrize("kind", ["500_after_rotate", "drop_after_commit"])
def test_lost_refresh_response_still_rotates(
    sandbox_http, sandbox_state, sandbox_clock, demo_tokens, kind
):
    sandbox_state.faults.add(kind, "oauth2/token")
    sandbox_clock.advance(600)

    if kind == "500_after_rotate":
        lost = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])
        assert lost.status_code == 500
        assert (
            lost.json()["fault"]["detail"]["errorcode"] == "steps.extractvariables.ExecutionFailed"
        )
    else:
        with pytest.raises(httpx.RemoteProtocolError):
            refresh_tokens(sandbox_http, demo_tokens["refresh_token"])
    retry = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])

    assert retry.status_code == 401
    assert retry.json()["error_description"] == "Old refresh token used."
    assert sandbox_state.auth.tokens_refreshed == 1


def test_token_500_fault_does_not_rotate(sandbox_http, sandbox_state, sandbox_clock, demo_tokens):
    sandbox_state.faults.add("500", "oauth2/token")
    sandbox_clock.advance(600)

    failed = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])
    retry = refresh_tokens(sandbox_http, demo_tokens["refresh_token"])

    assert failed.status_code == 500
    assert retry.status_code == 200
