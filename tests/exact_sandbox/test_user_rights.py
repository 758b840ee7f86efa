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


# Issue 20's writes and reads, with the scope area each needs (exact-online-fields.md).
ISSUE_20 = [
    ("crm/Quotations", "POST", "Crm quotes"),
    ("crm/AcceptQuotation", "POST", "Crm quotes"),
    ("crm/Accounts", "POST", "Crm accounts"),
    ("crm/Contacts", "POST", "Crm accounts"),
    ("crm/Addresses", "POST", "Crm accounts"),
    ("sales/ShippingMethods", "GET", "Sales orders"),
    ("cashflow/PaymentConditions", "GET", "Financial cashflow"),
    ("sync/CRM/QuotationHeaders", "GET", "Crm quotes"),
]


def _answer(http, token, endpoint, action) -> bool:
    response = ask(http, token, f"'{endpoint}'", f"'{action}'")
    assert response.status_code == 200, response.text
    return response.json()["d"]["UserHasRights"]


@pytest.mark.parametrize(("endpoint", "action", "area"), ISSUE_20)
def test_issue_20_calls_follow_their_scope(
    sandbox_http, sandbox_state, demo_tokens, endpoint, action, area
):
    token = demo_tokens["access_token"]
    granted = _answer(sandbox_http, token, endpoint, action)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[area])
    withheld = _answer(sandbox_http, token, endpoint, action)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[], read_only=[area])
    read_only = _answer(sandbox_http, token, endpoint, action)

    assert (granted, withheld, read_only) == (True, False, action == "GET")


def test_other_areas_leave_a_call_allowed(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=["Crm quotes", "Financial cashflow"])
    token = demo_tokens["access_token"]

    assert _answer(sandbox_http, token, "crm/Accounts", "POST") is True
    assert _answer(sandbox_http, token, "sales/ShippingMethods", "GET") is True
    assert _answer(sandbox_http, token, "crm/Quotations", "POST") is False


@pytest.mark.parametrize(
    ("endpoint", "action"),
    [("sync/CRM/QuotationHeaders", "POST"), ("crm/AcceptQuotation", "GET"),
     ("sales/ShippingMethods", "DELETE"), ("crm/Quotationz", "POST")],
    ids=["sync-feed-post", "action-get", "list-delete", "misspelt"],
)  # fmt: skip
def test_a_call_exact_does_not_have_is_never_allowed(sandbox_http, demo_tokens, endpoint, action):
    assert _answer(sandbox_http, demo_tokens["access_token"], endpoint, action) is False


def test_asking_is_not_billed(sandbox_http, sandbox_state, demo_tokens):
    """Exact does not bill UserHasRights (spec §5.2): a spent minute still answers, and the
    answers take nothing of the budget a billed call then reports."""
    token = demo_tokens["access_token"]
    limit = sandbox_state.config.minutely_limit
    answers = [ask(sandbox_http, token) for _ in range(limit + 5)]
    billed = sandbox_http.get("/api/v1/100001/sales/ShippingMethods", headers=api_headers(token))

    assert {response.status_code for response in answers} == {200}
    assert not any("X-RateLimit-Minutely-Remaining" in r.headers for r in answers)
    assert billed.headers["X-RateLimit-Minutely-Remaining"] == str(limit - 1)
