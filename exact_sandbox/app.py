"""The sandbox as a WSGI application: routes requests to OAuth, API, pictures and control.

URL layout as on a country host (spec §1.2): `/api/oauth2/…`, `/api/v1/current/Me`,
`/api/v1/{division}/{service}/{Entity}…`, `/docs/SysImage.aspx`, and `/_sandbox/…`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus

from . import control, oauth_pages, oauth_tokens
from .api import handle_division_call, handle_picture
from .errors import odata_error
from .http import Request, Response, json_response
from .me import handle_me
from .placeholders import handle_placeholder, is_placeholder
from .state import SandboxState

API_PREFIX = "/api/v1/"
CONTROL_PREFIX = "/_sandbox/"
OAUTH_ROUTES = {
    ("GET", "/api/oauth2/auth"): oauth_pages.authorize,
    ("POST", "/api/oauth2/login"): oauth_pages.login,
    ("POST", "/api/oauth2/consent"): oauth_pages.consent,
    ("POST", "/api/oauth2/token"): oauth_tokens.token,
}
_REASONS = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


def _api(state: SandboxState, req: Request) -> Response:
    rest = req.path[len(API_PREFIX) :]
    if rest.lower() in ("current/me", "current/me/"):
        return handle_me(state, req)
    division, _, resource = rest.partition("/")
    if not division.isdigit() or not resource:
        return odata_error(404, f"Resource not found for the segment '{division}'.")
    return handle_division_call(state, req, int(division), resource)


def route(state: SandboxState, req: Request) -> Response:
    """The response for one request (may raise the fault exceptions of `faults.py`)."""
    handler = OAUTH_ROUTES.get((req.method, req.path))
    if handler is not None:
        return handler(state, req)
    if req.path.startswith(API_PREFIX):
        return _api(state, req)
    if req.path.lower() == "/docs/sysimage.aspx":
        return handle_picture(state, req)
    if is_placeholder(req.path):
        return handle_placeholder(req)
    if req.path == CONTROL_PREFIX[:-1] or req.path.startswith(CONTROL_PREFIX):
        return control.handle_control(state, req, req.path[len(CONTROL_PREFIX) :])
    if req.path == "/":
        return json_response(200, {"sandbox": "Exact Online", "control": CONTROL_PREFIX})
    return odata_error(404, f"Resource not found for the segment '{req.path.lstrip('/')}'.")


def make_app(state: SandboxState) -> Callable[[dict, Callable], Iterable[bytes]]:
    """A WSGI callable serving `state`. Fault exceptions (`ConnectionDropped`,
    `SimulatedTimeout`) propagate to the server or the in-process transport."""

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        response = route(state, Request.from_environ(environ))
        headers = [*response.headers, ("Content-Length", str(len(response.body)))]
        status = _REASONS.get(response.status, f"{response.status} Unknown")
        start_response(status, headers)
        return [response.body]

    return app
