"""Every value the sandbox answers has the JSON form of its reference type (spec §3.4)."""

from __future__ import annotations

import re
import uuid

import pytest

from exact_sandbox.data.schema import NAV_TYPES
from exact_sandbox.resources.endpoints import ENDPOINTS

from .rest_calls import call, make_state

DATE = re.compile(r"^/Date\(-?\d+\)/$")
CHECKS = {
    "Guid": lambda v: isinstance(v, str) and str(uuid.UUID(v)) == v,
    "String": lambda v: isinstance(v, str),
    "Int64": lambda v: isinstance(v, str) and v.lstrip("-").isdigit(),  # as text (§3.4)
    "Int32": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Int16": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Byte": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255,
    "Double": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "Boolean": lambda v: isinstance(v, bool),
    "DateTime": lambda v: isinstance(v, str) and bool(DATE.match(v)),
    "Binary": lambda v: isinstance(v, str),
}
FILTERS = {"logistics/items": "IsSalesItem eq true", "crm/accounts": "Blocked eq false"}


@pytest.fixture(scope="module")
def state():
    state = make_state(items=40, customers=20, history_months=24)  # orders, invoices, open items
    item = next(iter(state.divisions[100001].items))
    account = next(iter(state.divisions[100001].accounts))
    body = {"OrderedBy": account["ID"], "SalesOrderLines": [{"Item": item["ID"], "Quantity": 2}]}
    assert call(state, "salesorder/SalesOrders", method="POST", body=body)[0] == 201
    quotation = {"OrderAccount": account["ID"], "QuotationLines": [{"Item": item["ID"]}]}
    assert call(state, "crm/Quotations", method="POST", body=quotation)[0] == 201
    division = state.divisions[100001]
    division.delete_item(division.items.keys[-1], state.clock.now())  # rows for sync/Deleted
    return state


@pytest.mark.parametrize("path", sorted(p for p, e in ENDPOINTS.items() if "GET" in e.methods))
def test_values_have_the_json_form_of_their_type(state, path):
    endpoint = ENDPOINTS[path]
    query = {"$select": ",".join(endpoint.schema.fields), "$top": "20"}
    if path in FILTERS:
        query["$filter"] = FILTERS[path]
    if path == "read/financial/receivableslistbyaccount":
        owing = next(r for r in state.divisions[100001].receivables if not r["IsFullyPaid"])
        query["accountId"] = f"guid'{owing['Account']}'"
    status, body = call(state, endpoint.path, query)
    assert status == 200, body
    rows = body["d"] if isinstance(body["d"], list) else body["d"]["results"]
    assert rows, f"the sandbox seeds no {path}"
    wrong = set()
    for row in rows:
        for name, kind in endpoint.schema.types.items():
            value = row[name]
            if value is None or kind in NAV_TYPES or kind not in CHECKS:
                continue
            if not CHECKS[kind](value):
                wrong.add(f"{name} ({kind}): {value!r}")
    assert sorted(wrong) == []
