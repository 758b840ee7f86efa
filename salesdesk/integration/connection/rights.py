"""The rights checklist after authorizing: one cheap call per right (spec §1.8 scopes).

A withheld scope answers 403 "Application Scope Violated" (an error only when the right is
really missing, which the sync would hit anyway). Writing sales orders is asked through
Exact's `users/UserHasRights` function (spec §9.5), never tried: a deliberately invalid POST
would spend one of the endpoint's 10 errors an hour on every authorization.
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


def _asked(client: ExactClient, endpoint: str, action: str) -> Callable[[], bool]:
    return lambda: client.user_has_rights(endpoint, action)


def _probe(call: Callable[[], object]) -> bool | None:
    """True: allowed; False: Exact refused (403) or said no; None: could not tell."""
    try:
        answer = call()
    except Rejected as exc:
        return False if exc.status == 403 else None
    except ExactError:
        return None
    return answer is not False


def rights_check(client: ExactClient) -> dict[str, bool | None]:
    """Which of reading items, customers, prices and writing sales orders work."""
    return {
        "read_items": _probe(_read(client.items)),
        "read_customers": _probe(_read(client.accounts)),
        "read_prices": _probe(_read(client.price_lists)),
        "write_sales_orders": _probe(_asked(client, "salesorder/SalesOrders", "POST")),
    }


def rights_rows(rights: dict) -> list[dict]:
    """The checklist for the template: label and ok / missing / unknown."""
    rows = []
    for key, label in RIGHTS.items():
        value = rights.get(key)
        status = {True: "ok", False: "missing"}.get(value, "unknown")
        rows.append({"label": label, "status": status})
    return rows
