"""The control plane under `/_sandbox/` (JSON in, JSON out); documented in README.md.

Every route has an in-process equivalent on the state (`state.clock.advance`,
`state.faults.add`, `state.set_scopes`, `seed.reset_state`, …).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import orjson

from .control_edition import EDITION_INDEX, EDITION_ROUTES
from .control_ledger import LEDGER_INDEX, LEDGER_ROUTES
from .control_quotations import QUOTATION_INDEX, QUOTATION_ROUTES
from .holdings import HOLDINGS, HoldingsError, holdings_json
from .http import Request, Response, json_response
from .seed import reseed_state, reset_state
from .state import SandboxState
from .stats import CallStats

SETTINGS = {
    "latency_ms": int,
    "minutely_limit": int,
    "daily_limit": int,
    "fault_rate": float,
    "error_block": bool,
    "fault_timeout_seconds": float,
}
INDEX = {
    "GET /_sandbox/": "this index",
    "POST /_sandbox/reset": "start state again: reseeded data, no tokens/faults/stats",
    "POST /_sandbox/reseed": '{"seed": 2, "items": 300, "customers": 200} new data, tokens kept',
    "GET|POST /_sandbox/clock": '{"advance_seconds": N} moves time forward; answers the time',
    "GET|POST|DELETE /_sandbox/faults": '{"path": "salesorder/SalesOrders", "method": "POST", '
    '"count": 2, "kind": "500"} plans a fault; DELETE clears them',
    "POST /_sandbox/scopes": '{"client_id": "…", "withheld": ["Logistics items"], "read_only": []}',
    "POST /_sandbox/mutate": '{"division": 100001, "changed_items": 5, "changed_customers": 0, '
    '"deleted_items": 0, "deleted_customers": 0}',
    "POST /_sandbox/settings": '{"latency_ms", "minutely_limit", "daily_limit", "fault_rate", '
    '"error_block", "fault_timeout_seconds"} (any subset)',
    "GET /_sandbox/stats": "calls per division and path, tokens issued/refreshed, orders",
    "POST /_sandbox/stats/reset": "zero the call counters",
    "POST /_sandbox/errors/reset": "forget the errors counted for the 10-errors-an-hour block",
    "GET /_sandbox/orders": "the sales orders held, with their lines; ?division=N for one",
    "GET /_sandbox/quotations": "the quotations held, with their lines; ?division=N for one",
    "GET /_sandbox/accounts": "the accounts held; ?division=N for one",
    **LEDGER_INDEX,
    **EDITION_INDEX,
    **QUOTATION_INDEX,
}


class ControlError(ValueError):
    """A malformed control request (answered 400)."""


def _clock(state: SandboxState, body: dict) -> dict:
    if "advance_seconds" in body:
        state.clock.advance(float(body["advance_seconds"]))
    now = state.clock.now()
    return {"now": now, "utc": datetime.fromtimestamp(now, tz=UTC).isoformat()}


def _faults(state: SandboxState, body: dict) -> dict:
    if body:
        options = {k: v for k, v in body.items() if k not in ("kind", "path")}
        state.faults.add(str(body.get("kind", "")), str(body.get("path", "*")), **options)
    return {"planned": [fault.to_json() for fault in state.faults.planned]}


def _clear_faults(state: SandboxState, body: dict) -> dict:
    state.faults.clear()
    return {"planned": []}


def _scopes(state: SandboxState, body: dict) -> dict:
    client_id = body.get("client_id") or next(iter(state.apps))
    if client_id not in state.apps:
        raise ControlError(f"unknown client_id {client_id!r}")
    if "withheld" in body or "read_only" in body:
        state.set_scopes(client_id, body.get("withheld", []), body.get("read_only", []))
    return {"client_id": client_id, "granted": sorted(state.apps[client_id].scopes)}


def _mutate(state: SandboxState, body: dict) -> dict:
    from .data.mutate import mutate

    code = int(body.pop("division", next(iter(state.divisions))))
    if code not in state.divisions:
        raise ControlError(f"unknown division {code}")
    counts = {k: int(v) for k, v in body.items()}
    return {"division": code, **mutate(state.divisions[code], clock=state.clock, **counts)}


def _settings(state: SandboxState, body: dict) -> dict:
    unknown = set(body) - set(SETTINGS)
    if unknown:
        raise ControlError(f"unknown settings {sorted(unknown)}; known: {sorted(SETTINGS)}")
    for name, value in body.items():
        setattr(state.config, name, SETTINGS[name](value))
    return {name: getattr(state.config, name) for name in SETTINGS}


def stats_json(state: SandboxState) -> dict:
    return {
        **state.stats.to_json(),
        "tokens": {"issued": state.auth.tokens_issued, "refreshed": state.auth.tokens_refreshed},
        "orders": {str(code): state.orders_count(code) for code in state.divisions},
        "faults_fired": state.stats.faults_fired,
        "now": state.clock.now(),
    }


def _reset_stats(state: SandboxState, body: dict) -> dict:
    state.stats = CallStats()
    return stats_json(state)


def _reseed(state: SandboxState, body: dict) -> dict:
    for name in ("warehouses", "history_months", "history_lines_per_customer"):
        if name in body:
            setattr(state.config, name, int(body[name]))
    reseed_state(
        state, **{k: int(v) for k, v in body.items() if k in ("seed", "items", "customers")}
    )
    return {
        "seed": state.config.seed,
        "items": state.config.items,
        "customers": state.config.customers,
    }


def _reset_errors(state: SandboxState, body: dict) -> dict:
    state.errors.clear()
    return {"errors": "cleared", "error_block": state.config.error_block}


Handler = Callable[[SandboxState, dict], dict]
ROUTES: dict[tuple[str, str], Handler] = {
    ("GET", ""): lambda state, body: INDEX,
    ("POST", "reset"): lambda state, body: (reset_state(state), {"reset": True})[1],
    ("POST", "reseed"): _reseed,
    ("GET", "clock"): _clock,
    ("POST", "clock"): _clock,
    ("GET", "faults"): lambda state, body: _faults(state, {}),
    ("POST", "faults"): _faults,
    ("DELETE", "faults"): _clear_faults,
    ("POST", "faults/clear"): _clear_faults,
    ("GET", "scopes"): _scopes,
    ("POST", "scopes"): _scopes,
    ("POST", "mutate"): _mutate,
    ("GET", "settings"): lambda state, body: _settings(state, {}),
    ("POST", "settings"): _settings,
    ("GET", "stats"): lambda state, body: stats_json(state),
    ("POST", "stats/reset"): _reset_stats,
    ("POST", "errors/reset"): _reset_errors,
    **LEDGER_ROUTES,
    **EDITION_ROUTES,
    **QUOTATION_ROUTES,
}


def handle_control(state: SandboxState, req: Request, route: str) -> Response:
    name = route.strip("/")
    handler = ROUTES.get((req.method, name))
    if req.method == "GET" and name in HOLDINGS:  # listings read the query string

        def handler(state: SandboxState, body: dict) -> dict:
            return holdings_json(state, name, req.query)

    if handler is None:
        return json_response(
            404, {"error": f"no control route {req.method} /_sandbox/{route}", "index": INDEX}
        )
    try:
        body = req.json()
        if not isinstance(body, dict):
            raise ControlError("the body must be a JSON object")
        with state.lock:
            return json_response(200, handler(state, body))
    except (ControlError, HoldingsError, ValueError, TypeError, orjson.JSONDecodeError) as error:
        return json_response(400, {"error": str(error)})
