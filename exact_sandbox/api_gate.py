"""The checks every API call passes before its handler runs (spec §1.8, §2, §3.6, §5.2):
bearer token, division access, error block, rate limits, scopes, Accept header (JSON,
else Atom XML: `api.py` converts the answer with `atom.as_atom`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .auth_store import Grant
from .errors import empty, odata_error
from .http import Request, Response, text_response
from .limits import Verdict
from .scopes import endpoint_of, violation
from .state import SandboxState

# Exact does not validate the division in these URLs (spec §4.2, picqer#470): a client may
# call them with `Me.CurrentDivision` even when the user left that division out of the consent.
DIVISION_UNCHECKED = frozenset({"system/divisions"})
# Exact does not bill asking for rights (spec §5.2 "not billed", §9.5): no rate limit counts
# it, and its answer carries no rate-limit headers (the budget it would report is unchanged).
NOT_BILLED = frozenset({"users/userhasrights"})
NOT_ACCEPTABLE = (
    "A bare 'Accept: application/xml' is not served: ask for 'application/json' "
    "or 'application/atom+xml' (the default)."
)


@dataclass
class Passed:
    """A call that may go on: who makes it, and the rate-limit headers it earned."""

    grant: Grant
    error_key: tuple
    headers: list[tuple[str, str]] = field(default_factory=list)


def unauthorized(state: SandboxState, req: Request) -> Response:
    """401 with an empty body (spec §5.2); the header says whether the token expired."""
    token = _bearer_token(req)
    record = state.auth.access.get(token) if token else None
    reason = "access token expired" if record else "invalid access token"
    response = empty(401)
    return response.header(
        "WWW-Authenticate", f'Bearer error="invalid_token", error_description="{reason}"'
    )


def _bearer_token(req: Request) -> str | None:
    scheme, _, token = req.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def authenticate(state: SandboxState, req: Request) -> Grant | None:
    token = _bearer_token(req)
    return state.auth.bearer(token, state.clock.now()) if token else None


def wants_json(req: Request, resource: str) -> bool:
    """JSON only when asked for; otherwise Exact answers Atom XML (spec §3.6, `atom.py`).
    `…/$count` answers a bare number and is called without Accept (spec §3.3)."""
    return "application/json" in req.headers.get("accept", "") or resource.endswith("$count")


def refuses_accept(req: Request) -> bool:
    """A bare `application/xml` Accept (no Atom, JSON or wildcard) is refused (§3.6 [REP])."""
    accept = req.headers.get("accept", "").lower()
    offered = {part.split(";")[0].strip() for part in accept.split(",") if part.strip()}
    return bool(offered) and offered <= {"application/xml", "text/xml"}


def not_acceptable() -> Response:
    return text_response(406, NOT_ACCEPTABLE)


def division_refusal(
    state: SandboxState, grant: Grant, division: int, resource: str = ""
) -> Response | None:
    """403 `Reason: NoDivisionAccess` unless the user has the division and consented to it
    (any existing division will do for `DIVISION_UNCHECKED` endpoints)."""
    consented = division in grant.divisions and division in state.user_divisions(grant.username)
    unchecked = (
        endpoint_of(resource).strip("/").lower().removesuffix("/$count") in DIVISION_UNCHECKED
    )
    if (consented or unchecked) and division in state.divisions:
        return None
    response = odata_error(403, "Forbidden")
    return response.header("Reason", "NoDivisionAccess: You have no access to this division.")


def error_block(state: SandboxState, key: tuple, now: float) -> Response | None:
    until = state.errors.blocked_until(key, now)
    if until is None:
        return None
    message = "API rate limit exceeded: more than 10 errors in one hour on this endpoint."
    response = odata_error(429, message)
    return response.header("Retry-After", str(int(until - now) + 1))


def admit(state: SandboxState, req: Request, division: int, resource: str) -> Passed | Response:
    """Run the checks in Exact's order; a Response means the call stops here."""
    grant = authenticate(state, req)
    if grant is None:
        return unauthorized(state, req)
    now = state.clock.now()
    key = (grant.client_id, grant.username, division, endpoint_of(resource).lower())
    blocked = error_block(state, key, now)
    if blocked:
        return blocked
    refusal = division_refusal(state, grant, division, resource)
    if refusal:
        state.errors.record(key, refusal.status, now)
        return refusal
    verdict = _billed(state, grant, division, resource, now)
    if not verdict.allowed:
        state.stats.rate_limited[division] += 1
        return _with(empty(429), verdict.headers)
    state.stats.record(division, endpoint_of(resource))
    message = violation(state.apps[grant.client_id].scopes, resource, req.method)
    if message:
        state.errors.record(key, 403, now)
        return _with(odata_error(403, message), verdict.headers)
    if refuses_accept(req) and not wants_json(req, resource):
        return _with(not_acceptable(), verdict.headers)
    return Passed(grant, key, verdict.headers)


def _billed(state: SandboxState, grant: Grant, division: int, resource: str, now: float) -> Verdict:
    """The rate limits' verdict on this call; a call Exact does not bill always passes."""
    if endpoint_of(resource).strip("/").lower() in NOT_BILLED:
        return Verdict(True, [])
    return state.limits.count(grant.client_id, division, now)


def _with(response: Response, headers: list[tuple[str, str]]) -> Response:
    response.headers.extend(headers)
    return response
