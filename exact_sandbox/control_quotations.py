"""Control route that moves a quotation as a customer (or Exact's user) would: rejected,
printed, reopened, accepted (documented in README.md).

`POST /_sandbox/quotation` `{"quotation": GUID` or `"quotation_number": N, "status": 5,
"division"}`. Status 50 accepts it as `crm/AcceptQuotation` with Action 1 does (a sales
order is made); the same refusals apply (an accepted, rejected or closed quotation cannot be
accepted). Every change gives the quotation a new Timestamp (sync/CRM/QuotationHeaders).
"""

from __future__ import annotations

from .control_ledger import _by_guid_or_field, _division, _public
from .data.quotation_tables import ACCEPTED, NOT_ACCEPTABLE, quotation_status_set
from .http import RestRequest
from .odata.errors import ODataError
from .resources.accept_quotation import accept_into_order
from .resources.context import CallContext
from .resources.endpoints import ENDPOINTS

QUOTATION_INDEX = {
    "POST /_sandbox/quotation": '{"quotation_number": 1, "status": 5} moves a quotation as the '
    "customer would (5 rejected, 40 printed, 25 open again, 50 accepted: makes the sales order)",
}


def _quotation(state, body: dict) -> dict:
    division = _division(state, body)
    key = _by_guid_or_field(
        division.quotations, body, "quotation", "QuotationNumber", "quotation_number"
    )
    if "status" not in body:
        raise ValueError("give the quotation's new status")
    status = int(body["status"])
    now = state.clock.now()
    order = None
    if status == ACCEPTED:
        order = _accept(state, division, key, now)
    quotation = quotation_status_set(division, key, status, now)
    answer = {"quotation": _public(quotation)}
    if order is not None:
        answer |= {"order": order["OrderID"], "order_number": order["OrderNumber"]}
    return answer


def _accept(state, division, key: str, now: float) -> dict:
    quotation = division.quotations.rows[key]
    refusal = NOT_ACCEPTABLE.get(quotation["Status"])
    if refusal:
        raise ValueError(f"quotation {quotation['QuotationNumber']} cannot be accepted: {refusal}")
    orders = ENDPOINTS["salesorder/salesorders"]
    request = RestRequest(
        method="POST", division=division.code, resource=orders.path, query={}, body=b"",
        headers={}, base_url="",
    )  # fmt: skip
    try:
        return accept_into_order(CallContext(state, request, division, now), quotation, orders)
    except ODataError as error:
        raise ValueError(error.message) from None


QUOTATION_ROUTES = {("POST", "quotation"): _quotation}
