"""The browser side of the OAuth2 code flow: login, consent, redirects (spec §1.3)."""

from urllib.parse import parse_qs, urlsplit

from exact_sandbox.config import DEMO_CLIENT_ID
from tests.sandbox_fixtures import DEMO_REDIRECT_URI, authorize

PARAMS = {
    "client_id": DEMO_CLIENT_ID,
    "redirect_uri": DEMO_REDIRECT_URI,
    "response_type": "code",
    "state": "s-123",
}
LOGIN = {**PARAMS, "username": "demo", "password": "demo"}


def _query(response) -> dict[str, list[str]]:
    return parse_qs(urlsplit(response.headers["location"]).query)


def test_login_page_is_a_plain_form_with_labelled_fields(sandbox_http):
    page = sandbox_http.get("/api/oauth2/auth", params=PARAMS)

    assert page.status_code == 200
    assert '<form method="post"' in page.text
    assert '<label for="username">Username</label>' in page.text
    assert '<label for="password">Password</label>' in page.text
    assert 'value="s-123"' in page.text


def test_unknown_client_gets_exacts_not_found_page(sandbox_http):
    page = sandbox_http.get("/api/oauth2/auth", params={**PARAMS, "client_id": "nobody"})

    assert page.status_code == 400
    assert "location" not in page.headers
    assert "Client with identifier &#x27;nobody&#x27; not found." in page.text


def test_unregistered_redirect_uri_is_an_error_page_not_a_redirect(sandbox_http):
    params = {**PARAMS, "redirect_uri": "https://evil.example/callback"}

    page = sandbox_http.get("/api/oauth2/auth", params=params)
    posted = sandbox_http.post("/api/oauth2/login", data={**LOGIN, **params})

    assert page.status_code == posted.status_code == 400
    assert "location" not in page.headers and "location" not in posted.headers
    assert "redirect_uri" in page.text


def test_wrong_password_shows_the_login_form_again(sandbox_http):
    page = sandbox_http.post("/api/oauth2/login", data={**LOGIN, "password": "nope"})

    assert page.status_code == 200
    assert "The username or password is incorrect." in page.text
    assert "Set-Cookie" not in page.headers


def test_consent_names_the_app_and_the_administrations(sandbox_http):
    page = sandbox_http.post("/api/oauth2/login", data=LOGIN)

    assert "<strong>Salesdesk</strong>" in page.text
    for name in (
        "Demo Wholesale B.V. (100001)",
        "Demo Wholesale BV (100002)",
        "Demo Retail Nederland",
    ):
        assert name in page.text
    assert ">Grant</button>" in page.text and ">Deny</button>" in page.text


def test_grant_redirects_with_an_url_encoded_code_and_the_state(sandbox_http):
    sandbox_http.post("/api/oauth2/login", data=LOGIN)

    answer = sandbox_http.post(
        "/api/oauth2/consent", data={**PARAMS, "decision": "grant", "division": "100001"}
    )

    assert answer.status_code == 302
    location = answer.headers["location"]
    assert location.startswith(DEMO_REDIRECT_URI + "?code=")
    assert "%21" in location and "!" not in location
    assert "!" in _query(answer)["code"][0]
    assert _query(answer)["state"] == ["s-123"]


def test_deny_redirects_with_access_denied_and_the_state(sandbox_http):
    sandbox_http.post("/api/oauth2/login", data=LOGIN)

    answer = sandbox_http.post("/api/oauth2/consent", data={**PARAMS, "decision": "deny"})

    assert answer.status_code == 302
    assert _query(answer) == {"error": ["access_denied"], "state": ["s-123"]}


def test_logged_in_browser_goes_straight_to_consent_unless_force_login(sandbox_http):
    sandbox_http.post("/api/oauth2/login", data=LOGIN)

    remembered = sandbox_http.get("/api/oauth2/auth", params=PARAMS)
    forced = sandbox_http.get("/api/oauth2/auth", params={**PARAMS, "force_login": "1"})

    assert ">Grant</button>" in remembered.text
    assert "Username" in forced.text and ">Grant</button>" not in forced.text


def test_consent_without_a_session_asks_to_log_in(sandbox_http):
    answer = sandbox_http.post("/api/oauth2/consent", data={**PARAMS, "decision": "grant"})

    assert answer.status_code == 200
    assert "Log in again" in answer.text


def test_consent_needs_at_least_one_administration(sandbox_http):
    sandbox_http.post("/api/oauth2/login", data=LOGIN)

    answer = sandbox_http.post("/api/oauth2/consent", data={**PARAMS, "decision": "grant"})

    assert answer.status_code == 200
    assert "Choose at least one administration." in answer.text


def test_authorize_helper_returns_a_code(sandbox_http):
    assert "!" in authorize(sandbox_http)
