"""The quotation endpoints (spec §9.1): `(path, kind, DivisionData table, schema, methods)`;
`resources.endpoints` turns them into `Endpoint`s. The legacy combined `sync/CRM/Quotations`
is not served (§9.2: build on the header feed)."""

from __future__ import annotations

from ..data import quotation_schema as qs

QUOTATION_ENDPOINTS = (
    ("crm/Quotations", "plain", "quotations", qs.QUOTATION, frozenset({"GET", "POST", "DELETE"})),
    ("crm/QuotationLines", "plain", "quotation_lines", qs.QUOTATION_LINE),
    ("sync/CRM/QuotationHeaders", "sync", "quotations", qs.SYNC_QUOTATION_HEADER),
    ("crm/AcceptQuotation", "plain", "", qs.ACCEPT_QUOTATION, frozenset({"POST"})),
)  # fmt: skip
