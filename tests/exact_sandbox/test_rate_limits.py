"""Rate limits per app and division, their headers and the 429s (spec §2)."""

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import SANDBOX_EPOCH, api_headers, demo_token_pair

ITEMS = "/api/v1/100001/logistics/Items?$select=ID,Code&$filter=Code eq 'A'"
MINUTELY = (
    "X-RateLimit-Minutely-Limit",
    "X-RateLimit-Minutely-Remaining",
    "X-RateLimit-Minutely-Reset",
)
DAILY = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def _set_limits(state, minutely, daily):
    state.config.minutely_limit = minutely
    state.config.daily_limit = daily


def test_every_division_call_carries_both_limits_with_millisecond_resets(sandbox_http, demo_tokens):
    response = sandbox_http.get(ITEMS, headers=api_headers(demo_tokens["access_token"]))

    assert response.headers["X-RateLimit-Limit"] == "5000"
    assert response.headers["X-RateLimit-Remaining"] == "4999"
    assert response.headers["X-RateLimit-Minutely-Limit"] == "60"
    assert response.headers["X-RateLimit-Minutely-Remaining"] == "59"
    # The frozen clock stands at 2026-03-02 09:00:00 UTC exactly.
    assert response.headers["X-RateLimit-Minutely-Reset"] == str(int((SANDBOX_EPOCH + 60) * 1000))
    assert response.headers["X-RateLimit-Reset"] == str(int((SANDBOX_EPOCH + 15 * 3600) * 1000))


def test_minute_exhaustion_gives_429_with_only_minutely_headers(
    sandbox_http, sandbox_state, demo_tokens
):
    _set_limits(sandbox_state, minutely=3, daily=100)
    headers = api_headers(demo_tokens["access_token"])
    for _ in range(3):
        assert sandbox_http.get(ITEMS, headers=headers).status_code == 200

    refused = sandbox_http.get(ITEMS, headers=headers)

    assert refused.status_code == 429
    assert refused.content == b""
    assert refused.headers["X-RateLimit-Minutely-Remaining"] == "0"
    assert all(name not in refused.headers for name in DAILY)
    assert sandbox_state.stats.total(100001) == 3
    assert sandbox_state.stats.rate_limited[100001] == 1


def test_the_minute_window_reopens_at_the_next_clock_minute(
    sandbox_http, sandbox_state, sandbox_clock, demo_tokens
):
    _set_limits(sandbox_state, minutely=2, daily=100)
    headers = api_headers(demo_tokens["access_token"])
    sandbox_clock.advance(30)
    sandbox_http.get(ITEMS, headers=headers)
    sandbox_http.get(ITEMS, headers=headers)
    assert sandbox_http.get(ITEMS, headers=headers).status_code == 429

    sandbox_clock.advance(29.9)
    assert sandbox_http.get(ITEMS, headers=headers).status_code == 429
    sandbox_clock.advance(0.1)
    reopened = sandbox_http.get(ITEMS, headers=headers)

    assert reopened.status_code == 200
    assert reopened.headers["X-RateLimit-Minutely-Remaining"] == "1"
    assert reopened.headers["X-RateLimit-Remaining"] == "97"


def test_daily_exhaustion_gives_429_with_only_daily_headers(
    sandbox_http, sandbox_state, sandbox_clock, demo_tokens
):
    _set_limits(sandbox_state, minutely=60, daily=2)
    headers = api_headers(demo_tokens["access_token"])
    sandbox_http.get(ITEMS, headers=headers)
    sandbox_http.get(ITEMS, headers=headers)
    sandbox_clock.advance(120)

    refused = sandbox_http.get(ITEMS, headers=headers)

    assert refused.status_code == 429
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert all(name not in refused.headers for name in MINUTELY)


def test_limits_are_per_division(sandbox_http, sandbox_state, demo_tokens):
    _set_limits(sandbox_state, minutely=1, daily=100)
    headers = api_headers(demo_tokens["access_token"])
    sandbox_http.get(ITEMS, headers=headers)

    other = sandbox_http.get(
        "/api/v1/100002/logistics/Items?$select=ID,Code&$filter=Code eq 'A'", headers=headers
    )

    assert other.status_code == 200
    assert sandbox_http.get(ITEMS, headers=headers).status_code == 429


def test_current_me_is_not_limited(sandbox_http, sandbox_state, demo_tokens):
    _set_limits(sandbox_state, minutely=1, daily=1)
    headers = api_headers(demo_tokens["access_token"])
    sandbox_http.get(ITEMS, headers=headers)

    assert all(
        sandbox_http.get("/api/v1/current/Me", headers=headers).status_code == 200 for _ in range(3)
    )


def test_error_block_after_ten_errors_in_an_hour(
    sandbox_http, sandbox_state, sandbox_clock, demo_tokens
):
    # On by default, as at Exact (spec §2.1).
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Logistics items"])
    headers = api_headers(demo_tokens["access_token"])
    statuses = [sandbox_http.get(ITEMS, headers=headers).status_code for _ in range(11)]

    assert statuses == [403] * 10 + [429]
    blocked = sandbox_http.get(ITEMS, headers=headers)
    assert "more than 10 errors" in blocked.json()["error"]["message"]["value"]
    assert (
        sandbox_http.get(
            "/api/v1/100001/crm/Accounts?$select=ID&$filter=Blocked eq false", headers=headers
        ).status_code
        == 200
    )
    sandbox_clock.advance(3600)
    later = api_headers(demo_token_pair(sandbox_http)["access_token"])
    assert sandbox_http.get(ITEMS, headers=later).status_code == 403


def test_error_block_can_be_switched_off_for_tests_that_need_more_errors(
    sandbox_http, sandbox_state, demo_tokens
):
    sandbox_http.post("/_sandbox/settings", json={"error_block": False})
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Logistics items"])
    headers = api_headers(demo_tokens["access_token"])

    statuses = {sandbox_http.get(ITEMS, headers=headers).status_code for _ in range(12)}

    assert statuses == {403}


def test_the_control_plane_forgets_counted_errors_and_lifts_blocks(
    sandbox_http, sandbox_state, demo_tokens
):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Logistics items"])
    headers = api_headers(demo_tokens["access_token"])
    for _ in range(10):
        sandbox_http.get(ITEMS, headers=headers)
    assert sandbox_http.get(ITEMS, headers=headers).status_code == 429

    answer = sandbox_http.post("/_sandbox/errors/reset", json={})

    assert answer.json() == {"errors": "cleared", "error_block": True}
    statuses = [sandbox_http.get(ITEMS, headers=headers).status_code for _ in range(11)]
    assert statuses == [403] * 10 + [429]  # counting starts again
