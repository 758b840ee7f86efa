"""Planned and random faults on API calls (control API kinds; spec §5, §6)."""

import httpx
import pytest

from tests.sandbox_fixtures import api_headers

ITEMS = "/api/v1/100001/logistics/Items?$select=ID,Code&$filter=Code eq 'A'"
ORDERS = "/api/v1/100001/salesorder/SalesOrders"


@pytest.fixture
def headers(demo_tokens):
    return api_headers(demo_tokens["access_token"])


def _order_body(state) -> dict:
    division = state.divisions[100001]
    account, item = next(iter(division.accounts)), next(iter(division.items))
    return {"OrderedBy": account["ID"], "SalesOrderLines": [{"Item": item["ID"], "Quantity": 1}]}


def test_500_fault_answers_exacts_error_envelope_then_recovers(
    sandbox_http, sandbox_state, headers
):
    sandbox_state.faults.add("500", "logistics/Items", count=2)

    statuses = [sandbox_http.get(ITEMS, headers=headers).status_code for _ in range(3)]

    assert statuses == [500, 500, 200]
    assert sandbox_state.faults.planned == []


def test_500_body_and_rate_headers(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("500", "logistics/Items")

    response = sandbox_http.get(ITEMS, headers=headers)

    assert response.json()["error"]["message"]["value"].startswith("A problem has occurred.")
    assert response.headers["X-RateLimit-Remaining"] == "4999"


def test_fault_matches_path_case_insensitively_and_method(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("503", "SALESORDER/salesorders", method="POST")

    get = sandbox_http.get(ORDERS, headers=headers)
    post = sandbox_http.post(ORDERS, headers=headers, json=_order_body(sandbox_state))

    assert get.status_code == 200
    assert post.status_code == 503
    assert post.headers["Content-Type"].startswith("text/html")


def test_skip_lets_the_first_calls_through(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("500", "*", skip=2, division=100001)

    statuses = [sandbox_http.get(ITEMS, headers=headers).status_code for _ in range(4)]

    assert statuses == [200, 200, 500, 200]


def test_429_fault_looks_like_a_spent_minute(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("429", "logistics/Items")

    response = sandbox_http.get(ITEMS, headers=headers)

    assert response.status_code == 429
    assert response.content == b""
    assert response.headers["X-RateLimit-Minutely-Remaining"] == "0"
    assert "X-RateLimit-Remaining" not in response.headers


def test_html_maintenance_page_can_come_with_200(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("html_maintenance", "logistics/Items", status=200)

    response = sandbox_http.get(ITEMS, headers=headers)

    assert response.status_code == 200
    assert response.text.startswith("<!doctype html>")


def test_appended_error_glues_an_error_after_valid_json(sandbox_http, sandbox_state, headers):
    sandbox_state.faults.add("appended_error", "logistics/Items")

    response = sandbox_http.get(ITEMS, headers=headers)

    assert response.status_code == 200
    assert response.text.endswith(
        '"value":"A problem has occurred. The cause of this issue will be '
        'investigated as soon as possible."}}}'
    )
    with pytest.raises(ValueError):
        response.json()


def test_drop_after_commit_stores_the_order_but_gives_no_answer(
    sandbox_http, sandbox_state, headers
):
    before = sandbox_state.orders_count(100001)
    sandbox_state.faults.add("drop_after_commit", "salesorder/SalesOrders", method="POST")

    with pytest.raises(httpx.RemoteProtocolError):
        sandbox_http.post(ORDERS, headers=headers, json=_order_body(sandbox_state))

    assert sandbox_state.orders_count(100001) == before + 1


def test_drop_before_the_call_stores_nothing(sandbox_http, sandbox_state, headers):
    before = sandbox_state.orders_count(100001)
    sandbox_state.faults.add("drop", "salesorder/SalesOrders", method="POST")

    with pytest.raises(httpx.RemoteProtocolError):
        sandbox_http.post(ORDERS, headers=headers, json=_order_body(sandbox_state))

    assert sandbox_state.orders_count(100001) == before


def test_timeout_in_process_is_a_read_timeout_after_the_call_took_effect(
    sandbox_http, sandbox_state, headers
):
    before = sandbox_state.orders_count(100001)
    sandbox_state.faults.add("timeout", "salesorder/SalesOrders", method="POST")

    with pytest.raises(httpx.ReadTimeout):
        sandbox_http.post(ORDERS, headers=headers, json=_order_body(sandbox_state))

    assert sandbox_state.orders_count(100001) == before + 1


def test_random_fault_rate_is_seeded(sandbox_http, sandbox_state, headers):
    sandbox_state.config.fault_rate = 0.3
    sandbox_state.config.minutely_limit = 1000

    def run() -> list[str]:
        outcomes = []
        for _ in range(40):
            try:
                outcomes.append(str(sandbox_http.get(ITEMS, headers=headers).status_code))
            except httpx.RemoteProtocolError:
                outcomes.append("drop")
        return outcomes

    sandbox_state.faults.rng.seed(7)
    first = run()
    sandbox_state.faults.rng.seed(7)
    second = run()

    assert first == second
    assert 3 <= sum(outcome != "200" for outcome in first) <= 25
    assert set(first) - {"200"} <= {"500", "503", "429", "drop"}


def test_unknown_kind_is_refused(sandbox_state):
    with pytest.raises(ValueError):
        sandbox_state.faults.add("explode", "logistics/Items")
    with pytest.raises(ValueError):
        sandbox_state.faults.add("500_after_rotate", "logistics/Items")


def test_401_fault_refuses_a_valid_token_without_counting_an_error(
    sandbox_http, sandbox_state, headers
):
    sandbox_state.faults.add("401", "logistics/Items", count=12)

    answers = [sandbox_http.get(ITEMS, headers=headers) for _ in range(13)]

    assert [a.status_code for a in answers] == [401] * 12 + [200]
    assert answers[0].content == b""
    assert "access token expired" in answers[0].headers["WWW-Authenticate"]
    assert sandbox_state.errors.recorded() == 0  # twelve 401s, and no hour-long block
