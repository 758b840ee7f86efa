"""Re-fetch one record from Exact Online (one call) and store it: the pages' refresh button."""

from __future__ import annotations

import uuid

from exact_client import ExactClient
from salesdesk.catalog import services as catalog
from salesdesk.customers import services as customers
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.mapping import records
from salesdesk.tenants.models import Company

# URL entity -> (resource name, fields, mapper, upsert, deactivate)
_KINDS = {
    "items": (
        "items",
        records.ITEM_FIELDS,
        records.item_from_exact,
        catalog.item_upsert_many,
        catalog.item_deactivate_many,
    ),
    "customers": (
        "accounts",
        records.ACCOUNT_FIELDS,
        records.customer_from_exact,
        customers.customer_upsert_many,
        customers.customer_deactivate_many,
    ),
}
REFRESHABLE = frozenset(_KINDS)


def record_refresh(
    *, company: Company, entity: str, exact_id: uuid.UUID, client: ExactClient | None = None
) -> str:
    """Fetch the record by its Exact ID and upsert it (or deactivate it if Exact lost it).

    Returns a sentence for the user. Raises ConnectionNotReady or an ExactError.
    """
    resource_name, fields, mapper, upsert, deactivate = _KINDS[entity]
    client = client or exact_client_for(company=company)
    row = getattr(client, resource_name).get(exact_id, select=fields)
    if row is None:
        deactivate(company=company, exact_ids=[exact_id])
        return "Exact Online no longer has this record; it is now inactive here."
    mapped = mapper(row)
    mapped.pop("exact_timestamp")  # the normal endpoint has no rowversion: keep the synced one
    upsert(company=company, rows=[mapped])
    return "Refreshed from Exact Online."
