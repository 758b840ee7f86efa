"""Control routes that make things happen in a division: stock moves, deliveries, invoices,
payments, cancellations and deletions (documented in README.md).

Each takes a JSON body with an optional `division` (default: the first one) and names
records by GUID or by their number/code (`order_number`, `invoice_number`, `item_code`,
`warehouse_code`). Malformed requests raise ValueError (answered 400 by `control`).
"""

from __future__ import annotations

from .data.division import DivisionData
from .data.fulfilment import cancel, deliver, invoice, order_lines
from .data.payments import pay
from .data.removals import remove
from .data.stock import QUANTITIES, position_for, stock_set

LEDGER_INDEX = {
    "POST /_sandbox/stock": '{"item_code": "ART-000001", "warehouse_code": "1", "current": 40, '
    '"delta": -2, "reserved": 0, "planned_in": 0, "planned_out": 0} (any of the quantities)',
    "POST /_sandbox/deliver": '{"order_number": 12, "lines": [{"line_number": 1, "quantity": 2}], '
    '"tracking_number": "3S…"} (no lines: all that is open)',
    "POST /_sandbox/invoice": '{"order_number": 12, "lines": [...]} (no lines: delivered, not '
    "yet invoiced)",
    "POST /_sandbox/pay": '{"invoice_number": 26000001, "amount": 100.0} (no amount: all open)',
    "POST /_sandbox/cancel": '{"order_number": 12} cancels what is not delivered',
    "POST /_sandbox/delete": '{"kind": "address|contact|invoice|stock_position", "key": "guid"}',
}


def _division(state, body: dict) -> DivisionData:
    code = int(body.get("division", next(iter(state.divisions))))
    if code not in state.divisions:
        raise ValueError(f"unknown division {code}")
    return state.divisions[code]


def _by_guid_or_field(table, body: dict, guid_name: str, field: str, number_name: str) -> str:
    """The key of the row named by `body[guid_name]` or by `body[number_name]` in `field`."""
    if body.get(guid_name):
        key = str(body[guid_name]).strip("{}").lower()
        if key in table:
            return key
        raise ValueError(f"no {guid_name} {key}")
    if number_name in body:
        keys = table.lookup(field, body[number_name])
        if keys is None:
            keys = {row[table.key] for row in table if row.get(field) == body[number_name]}
        if keys:
            return min(keys)
        raise ValueError(f"no {number_name} {body[number_name]!r}")
    raise ValueError(f"name the record with {guid_name!r} or {number_name!r}")


def _stock(state, body: dict) -> dict:
    division = _division(state, body)
    item = _by_guid_or_field(division.items, body, "item", "Code", "item_code")
    warehouse = _by_guid_or_field(division.warehouses, body, "warehouse", "Code", "warehouse_code")
    values = {name: float(body[name]) for name in QUANTITIES if name in body}
    delta = float(body.get("delta", 0.0))
    if not values and "delta" not in body:
        raise ValueError(f"give one of {[*QUANTITIES, 'delta']}")
    key = position_for(division, item, warehouse, state.clock.now())
    row = division.stock_positions.rows[key]
    if "delta" in body:
        values["current"] = values.get("current", row["CurrentStock"]) + delta
    stock_set(division, key, state.clock.now(), **values)
    return _public(row)


def _order_key(division: DivisionData, body: dict) -> str:
    return _by_guid_or_field(division.sales_orders, body, "order", "OrderNumber", "order_number")


def _wanted(division: DivisionData, order_id: str, body: dict) -> dict[str, float] | None:
    """{line ID: quantity} from `lines` (each by `line` GUID or `line_number`), or None."""
    if body.get("lines") is None:
        return None
    by_number = {line["LineNumber"]: line["ID"] for line in order_lines(division, order_id)}
    wanted: dict[str, float] = {}
    for entry in body["lines"]:
        key = entry.get("line") or by_number.get(entry.get("line_number"))
        if key is None:
            raise ValueError(f"no such order line: {entry}")
        wanted[str(key).lower()] = float(entry["quantity"])
    return wanted


def _deliver(state, body: dict) -> dict:
    division = _division(state, body)
    order = _order_key(division, body)
    header = deliver(
        division,
        order,
        _wanted(division, order, body),
        state.clock.now(),
        tracking=body.get("tracking_number"),
    )
    return {
        "delivery": header["EntryID"],
        "delivery_number": header["DeliveryNumber"],
        "order": _public(division.sales_orders.rows[order]),
    }


def _invoice(state, body: dict) -> dict:
    division = _division(state, body)
    order = _order_key(division, body)
    header = invoice(division, order, _wanted(division, order, body), state.clock.now())
    return {
        "invoice": header["InvoiceID"],
        "invoice_number": header["InvoiceNumber"],
        "amount": header["AmountDC"],
        "order": _public(division.sales_orders.rows[order]),
    }


def _pay(state, body: dict) -> dict:
    division = _division(state, body)
    key = _by_guid_or_field(
        division.sales_invoices, body, "invoice", "InvoiceNumber", "invoice_number"
    )
    amount = body.get("amount")
    terms = pay(division, key, None if amount is None else float(amount), state.clock.now())
    return {"invoice": key, "receivables": [_public(row) for row in terms]}


def _cancel(state, body: dict) -> dict:
    division = _division(state, body)
    return {"order": _public(cancel(division, _order_key(division, body), state.clock.now()))}


def _delete(state, body: dict) -> dict:
    division = _division(state, body)
    key = str(body.get("key", "")).strip("{}").lower()
    deleted = remove(division, str(body.get("kind", "")), key, state.clock.now())
    return {"deleted": [_public(row) for row in deleted]}


def _public(row: dict) -> dict:
    return {name: value for name, value in row.items() if not name.startswith("_")}


LEDGER_ROUTES = {
    ("POST", "stock"): _stock,
    ("POST", "deliver"): _deliver,
    ("POST", "invoice"): _invoice,
    ("POST", "pay"): _pay,
    ("POST", "cancel"): _cancel,
    ("POST", "delete"): _delete,
}
