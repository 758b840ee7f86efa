"""Shipping methods and payment conditions: read whole at the start of a customers run.

Neither list has a sync or bulk endpoint nor a sync/Deleted type (spec §9.1), and an
administration has a handful of each, so one listing call apiece (60 rows a page) is the
cheapest way to see a change or a removal: what a complete listing no longer contains is
deactivated. They ride with the customers, whose payment condition the header defaults
to; a run started by an Exact webhook skips them (the notice is about accounts, and those
runs come often), so they cost two calls per scheduled, manual or command-line run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from exact_client import ExactClient, ExactError
from salesdesk.integration.mapping import order_terms as mapping
from salesdesk.integration.sync.feeds import Store
from salesdesk.integration.sync.record_feeds import listing_store, mapped_page
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.orders import terms_services as terms
from salesdesk.tenants.models import Company

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TermsList:
    name: str
    resource: str  # the ExactClient attribute
    fields: tuple[str, ...]
    store: Store


TERMS_LISTS = (
    TermsList(
        "shipping_methods", "shipping_methods", mapping.SHIPPING_METHOD_FIELDS,
        listing_store(mapped_page(mapping.shipping_method_from_exact),
                      terms.shipping_methods_upsert, terms.shipping_methods_sweep),
    ),
    TermsList(
        "payment_conditions", "payment_conditions", mapping.PAYMENT_CONDITION_FIELDS,
        listing_store(mapped_page(mapping.payment_condition_from_exact),
                      terms.payment_conditions_upsert, terms.payment_conditions_sweep),
    ),
)  # fmt: skip


def order_terms_refresh(
    *, company: Company, client: ExactClient, lists: tuple[TermsList, ...] = TERMS_LISTS
) -> dict[str, PageCounts | None]:
    """List each of `lists` whole and store it; per list its counts, None if Exact did not
    answer.

    The lists enrich the order header; they are no reason to stop a customers run. On any
    Exact error (an app without the "Financial cashflow" scope answers 403 for payment
    conditions) that list stays as stored and the run goes on; limits and
    re-authorization surface again on the customers feed that follows.
    """
    return {terms_list.name: _refresh(company, client, terms_list) for terms_list in lists}


def _refresh(company: Company, client: ExactClient, terms_list: TermsList) -> PageCounts | None:
    read: Callable = getattr(client, terms_list.resource).list
    try:
        rows = [row for page in read(select=terms_list.fields) for row in page.rows]
    except ExactError as exc:
        logger.warning(
            "order_terms_refresh_failed",
            extra={"company": company.pk, "list": terms_list.name,
                   "error": type(exc).__name__, "detail": str(exc)},
        )  # fmt: skip
        return None
    with transaction.atomic():  # the sweep sees exactly what this listing stored
        return terms_list.store(company, rows)
