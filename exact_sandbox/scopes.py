"""App scopes: which functional area each endpoint belongs to (spec §1.8).

Since ~September 2024 Exact enforces the scopes of an app registration; a call
outside them gets `403 Forbidden - Application Scope Violated`. A granted scope is
either `"<Area>"` (read and manage) or `"<Area>:read"` (GET only).
"""

from __future__ import annotations

import re

CRM = "Crm accounts"
ITEMS = "Logistics items"
PRICES = "Sales prices"
ORDERS = "Sales orders"
INVENTORY = "Logistics inventory"
ORGANIZATION = "Organization administration"
FINANCIAL = "Financial accounting"
WMS = "Logistics wms"
INVOICES = "Sales invoices"
RECEIVABLES = "Financial receivables"
CASHFLOW = "Financial cashflow"
QUOTES = "Crm quotes"
ALL_SCOPES = frozenset({CRM, ITEMS, PRICES, ORDERS, INVENTORY, ORGANIZATION, FINANCIAL, WMS,
                        INVOICES, RECEIVABLES, CASHFLOW, QUOTES})  # fmt: skip

# (normalized "service/entity" or "service/", area); first match wins.
_AREAS: tuple[tuple[str, str], ...] = (
    ("crm/accounts", CRM),
    ("crm/contacts", CRM),
    ("crm/addresses", CRM),
    ("crm/quotations", QUOTES),
    ("crm/quotationlines", QUOTES),
    ("crm/quotationheaders", QUOTES),
    ("crm/acceptquotation", QUOTES),
    ("logistics/items", ITEMS),
    ("logistics/itemgroups", ITEMS),
    ("logistics/units", ITEMS),
    ("logistics/salesitemprices", PRICES),
    ("logistics/salesitemprice", PRICES),
    ("logistics/stockposition", INVENTORY),
    ("sales/shippingmethods", ORDERS),
    ("sales/", PRICES),
    ("salesorder/goodsdeliveries", WMS),
    ("salesorder/goodsdeliverylines", WMS),
    ("salesorder/", ORDERS),
    ("salesinvoice/", INVOICES),
    ("cashflow/receivables", RECEIVABLES),
    ("financial/receivableslist", RECEIVABLES),
    ("financial/receivableslistbyaccount", RECEIVABLES),
    ("cashflow/", CASHFLOW),
    ("inventory/", INVENTORY),
    ("system/divisions", ORGANIZATION),
    ("system/alldivisions", ORGANIZATION),
    ("deleted", ORGANIZATION),
    ("webhooks/", ORGANIZATION),
    ("users/", ORGANIZATION),
    ("vat/", FINANCIAL),
)
_KEY = re.compile(r"\(.*?\)")
_API_KIND = ("bulk/", "sync/", "read/")


def endpoint_of(resource: str) -> str:
    """`logistics/Items(guid'…')/SalesOrderLines` -> `logistics/Items/SalesOrderLines`."""
    return _KEY.sub("", resource)


def area_of(resource: str) -> str | None:
    """The scope area an API resource needs, or None when no scope applies."""
    path = endpoint_of(resource).lower()
    for kind in _API_KIND:
        if path.startswith(kind):
            path = path[len(kind) :]
            break
    service_entity = "/".join(path.split("/")[:2])
    for prefix, area in _AREAS:
        if prefix.endswith("/") and service_entity.startswith(prefix):
            return area
        if service_entity == prefix:
            return area
    return None


def violation(granted: frozenset[str], resource: str, method: str) -> str | None:
    """The 403 message when `granted` does not cover this call, else None."""
    area = area_of(resource)
    if area is None or area in granted:
        return None
    if method == "GET":
        return (
            None
            if f"{area}:read" in granted
            else "Forbidden - Application Scope Violated. Cannot read"
        )
    return "Forbidden - Application Scope Violated. Cannot manage"


def granted_after_withholding(withheld: list[str], read_only: list[str]) -> frozenset[str]:
    """All scopes except `withheld`; the `read_only` areas keep only their read half."""
    unknown = (set(withheld) | set(read_only)) - ALL_SCOPES
    if unknown:
        raise ValueError(f"unknown scope areas: {sorted(unknown)}; known: {sorted(ALL_SCOPES)}")
    full = ALL_SCOPES - set(withheld) - set(read_only)
    return frozenset(full | {f"{area}:read" for area in read_only if area not in withheld})
