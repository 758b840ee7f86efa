"""`POST /api/oauth2/token`: code exchange and refresh, form-encoded only (spec §1.3–§1.7)."""

from __future__ import annotations

import hmac

from .api import run_with_faults, sleep_latency
from .auth_store import TokenError
from .errors import oauth_error
from .faults import TOKEN_PATH
from .http import Request, Response, json_response, text_response
from .state import SandboxState

FORM = "application/x-www-form-urlencoded"


def _refusal(error: TokenError) -> Response:
    if not error.error:
        return text_response(error.status, error.description)
    return oauth_error(error.status, error.error, error.description, error.reason)


def _exchange(state: SandboxState, form: dict[str, str]) -> Response:
    # The App Center may show the client id wrapped in braces (spec §1.3); the login page
    # accepts that spelling, so the token endpoint does too.
    app = state.apps.get(form.get("client_id", "").strip("{}"))
    secret = form.get("client_secret", "")
    if app is None or not hmac.compare_digest(app.secret.encode(), secret.encode()):
        return oauth_error(401, "invalid_client", "Invalid client credentials.")
    grant_type, now = form.get("grant_type", ""), state.clock.now()
    try:
        if grant_type == "authorization_code":
            body = state.auth.redeem_code(
                form.get("code", ""), app.client_id, form.get("redirect_uri", ""), now
            )
        elif grant_type == "refresh_token":
            body = state.auth.refresh(form.get("refresh_token", ""), app.client_id, now)
        else:
            return oauth_error(
                400, "unsupported_grant_type", f"Unsupported grant_type '{grant_type}'."
            )
    except TokenError as error:
        return _refusal(error)
    return json_response(200, body)


def token(state: SandboxState, req: Request) -> Response:
    """Issue or rotate tokens; planned faults on path `oauth2/token` apply (lost-refresh case)."""
    if not req.headers.get("content-type", "").startswith(FORM):
        return oauth_error(400, "invalid_request", f"The request content type must be {FORM}.")
    form = req.form()
    sleep_latency(state)

    def run() -> Response:
        with state.lock:
            return _exchange(state, form)

    return run_with_faults(state, req, TOKEN_PATH, None, run)
