"""The `quotations` entity: Exact's status of the quotations Salesdesk sent.

Read from `sync/CRM/QuotationHeaders` (1,000 rows a call, incremental by Timestamp, spec
§9.1, §9.2): every change of a quotation's header, its status included, gives it a new
Timestamp. Only Salesdesk's own quotations are kept (matched by Exact's QuotationID on the
order); the others' rows are read past. A quotation deleted in Exact (sync/Deleted type
34, §9.3) can no longer be converted. Once accepted into a sales order, the order itself
follows with the `sales-orders` entity.
"""

from __future__ import annotations

from salesdesk.integration.mapping import quotations as mapping
from salesdesk.integration.sync.feeds import Feed
from salesdesk.integration.sync.record_feeds import Mapped, counted_by, mapped_page
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.orders.quotations import quotations_deleted, quotations_status_follow
from salesdesk.tenants.models import Company


def _store(company: Company, page: Mapped) -> PageCounts:
    changed = quotations_status_follow(company=company, rows=page.rows) if page.rows else 0
    return PageCounts(rows=len(page.rows) + page.skipped, updated=changed, skipped=page.skipped)


QUOTATIONS = Feed(
    name="quotations",
    resource="quotations",
    fields=mapping.QUOTATION_HEADER_FIELDS,
    shape=mapped_page(mapping.quotation_status_from_exact),
    store=_store,
    counted=True,
    total=counted_by("quotations"),
)
QUOTATION_FEEDS = (QUOTATIONS,)
QUOTATION_DELETIONS = {mapping.DELETED_QUOTATION: quotations_deleted}
