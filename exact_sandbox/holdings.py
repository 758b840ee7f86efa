"""What the sandbox holds, listed on the control plane so tests and users can check what
reached "Exact": `GET /_sandbox/orders`, `/_sandbox/quotations`, `/_sandbox/accounts`.

Every listing has one shape, `{"divisions": [codes], "count": n, "rows": [...]}`: the rows
as the REST API answers them in JSON (Exact's field names and value forms, without the
sandbox's private `_…` bookkeeping), each with its `Division`, orders with their
`SalesOrderLines` and quotations with their `QuotationLines` inline, in key order per
division. `?division=N` lists one division.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .state import SandboxState


class HoldingsError(ValueError):
    """A listing asked for something the sandbox does not have (answered 400)."""


@dataclass(frozen=True)
class Holding:
    table: str  # the DivisionData attribute holding the rows
    lines: str | None = None  # the lines' table, looked up by the header's key
    lines_name: str = ""  # the field the lines are listed under
    line_key: str = ""  # the lines' field pointing at the header


HOLDINGS: dict[str, Holding] = {
    "orders": Holding("sales_orders", "sales_order_lines", "SalesOrderLines", "OrderID"),
    "quotations": Holding("quotations", "quotation_lines", "QuotationLines", "QuotationID"),
    "accounts": Holding("accounts"),
}


def holdings_json(state: SandboxState, name: str, query: Mapping[str, str]) -> dict:
    """The listing `name` (a key of HOLDINGS), for the divisions `query` selects."""
    holding = HOLDINGS[name]
    codes = _division_codes(state, query.get("division"))
    rows = []
    for code in codes:
        division = state.divisions[code]
        table = getattr(division, holding.table, None)
        for row in table or ():
            listed = {**_public(row), "Division": code}
            if holding.lines:
                listed[holding.lines_name] = _lines(division, holding, row)
            rows.append(listed)
    return {"divisions": codes, "count": len(rows), "rows": rows}


def _division_codes(state: SandboxState, text: str | None) -> list[int]:
    if text is None or text == "":
        return sorted(state.divisions)
    try:
        code = int(text)
    except ValueError:
        raise HoldingsError(f"division must be a number, not {text!r}") from None
    if code not in state.divisions:
        known = ", ".join(str(code) for code in sorted(state.divisions))
        raise HoldingsError(f"unknown division {code}; the sandbox has {known}")
    return [code]


def _lines(division: object, holding: Holding, header: dict) -> list[dict]:
    table = getattr(division, holding.lines or "", None)
    if table is None:
        return []
    key = header[holding.line_key]  # the header's own key has the lines' field name
    found = table.lookup(holding.line_key, key)
    if found is None:  # no index on it: look at every line
        found = [k for k, line in table.rows.items() if line.get(holding.line_key) == key]
    lines = [_public(table.get(k)) for k in found]
    return sorted(lines, key=lambda line: (line.get("LineNumber") or 0, str(line.get("ID"))))


def _public(row: dict) -> dict:
    return {name: value for name, value in row.items() if not name.startswith("_")}
