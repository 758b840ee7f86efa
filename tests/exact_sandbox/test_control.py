"""The `/_sandbox/` control API (README)."""

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import SANDBOX_EPOCH, api_headers, refresh_tokens

ITEMS = "/api/v1/100001/logistics/Items?$select=ID,Code&$filter=Code eq 'A'"


def test_index_lists_the_routes(sandbox_http):
    index = sandbox_http.get("/_sandbox/").json()

    for route in ("POST /_sandbox/reset", "POST /_sandbox/mutate", "GET /_sandbox/stats"):
        assert route in index


def test_clock_advances_and_reports_time(sandbox_http, sandbox_clock):
    answer = sandbox_http.post("/_sandbox/clock", json={"advance_seconds": 90}).json()

    assert answer["now"] == SANDBOX_EPOCH + 90 == sandbox_clock.now()
    assert answer["utc"] == "2026-03-02T09:01:30+00:00"


def test_clock_lets_a_client_refresh_without_waiting(sandbox_http, demo_tokens):
    sandbox_http.post("/_sandbox/clock", json={"advance_seconds": 570})

    assert refresh_tokens(sandbox_http, demo_tokens["refresh_token"]).status_code == 200


def test_faults_are_added_listed_and_cleared(sandbox_http, demo_tokens):
    fault = {"path": "logistics/Items", "method": "GET", "count": 2, "kind": "500"}
    added = sandbox_http.post("/_sandbox/faults", json=fault).json()
    assert added["planned"][0]["count"] == 2
    assert (
        sandbox_http.get(ITEMS, headers=api_headers(demo_tokens["access_token"])).status_code == 500
    )

    sandbox_http.delete("/_sandbox/faults")

    assert sandbox_http.get("/_sandbox/faults").json() == {"planned": []}
    assert (
        sandbox_http.get(ITEMS, headers=api_headers(demo_tokens["access_token"])).status_code == 200
    )


def test_bad_fault_is_a_400(sandbox_http):
    response = sandbox_http.post("/_sandbox/faults", json={"path": "x", "kind": "nope"})

    assert response.status_code == 400
    assert "unknown fault kind" in response.json()["error"]


def test_scopes_can_be_withheld_and_restored(sandbox_http, demo_tokens):
    headers = api_headers(demo_tokens["access_token"])
    withheld = sandbox_http.post(
        "/_sandbox/scopes", json={"client_id": DEMO_CLIENT_ID, "withheld": ["Logistics items"]}
    ).json()
    assert "Logistics items" not in withheld["granted"]
    assert sandbox_http.get(ITEMS, headers=headers).status_code == 403

    sandbox_http.post("/_sandbox/scopes", json={"client_id": DEMO_CLIENT_ID, "withheld": []})

    assert sandbox_http.get(ITEMS, headers=headers).status_code == 200


def test_unknown_scope_area_is_a_400(sandbox_http):
    response = sandbox_http.post("/_sandbox/scopes", json={"withheld": ["Everything"]})

    assert response.status_code == 400


def test_settings_change_limits_and_latency(sandbox_http, sandbox_state):
    answer = sandbox_http.post(
        "/_sandbox/settings", json={"minutely_limit": 5, "error_block": True}
    ).json()

    assert answer["minutely_limit"] == 5 and sandbox_state.config.minutely_limit == 5
    assert sandbox_state.config.error_block is True
    assert sandbox_http.post("/_sandbox/settings", json={"color": "red"}).status_code == 400


def test_stats_count_calls_per_division_and_path(sandbox_http, demo_tokens):
    headers = api_headers(demo_tokens["access_token"])
    sandbox_http.get(ITEMS, headers=headers)
    sandbox_http.get(
        "/api/v1/100001/logistics/Items(guid'00000000-0000-0000-0000-000000000001')",
        headers=headers,
    )
    sandbox_http.get(
        "/api/v1/100002/crm/Accounts?$select=ID&$filter=Blocked eq false", headers=headers
    )
    sandbox_http.get("/api/v1/current/Me", headers=headers)

    stats = sandbox_http.get("/_sandbox/stats").json()

    assert stats["calls"] == {"100001": {"logistics/Items": 2}, "100002": {"crm/Accounts": 1}}
    assert stats["calls_total"] == {"100001": 2, "100002": 1}
    assert stats["tokens"] == {"issued": 1, "refreshed": 0}
    assert set(stats["orders"]) == {"100001", "100002", "100003"}
    assert sandbox_http.post("/_sandbox/stats/reset").json()["calls"] == {}


def test_reset_forgets_tokens_and_faults(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.faults.add("500", "*")

    assert sandbox_http.post("/_sandbox/reset").json() == {"reset": True}

    assert sandbox_state.faults.planned == []
    response = sandbox_http.get(ITEMS, headers=api_headers(demo_tokens["access_token"]))
    assert response.status_code == 401


def test_reseed_rebuilds_data_and_keeps_tokens(sandbox_http, sandbox_state, demo_tokens):
    answer = sandbox_http.post(
        "/_sandbox/reseed", json={"seed": 2, "items": 40, "customers": 30}
    ).json()

    assert answer == {"seed": 2, "items": 40, "customers": 30}
    assert len(sandbox_state.divisions[100001].items) == 40
    assert (
        sandbox_http.get(ITEMS, headers=api_headers(demo_tokens["access_token"])).status_code == 200
    )


def test_mutate_forwards_to_the_data_layer(sandbox_http, sandbox_state):
    before = len(sandbox_state.divisions[100001].items)

    answer = sandbox_http.post("/_sandbox/mutate", json={"division": 100001, "deleted_items": 2})

    assert answer.status_code == 200, answer.text
    assert answer.json()["division"] == 100001
    assert len(sandbox_state.divisions[100001].items) == before - 2


def test_unknown_control_route_is_404(sandbox_http):
    assert sandbox_http.post("/_sandbox/explode").status_code == 404
