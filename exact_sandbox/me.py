"""`GET /api/v1/current/Me`: the logged-in user, no division, no rate limit (spec §4.1)."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from . import api_gate
from .api import run_with_faults, sleep_latency
from .atom import as_atom
from .config import SandboxUser
from .http import Request, Response, json_response
from .state import SandboxState

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _padded(code: str) -> str:
    return code.rjust(18)


def me_row(state: SandboxState, user: SandboxUser, base_url: str) -> dict:
    """The one row of `current/Me`; ServerTime is CET/CEST wall clock (spec §3.4)."""
    local = datetime.fromtimestamp(state.clock.now(), tz=AMSTERDAM)
    first, _, last = user.full_name.partition(" ")
    current = user.divisions[0] if user.divisions else None
    customer = str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox-customer:{current}"))
    return {
        "__metadata": {
            "uri": f"{base_url}/api/v1/current/Me(guid'{user.uid}')",
            "type": "Exact.Web.Api.Models.System.Me",
        },
        "UserID": user.uid,
        "AccountingDivision": current,
        "CurrentDivision": current,
        "CustomerCode": _padded("1000"),
        "DivisionCustomer": customer,
        "DivisionCustomerCode": _padded("1000"),
        "DivisionCustomerName": state.division_name(current) if current else None,
        "DivisionCustomerSiretNumber": None,
        "DivisionCustomerVatNumber": "NL001234567B01",
        "DossierDivision": None,
        "Email": user.email,
        "EmployeeID": None,
        "FirstName": first,
        "FullName": user.full_name,
        "Gender": "U",
        "Initials": first[:1] + ".",
        "IsClientUser": False,
        "IsEmployeeSelfServiceUser": False,
        "IsMyFirmLiteUser": False,
        "IsMyFirmPortalUser": False,
        "IsOEIMigrationMandatory": False,
        "IsStarterUser": False,
        "Language": "EN",
        "LanguageCode": "en-GB",
        "LastName": last,
        "Legislation": "1",
        "MiddleName": None,
        "Mobile": None,
        "Nationality": None,
        "PackageCode": "EOLAPPCENTER",
        "Phone": None,
        "PhoneExtension": None,
        "PictureUrl": f"{base_url}//docs/images/placeholder_user.png",
        "ServerTime": local.strftime("%Y-%m-%dT%H:%M:%S"),
        "ServerUtcOffset": int(local.utcoffset().total_seconds()),
        "ThumbnailPicture": None,
        "ThumbnailPictureFormat": None,
        "Title": None,
        "UserName": user.username,
    }


def _select(row: dict, select: str) -> dict:
    wanted = {name.strip() for name in select.split(",") if name.strip()}
    if not wanted or "*" in wanted:
        return row
    return {k: v for k, v in row.items() if k in wanted or k == "__metadata"}


def handle_me(state: SandboxState, req: Request) -> Response:
    """Needs a bearer token and JSON; not counted, no rate-limit headers (spec §2.1)."""
    sleep_latency(state)
    with state.lock:
        grant = api_gate.authenticate(state, req)
        if grant is None:
            return api_gate.unauthorized(state, req)
    if api_gate.refuses_accept(req) and not api_gate.wants_json(req, "current/Me"):
        return api_gate.not_acceptable()

    def run() -> Response:
        with state.lock:
            row = me_row(state, state.users[grant.username], req.base_url)
        return json_response(200, {"d": {"results": [_select(row, req.query.get("$select", ""))]}})

    response = run_with_faults(state, req, "current/Me", None, run)
    if not api_gate.wants_json(req, "current/Me"):
        return as_atom(response, state.clock.now())
    return response
