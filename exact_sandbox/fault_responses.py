"""What each injected fault does to a call (kinds listed in `faults.py` and the README)."""

from __future__ import annotations

import time
from collections.abc import Callable

import orjson

from .errors import empty, odata_error
from .faults import ConnectionDropped, Fault, SimulatedTimeout
from .http import Request, Response, html_response

SERVER_ERROR = (
    "A problem has occurred. The cause of this issue will be investigated as soon as possible."
)
APIGEE_FAULT = {
    "fault": {
        "faultstring": "Failed to execute the ExtractVariables: ExtractAccessToken",
        "detail": {"errorcode": "steps.extractvariables.ExecutionFailed"},
    }
}
MAINTENANCE_HTML = (
    "<!doctype html><html><head><title>Exact Online - Maintenance</title></head><body>"
    "<h1>Exact Online is temporarily unavailable</h1>"
    "<p>We are performing scheduled maintenance. Please try again later.</p></body></html>"
)


def apigee_500() -> Response:
    """The gateway fault of spec §1.7 (seen on the token endpoint)."""
    return Response(500, orjson.dumps(APIGEE_FAULT), [("Content-Type", "application/json")])


def _appended_error(response: Response) -> Response:
    # A 200 body with an error object glued after the JSON (spec §5.1).
    tail = odata_error(500, SERVER_ERROR).body
    response.body = response.body + tail
    return response


def _stall(
    req: Request, fault: Fault, default_seconds: float, run: Callable[[], Response]
) -> Response:
    """Longer than a client waits; the call still takes effect (as a slow server's would)."""
    if not req.socket:
        run()
        raise SimulatedTimeout(f"sandbox fault: no answer to {req.method} {req.path} in time")
    time.sleep(fault.seconds if fault.seconds is not None else default_seconds)
    return run()


def apply_fault(
    fault: Fault,
    req: Request,
    run: Callable[[], Response],
    *,
    timeout_seconds: float,
    minute_exhausted: Callable[[], list[tuple[str, str]]],
) -> Response:
    """The response (or exception) a call gets under `fault`; `run` performs the real call."""
    kind = fault.kind
    if kind == "500":
        return odata_error(500, SERVER_ERROR)
    if kind == "503":
        return html_response(503, MAINTENANCE_HTML)
    if kind == "401":  # a token Exact just issued, refused for a while (pitfall 5)
        return empty(401).header(
            "WWW-Authenticate",
            'Bearer error="invalid_token", error_description="access token expired"',
        )
    if kind == "429":
        response = empty(429)
        response.headers.extend(minute_exhausted())
        return response
    if kind == "html_maintenance":
        return html_response(fault.status, MAINTENANCE_HTML)
    if kind == "drop":
        raise ConnectionDropped("sandbox fault: connection closed before the call ran")
    if kind == "timeout":
        return _stall(req, fault, timeout_seconds, run)
    response = run()
    if kind == "drop_after_commit":
        raise ConnectionDropped("sandbox fault: connection closed after the call took effect")
    if kind == "500_after_rotate":
        return apigee_500() if response.status == 200 else response
    if kind == "appended_error" and response.status == 200:
        return _appended_error(response)
    return response
