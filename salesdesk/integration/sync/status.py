"""Reads for the Synchronize section and the run history (all take the company)."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.catalog.models import Item, PriceList
from salesdesk.catalog.stock_models import StockPosition
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.history.models import OpenItem, SalesInvoice, SalesOrder
from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.orders.quotations import quotations_sent
from salesdesk.tenants.models import Company

ROWS = (
    (SyncEntity.ITEMS, "Stored items", "Synchronize items", Item),
    (SyncEntity.CUSTOMERS, "Stored customers", "Synchronize customers", Customer),
    (SyncEntity.PRICES, "Stored price lists", "Synchronize price lists", PriceList),
    (SyncEntity.STOCK, "Stored stock positions", "Synchronize stock positions", StockPosition),
    (SyncEntity.SALES_ORDERS, "Stored sales orders", "Synchronize sales orders", SalesOrder),
    (SyncEntity.INVOICES, "Stored invoices", "Synchronize invoices", SalesInvoice),
    (SyncEntity.RECEIVABLES, "Stored open items", "Synchronize open items", OpenItem),
    (SyncEntity.ADDRESSES, "Stored addresses", "Synchronize addresses", Address),
    (SyncEntity.CONTACTS, "Stored contacts", "Synchronize contacts", Contact),
    (SyncEntity.QUOTATIONS, "Stored quotations", "Synchronize quotations", quotations_sent),
)


@dataclass(frozen=True)
class SyncRow:
    """One row of the Synchronize section."""

    entity: str
    label: str
    action: str
    stored: int
    active_run: SyncRun | None
    last_run: SyncRun | None

    @property
    def running(self) -> bool:
        return self.active_run is not None

    @property
    def failed(self) -> bool:
        return not self.running and self.last_run is not None and bool(self.last_run.error)

    @property
    def last_at(self):
        return self.last_run.finished_at if self.last_run else None


def sync_rows(*, company: Company) -> list[SyncRow]:
    """The record rows, with counts, the active run and the last finished run."""
    return [
        SyncRow(
            entity=entity,
            label=label,
            action=action,
            stored=_stored(company, model),
            active_run=_active(company, entity),
            last_run=_last_finished(company, entity),
        )
        for entity, label, action, model in ROWS
    ]


def _stored(company: Company, model) -> int:
    if hasattr(model, "objects"):
        return model.objects.filter(company=company, active=True).count()
    return model(company=company)  # a count of its own (quotations live on the orders)


def pictures_run(*, company: Company) -> SyncRun | None:
    """The latest pictures pass (active or finished), for its own progress line."""
    return SyncRun.objects.filter(company=company, entity=SyncEntity.PICTURES).first()


def sync_run_list(*, company: Company, limit: int = 100) -> list[SyncRun]:
    return list(SyncRun.objects.filter(company=company)[:limit])


def _active(company: Company, entity: str) -> SyncRun | None:
    return SyncRun.objects.filter(company=company, entity=entity, status__in=SyncRun.ACTIVE).first()


def _last_finished(company: Company, entity: str) -> SyncRun | None:
    finished = SyncRun.objects.filter(company=company, entity=entity, finished_at__isnull=False)
    return finished.order_by("-finished_at", "-id").first()
