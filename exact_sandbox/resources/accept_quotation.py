"""`crm/AcceptQuotation` (POST only, spec §9.4): accept a quotation, with Action 1 into a
sales order.

The body names `QuotationID` and `Action` (0 no action, the default; 1 create a sales
order). With Action 1 the sales order is made as a POST of `salesorder/SalesOrders` would
make it (the same rules and defaults), from the quotation: `OrderAccount` ordered, its lines,
`YourRef`, `Description`, `Remarks` and the header's references. Exact keeps no link to the
quotation on the order (no such property in the field reference). The quotation becomes
Accepted (50) with a new Timestamp. A quotation already accepted, rejected or closed is
refused with a 400, and nothing changes. The answer is the action's row: `SuccessMessage`
and, for Action 1, `SalesOrderSuccess`. Actions 2 to 5 and 99 (invoice, project,
subscription, e-mail) are refused: the sandbox does not make those.
"""

from __future__ import annotations

import orjson

from ..data.quotation_tables import ACCEPTED, NOT_ACCEPTABLE, quotation_status_set
from ..http import Response, RestRequest
from ..odata.errors import ODataError, bad_request
from .context import CallContext
from .endpoints import ENDPOINTS, Endpoint
from .payload import coerce_fields, read_body
from .sales_orders import post_sales_order
from .writes import created

NO_ACTION = 0
CREATE_SALES_ORDER = 1
# Quotation header -> sales order header (the fields both carry, spec §4.6, §9.4).
TO_ORDER = {
    "OrderAccount": "OrderedBy", "OrderAccountContact": "OrderedByContactPerson",
    "InvoiceAccount": "InvoiceTo", "InvoiceAccountContact": "InvoiceToContactPerson",
    "DeliveryAccount": "DeliverTo", "DeliveryAccountContact": "DeliverToContactPerson",
    "DeliveryAddress": "DeliveryAddress", "DeliveryDate": "DeliveryDate",
    "Description": "Description", "YourRef": "YourRef", "Remarks": "Remarks",
    "PaymentCondition": "PaymentCondition", "ShippingMethod": "ShippingMethod",
    "WarehouseID": "WarehouseID", "SalesPerson": "Salesperson", "Currency": "Currency",
}  # fmt: skip
LINE_TO_ORDER = ("Item", "Quantity", "NetPrice", "UnitPrice", "Description", "VATCode", "Notes")


def post_accept_quotation(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Accept the quotation the body names; 201 with the outcome, 400 when Exact refuses."""
    values = coerce_fields(endpoint.schema, read_body(ctx.req.body))
    quotation = _quotation(ctx, values.get("QuotationID"))
    action = values.get("Action")
    action = NO_ACTION if action is None else action
    if action not in (NO_ACTION, CREATE_SALES_ORDER):
        raise bad_request(f"Action {action} is not supported: use 0 (no action) or 1.")
    answer = {**values, "QuotationID": quotation["QuotationID"], "Action": action}
    number = quotation["QuotationNumber"]
    if action == CREATE_SALES_ORDER:
        order = accept_into_order(ctx, quotation, ENDPOINTS["salesorder/salesorders"])
        answer["SalesOrderSuccess"] = f"Sales order {order['OrderNumber']} has been created."
    quotation_status_set(ctx.division, quotation["QuotationID"], ACCEPTED, ctx.now)
    answer["SuccessMessage"] = f"Quotation {number} has been accepted."
    return created(ctx, endpoint, answer, always_full=True)


def _quotation(ctx: CallContext, key: object) -> dict:
    if not key:
        raise bad_request("Mandatory: QuotationID")
    quotation = ctx.division.quotations.get(key)  # type: ignore[arg-type]
    if quotation is None:
        raise bad_request(f"QuotationID: quotation {key} does not exist.")
    refusal = NOT_ACCEPTABLE.get(quotation["Status"])
    if refusal:
        raise bad_request(
            f"Quotation {quotation['QuotationNumber']} cannot be accepted: {refusal}."
        )
    return quotation


def accept_into_order(ctx: CallContext, quotation: dict, orders: Endpoint) -> dict:
    """The sales order made from `quotation`, stored as a POST of it would store it."""
    body = {
        target: quotation[source]
        for source, target in TO_ORDER.items()
        if quotation.get(source) is not None
    }
    lines = ctx.division.quotation_lines
    keys = lines.lookup("QuotationID", quotation["QuotationID"]) or ()
    rows = sorted((lines.rows[key] for key in keys), key=lambda row: row["LineNumber"])
    body["SalesOrderLines"] = [
        {name: row[name] for name in LINE_TO_ORDER if row.get(name) is not None} for row in rows
    ]
    request = RestRequest(
        method="POST", division=ctx.division.code, resource=orders.path, query={},
        body=orjson.dumps(body), headers={}, base_url=ctx.base, client_id=ctx.req.client_id,
    )  # fmt: skip
    response = post_sales_order(CallContext(ctx.state, request, ctx.division, ctx.now), orders)
    if response.status != 201:  # post_sales_order raises its refusals; defensive
        raise ODataError(response.status, "The sales order could not be created.")
    order = orjson.loads(response.body)["d"]
    ctx.division.changed("SalesOrders", "Create", order["OrderID"], ctx.now)
    return order
