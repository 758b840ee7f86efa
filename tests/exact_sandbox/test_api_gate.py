"""What every API call goes through: bearer, division access, scopes, Accept (spec §1.8, §5.2)."""

from tests.sandbox_fixtures import api_headers, demo_token_pair

ITEMS = "/api/v1/100001/logistics/Items?$select=ID,Code&$filter=Code eq 'A'"


def test_missing_or_unknown_bearer_is_401_with_empty_body(sandbox_http):
    missing = sandbox_http.get(ITEMS, headers={"Accept": "application/json"})
    unknown = sandbox_http.get(ITEMS, headers=api_headers("AAEAAnope"))

    for response in (missing, unknown):
        assert response.status_code == 401
        assert response.content == b""
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "X-RateLimit-Remaining" not in response.headers


def test_division_the_user_did_not_consent_is_403_no_division_access(sandbox_http, sandbox_state):
    tokens = demo_token_pair(sandbox_http, divisions=[100001])

    other = sandbox_http.get(
        "/api/v1/100002/logistics/Items", headers=api_headers(tokens["access_token"])
    )
    unknown = sandbox_http.get(
        "/api/v1/999999/logistics/Items", headers=api_headers(tokens["access_token"])
    )

    for response in (other, unknown):
        assert response.status_code == 403
        assert response.headers["Reason"].startswith("NoDivisionAccess")
        assert "X-RateLimit-Remaining" not in response.headers
    assert sandbox_state.stats.total() == 0


def test_user_without_rights_in_a_division_cannot_grant_it(sandbox_http):
    tokens = demo_token_pair(
        sandbox_http, username="retail", password="retail", divisions=[100001, 100003]
    )

    refused = sandbox_http.get(ITEMS, headers=api_headers(tokens["access_token"]))
    allowed = sandbox_http.get(
        "/api/v1/100003/system/Divisions", headers=api_headers(tokens["access_token"])
    )

    assert refused.status_code == 403
    assert allowed.status_code == 200


def test_withheld_scope_is_403_application_scope_violated(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.set_scopes("5a1e5de5-0000-4000-8000-000000000001", withheld=["Logistics items"])
    headers = api_headers(demo_tokens["access_token"])

    items = sandbox_http.get(ITEMS, headers=headers)
    bulk = sandbox_http.get("/api/v1/100001/bulk/Logistics/Items", headers=headers)
    accounts = sandbox_http.get(
        "/api/v1/100001/crm/Accounts?$select=ID&$filter=Blocked eq false", headers=headers
    )

    for response in (items, bulk):
        assert response.status_code == 403
        message = response.json()["error"]["message"]["value"]
        assert message == "Forbidden - Application Scope Violated. Cannot read"
        assert "X-RateLimit-Remaining" in response.headers
    assert accounts.status_code != 403


def test_read_only_scope_allows_get_but_not_post(sandbox_http, sandbox_state, demo_tokens):
    sandbox_state.set_scopes(
        "5a1e5de5-0000-4000-8000-000000000001", withheld=[], read_only=["Sales orders"]
    )
    headers = api_headers(demo_tokens["access_token"])

    read = sandbox_http.get("/api/v1/100001/salesorder/SalesOrders", headers=headers)
    write = sandbox_http.post("/api/v1/100001/salesorder/SalesOrders", headers=headers, json={})

    assert read.status_code != 403
    assert write.status_code == 403
    assert write.json()["error"]["message"]["value"].endswith("Cannot manage")


def test_a_bare_xml_accept_is_406(sandbox_http, demo_tokens):
    # Without Accept the answer is Atom XML (test_atom.py); plain XML is refused (§3.6 [REP]).
    headers = {
        "Authorization": f"Bearer {demo_tokens['access_token']}",
        "Accept": "application/xml",
    }

    response = sandbox_http.get(ITEMS, headers=headers)

    assert response.status_code == 406
    assert "application/atom+xml" in response.text


def test_current_me_is_one_row_uncounted_without_rate_headers(
    sandbox_http, sandbox_state, demo_tokens
):
    response = sandbox_http.get(
        "/api/v1/current/Me", headers=api_headers(demo_tokens["access_token"])
    )

    assert response.status_code == 200
    rows = response.json()["d"]["results"]
    assert len(rows) == 1
    me = rows[0]
    assert me["CurrentDivision"] == 100001
    assert me["UserName"] == "demo" and me["FullName"] == "Demo User"
    assert me["LanguageCode"] == "en-GB"
    assert me["ServerTime"] == "2026-03-02T10:00:00"  # Amsterdam wall clock (UTC+1 in March)
    assert me["ServerUtcOffset"] == 3600
    assert me["__metadata"]["type"] == "Exact.Web.Api.Models.System.Me"
    assert not any(name.lower().startswith("x-ratelimit") for name in response.headers)
    assert sandbox_state.stats.total() == 0


def test_current_me_honours_select(sandbox_http, demo_tokens):
    response = sandbox_http.get(
        "/api/v1/current/Me?$select=CurrentDivision",
        headers=api_headers(demo_tokens["access_token"]),
    )

    assert set(response.json()["d"]["results"][0]) == {"__metadata", "CurrentDivision"}


def test_current_me_needs_a_bearer(sandbox_http):
    response = sandbox_http.get("/api/v1/current/Me", headers={"Accept": "application/json"})

    assert response.status_code == 401
    assert response.content == b""


def test_non_numeric_division_is_404(sandbox_http, demo_tokens):
    response = sandbox_http.get(
        "/api/v1/abc/logistics/Items", headers=api_headers(demo_tokens["access_token"])
    )

    assert response.status_code == 404
    assert (
        response.json()["error"]["message"]["value"] == "Resource not found for the segment 'abc'."
    )
