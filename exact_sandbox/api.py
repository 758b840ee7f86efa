"""Division-scoped API calls: `/api/v1/{division}/…` and item pictures (`/docs/SysImage.aspx`).

Order of work per call: latency, checks (`api_gate.admit`), planned or random
fault, the data layer's `handle_rest`, then the rate-limit headers (spec §2.2).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from . import api_gate
from .atom import as_atom
from .errors import empty
from .fault_responses import apply_fault
from .faults import PICTURE_KINDS, PICTURE_PATH, Fault
from .http import Request, Response, RestRequest
from .scopes import endpoint_of
from .state import SandboxState


def sleep_latency(state: SandboxState) -> None:
    if state.config.latency_ms > 0:
        time.sleep(state.config.latency_ms / 1000)


def pick_fault(state: SandboxState, path: str, method: str, division: int | None) -> Fault | None:
    """A planned fault for this call, else maybe a random one (`fault_rate`)."""
    with state.lock:
        fault = state.faults.take(path, method, division)
        if fault is None and division is not None:
            fault = state.faults.roll(state.config.fault_rate)
        if fault is not None:
            state.stats.faults_fired += 1
        return fault


def run_with_faults(
    state: SandboxState,
    req: Request,
    path: str,
    division: int | None,
    run: Callable[[], Response],
    client_id: str = "",
) -> Response:
    fault = pick_fault(state, path, req.method, division)
    if fault is None:
        return run()

    def exhausted() -> list[tuple[str, str]]:
        with state.lock:
            return state.limits.exhausted_minute(client_id, division or 0, state.clock.now())

    return apply_fault(
        fault,
        req,
        run,
        timeout_seconds=state.config.fault_timeout_seconds,
        minute_exhausted=exhausted,
    )


def handle_division_call(
    state: SandboxState, req: Request, division: int, resource: str
) -> Response:
    """Authenticate, limit and route one `/api/v1/{division}/{resource}` call to the data layer."""
    from .rest import handle_rest  # late: the data layer imports this package's modules

    sleep_latency(state)
    with state.lock:
        gate = api_gate.admit(state, req, division, resource)
    if isinstance(gate, Response):
        return gate if api_gate.wants_json(req, resource) else as_atom(gate, state.clock.now())
    rest_request = RestRequest(
        method=req.method,
        division=division,
        resource=resource,
        query=req.query,
        body=req.body,
        headers=req.headers,
        base_url=req.base_url,
        client_id=gate.grant.client_id,
        raw_query=req.raw_query,
        username=gate.grant.username,
        divisions=tuple(
            code
            for code in gate.grant.divisions
            if code in state.user_divisions(gate.grant.username)
        ),
    )

    def run() -> Response:
        with state.lock:
            return handle_rest(state, rest_request)

    path = endpoint_of(resource)
    response = run_with_faults(state, req, path, division, run, gate.grant.client_id)
    with state.lock:
        if response.status != 401:  # as in api_gate: a refused token's user is unknown
            state.errors.record(gate.error_key, response.status, state.clock.now())
    if response.status != 429:
        response.headers.extend(gate.headers)
    if not api_gate.wants_json(req, resource):
        return as_atom(response, state.clock.now())
    return response


WHITE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
    "9c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)


def _image(body: bytes) -> Response:
    kind = "image/jpeg" if body.startswith(b"\xff\xd8") else "image/png"
    return Response(200, body, [("Content-Type", kind)])


def _with_headers(response: Response, headers: list[tuple[str, str]]) -> Response:
    response.headers.extend(headers)
    return response


def handle_picture(state: SandboxState, req: Request) -> Response:
    """Item picture; without a valid bearer a 1x1 white PNG (spec §4.9, picqer#108), as
    with a `blank_picture` fault (a token Exact stopped accepting; counted like a picture).

    With a bearer it counts against the division's rate limits (the sandbox's
    choice where the spec says UNCONFIRMED) and carries the rate-limit headers.
    """
    grant = api_gate.authenticate(state, req)
    division = req.query.get("_Division_", "")
    if grant is None or not division.isdigit():
        return _image(WHITE_PIXEL_PNG)
    sleep_latency(state)
    code, now = int(division), state.clock.now()
    with state.lock:
        refusal = api_gate.division_refusal(state, grant, code)
        if refusal:
            return refusal
        verdict = state.limits.count(grant.client_id, code, now)
        if not verdict.allowed:
            state.stats.rate_limited[code] += 1
            response = empty(429)
            response.headers.extend(verdict.headers)
            return response
        state.stats.record(code, PICTURE_PATH)
        blank = state.faults.take(PICTURE_PATH, req.method, code, PICTURE_KINDS)
        if blank is not None:
            state.stats.faults_fired += 1
            return _with_headers(_image(WHITE_PIXEL_PNG), verdict.headers)
        body = state.divisions[code].picture_bytes(req.query.get("ID", "").strip("{}"))
    response = _image(body) if body else empty(404)
    response.headers.extend(verdict.headers)
    return response
