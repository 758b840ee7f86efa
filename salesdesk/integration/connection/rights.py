"""The rights checklist after authorizing: one cheap call per right (spec §1.8 scopes).

A withheld scope answers 403 "Application Scope Violated". Writing sales orders is probed
with an empty POST: Exact validates the body only when the scope allows writing, so a 400
means "may write" and nothing is stored; it costs one error of that endpoint's hourly budget.
"""

from __future__ import annotations

from collections.abc import Callable

from exact_client import ExactClient, ExactError, Rejected
from salesdesk.integration.mapping import records

RIGHTS = {
    "read_items": "Read items",
    "read_customers": "Read customers",
    "read_prices": "Read prices",
    "write_sales_orders": "Write sales orders",
}


def _read(resource) -> Callable[[], object]:
    return lambda: next(
        iter(resource.list(select=records.ID_ONLY, filter=records.NO_RECORD, top=1)), None
    )


def _probe(call: Callable[[], object], *, write: bool = False) -> bool | None:
    """True: allowed; False: Exact refused (403); None: could not tell."""
    try:
        call()
    except Rejected as exc:
        if exc.status == 403:
            return False
        return True if write and exc.status == 400 else None
    except ExactError:
        return None
    return True


def rights_check(client: ExactClient) -> dict[str, bool | None]:
    """Which of reading items, customers, prices and writing sales orders work."""
    return {
        "read_items": _probe(_read(client.items)),
        "read_customers": _probe(_read(client.accounts)),
        "read_prices": _probe(_read(client.price_lists)),
        "write_sales_orders": _probe(lambda: client.sales_orders.create({}), write=True),
    }


def rights_rows(rights: dict) -> list[dict]:
    """The checklist for the template: label and ok / missing / unknown."""
    rows = []
    for key, label in RIGHTS.items():
        value = rights.get(key)
        status = {True: "ok", False: "missing"}.get(value, "unknown")
        rows.append({"label": label, "status": status})
    return rows
