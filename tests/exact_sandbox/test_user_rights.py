"""`users/UserHasRights` (spec §9.5): a yes or no, never an error for a missing right."""

import pytest

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import api_headers

URL = "/api/v1/100001/users/UserHasRights"


def ask(http, token, endpoint="'salesorder/SalesOrders'", action="'POST'"):
    params = {"endpoint": endpoint, "action": action}
    return http.get(URL, params=params, headers=api_headers(token))


def test_a_granted_scope_answers_true_in_exacts_shape(sandbox_http, demo_tokens):
    response = ask(sandbox_http, demo_tokens["access_token"])

    assert response.status_code == 200
    assert response.json() == {"d": {"UserHasRights": True}}


def test_a_read_only_scope_answers_false_and_counts_no_error(
    sandbox_http, sandbox_state, demo_tokens
):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[], read_only=["Sales orders"])
    token = demo_tokens["access_token"]

    answers = [ask(sandbox_http, token).json()["d"]["UserHasRights"] for _ in range(12)]
    reading = ask(sandbox_http, token, action="'GET'")

    assert answers == [False] * 12  # twelve answers: no error block after ten
    assert reading.json() == {"d": {"UserHasRights": True}}


@pytest.mark.parametrize(
    ("endpoint", "action"),
    [("salesorder/SalesOrders", "'POST'"), ("'salesorder/SalesOrders'", ""),
     ("'salesorder/SalesOrders'", "'PATCH'")],
    ids=["unquoted", "missing", "unknown-action"],
)  # fmt: skip
def test_a_missing_or_unquoted_parameter_is_a_400(sandbox_http, demo_tokens, endpoint, action):
    response = ask(sandbox_http, demo_tokens["access_token"], endpoint, action)

    assert response.status_code == 400
    assert "error" in response.json()


def test_the_function_needs_the_organization_scope(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Organization administration"])

    response = ask(sandbox_http, demo_tokens["access_token"])

    assert response.status_code == 403


def test_asking_records_no_error_for_the_block(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Sales orders"])

    ask(sandbox_http, demo_tokens["access_token"])
    sandbox_http.post(  # trying the write instead is an error
        "/api/v1/100001/salesorder/SalesOrders",
        json={},
        headers=api_headers(demo_tokens["access_token"]),
    )

    assert sandbox_state.errors.recorded() == 1
