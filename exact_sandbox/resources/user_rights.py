"""`users/UserHasRights`: may the authorized user call an endpoint this way? (spec §9.5)

A function, not an entity set: `users/UserHasRights?endpoint='salesorder/SalesOrders'&action=
'POST'`, both parameters mandatory and quoted, answered as `{"d":{"UserHasRights":true}}`.
The sandbox has no per-user rights, so the answer is whether the endpoint exists with that
method in Exact's field reference and the app's granted scopes allow the call (our choice;
how Exact combines user rights and app scopes here is UNCONFIRMED). Asking is never an
error, so it spends nothing of the hourly error budget, and Exact does not bill it (spec
§5.2), so `api_gate.admit` counts it against no rate limit.
"""

from __future__ import annotations

from ..http import Response, json_response
from ..odata.errors import ODataError
from ..schema import reference
from ..scopes import violation
from .context import CallContext

PATH = "users/UserHasRights"
ACTIONS = frozenset({"GET", "POST", "PUT", "DELETE"})


def _parameter(ctx: CallContext, name: str) -> str:
    text = ctx.req.query.get(name, "").strip()
    if len(text) < 2 or text[0] != "'" or text[-1] != "'":
        raise ODataError(400, f"The parameter '{name}' is mandatory and must be a quoted string.")
    return text[1:-1]


def _exists(endpoint: str, action: str) -> bool:
    """Whether Exact has `endpoint` with `action`: nobody has the right to call what is not
    there (`sync/CRM/QuotationHeaders` with POST, a misspelt path)."""
    try:
        return action in reference.section(endpoint)["methods"]
    except KeyError:
        return False


def user_has_rights(granted: frozenset[str], endpoint: str, action: str) -> bool:
    """The function's answer for an app granted `granted` (`action` upper-cased)."""
    return _exists(endpoint, action) and violation(granted, endpoint, action) is None


def read_user_has_rights(ctx: CallContext) -> Response:
    """Answer the function; 405 for anything but GET, 400 for a missing parameter."""
    if ctx.req.method.upper() != "GET":
        raise ODataError(405, f"The method '{ctx.req.method.upper()}' is not allowed on '{PATH}'.")
    endpoint = _parameter(ctx, "endpoint")
    action = _parameter(ctx, "action").upper()
    if action not in ACTIONS:
        raise ODataError(400, f"The action '{action}' is not one of GET, POST, PUT, DELETE.")
    allowed = user_has_rights(ctx.state.apps[ctx.req.client_id].scopes, endpoint, action)
    return json_response(200, {"d": {"UserHasRights": allowed}})
