"""`GET /api/oauth2/auth` and the login and consent forms behind it (spec §1.3).

Unknown client ids get Exact's "Client with identifier '…' not found." page and
unregistered redirect URIs an error page: neither ever redirects.
"""

from __future__ import annotations

from urllib.parse import urlencode

from . import oauth_html
from .auth_store import Grant
from .config import ClientApp
from .http import Request, Response, html_response, redirect
from .state import SandboxState

SESSION_COOKIE = "ExactSandboxSession"


def _check_params(
    state: SandboxState, params: dict[str, str]
) -> tuple[ClientApp | None, Response | None]:
    client_id = params.get("client_id", "").strip("{}")
    app = state.apps.get(client_id)
    if app is None:
        message = f"Client with identifier '{params.get('client_id', '')}' not found."
        return None, html_response(400, oauth_html.error_page(message))
    if not app.allows_redirect(params.get("redirect_uri", "")):
        message = "The redirect_uri does not match a redirect URI registered for this app."
        return None, html_response(400, oauth_html.error_page(message))
    if params.get("response_type", "code") != "code":
        return None, html_response(400, oauth_html.error_page("Unsupported response_type."))
    return app, None


def _back_to_app(params: dict[str, str], answer: dict[str, str]) -> Response:
    if params.get("state"):
        answer["state"] = params["state"]
    uri = params["redirect_uri"]
    return redirect(uri + ("&" if "?" in uri else "?") + urlencode(answer))


def _consent(
    state: SandboxState, app: ClientApp, username: str, params: dict, error: str = ""
) -> Response:
    user = state.users[username]
    divisions = [(code, state.division_name(code)) for code in user.divisions]
    label = f"{user.full_name} ({user.username})"
    return html_response(200, oauth_html.consent_page(app.name, label, divisions, params, error))


def _session_user(state: SandboxState, req: Request) -> str | None:
    cookie = req.cookie(SESSION_COOKIE)
    return state.auth.sessions.get(cookie) if cookie else None


def authorize(state: SandboxState, req: Request) -> Response:
    """Login page, or straight to consent when the browser is logged in and force_login != 1."""
    params = {name: req.query.get(name, "") for name in oauth_html.AUTH_FIELDS}
    app, refusal = _check_params(state, params)
    if refusal:
        return refusal
    username = _session_user(state, req)
    if username and params["force_login"] != "1":
        return _consent(state, app, username, params)
    return html_response(200, oauth_html.login_page(app.name, params))


def login(state: SandboxState, req: Request) -> Response:
    form = req.form()
    params = {name: form.get(name, "") for name in oauth_html.AUTH_FIELDS}
    app, refusal = _check_params(state, params)
    if refusal:
        return refusal
    user = state.users.get(form.get("username", ""))
    if user is None or user.password != form.get("password"):
        error = "The username or password is incorrect."
        return html_response(200, oauth_html.login_page(app.name, params, error))
    cookie = state.auth.open_session(user.username)
    response = _consent(state, app, user.username, params)
    return response.header(
        "Set-Cookie", f"{SESSION_COOKIE}={cookie}; Path=/; HttpOnly; SameSite=Lax"
    )


def consent(state: SandboxState, req: Request) -> Response:
    form = req.form_lists()
    params = {name: form.get(name, [""])[0] for name in oauth_html.AUTH_FIELDS}
    app, refusal = _check_params(state, params)
    if refusal:
        return refusal
    username = _session_user(state, req)
    if username is None:
        error = "Your session has ended. Log in again."
        return html_response(200, oauth_html.login_page(app.name, params, error))
    if form.get("decision", [""])[0] != "grant":
        return _back_to_app(params, {"error": "access_denied"})
    allowed = state.user_divisions(username)
    chosen = tuple(code for code in allowed if str(code) in form.get("division", []))
    if not chosen:
        return _consent(state, app, username, params, "Choose at least one administration.")
    grant = Grant(client_id=app.client_id, username=username, divisions=chosen)
    code = state.auth.issue_code(grant, params["redirect_uri"], state.clock.now())
    return _back_to_app(params, {"code": code})
