"""The sandbox over a real socket (serve_in_thread): flow, keep-alive, dropped and slow answers."""

import time

import httpx
import pytest

from tests.sandbox_fixtures import api_headers, demo_token_pair


@pytest.fixture
def live_http(live_sandbox):
    with httpx.Client(base_url=live_sandbox.url, timeout=5) as client:
        yield client


def test_full_code_flow_and_api_call_over_a_socket(live_http, live_sandbox):
    assert live_sandbox.url.startswith("http://127.0.0.1:")
    tokens = demo_token_pair(live_http)

    me = live_http.get("/api/v1/current/Me", headers=api_headers(tokens["access_token"]))
    items = live_http.get(
        "/api/v1/100001/logistics/Items", headers=api_headers(tokens["access_token"])
    )

    assert me.status_code == 200
    assert me.json()["d"]["results"][0]["UserName"] == "demo"
    assert me.json()["d"]["results"][0]["__metadata"]["uri"].startswith(live_sandbox.url)
    assert items.headers["X-RateLimit-Minutely-Remaining"] == "59"


def test_keep_alive_reuses_one_connection(live_http, live_sandbox):
    responses = [live_http.get("/_sandbox/stats") for _ in range(5)]

    assert all(response.http_version == "HTTP/1.1" for response in responses)
    assert all(response.status_code == 200 for response in responses)
    assert live_sandbox.server.connections_accepted == 1


def test_drop_after_commit_closes_the_socket_without_an_answer(live_http, sandbox_state):
    tokens = demo_token_pair(live_http)
    sandbox_state.faults.add("drop_after_commit", "logistics/Items")

    with pytest.raises(httpx.RemoteProtocolError):
        live_http.get("/api/v1/100001/logistics/Items", headers=api_headers(tokens["access_token"]))

    assert sandbox_state.stats.total(100001) == 1
    assert live_http.get("/_sandbox/").status_code == 200


def test_timeout_fault_outlasts_the_client(live_sandbox, sandbox_state):
    with httpx.Client(base_url=live_sandbox.url, timeout=0.2) as client:
        tokens = demo_token_pair(client)
        sandbox_state.faults.add("timeout", "logistics/Items", seconds=0.6)

        with pytest.raises(httpx.ReadTimeout):
            client.get(
                "/api/v1/100001/logistics/Items", headers=api_headers(tokens["access_token"])
            )


def test_latency_is_added_to_api_calls(live_http, sandbox_state):
    tokens = demo_token_pair(live_http)
    sandbox_state.config.latency_ms = 120

    started = time.perf_counter()
    live_http.get("/api/v1/current/Me", headers=api_headers(tokens["access_token"]))

    assert time.perf_counter() - started >= 0.12


def test_a_bulk_page_is_served_fast(live_http):
    headers = api_headers(demo_token_pair(live_http)["access_token"])
    url = "/api/v1/100001/bulk/Logistics/Items?$select=ID,Code,Description,Modified"
    live_http.get(url, headers=headers)

    timings = []
    for _ in range(5):
        started = time.perf_counter()
        response = live_http.get(url, headers=headers)
        timings.append(time.perf_counter() - started)

    assert response.status_code == 200
    assert sorted(timings)[2] < 0.1
