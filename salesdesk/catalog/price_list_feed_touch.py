"""Price lists and their periods appear inside other records of the reps' change feed.

A customer record carries its price list's code and description; a price list line
carries its list's code and its period's dates (salesdesk/api/records.py). The feed
only sends records whose `row_version` moved, so when a list or a period changes (or
goes), the records that show it get a new version too, or devices keep the old values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models import QuerySet

from salesdesk.catalog.models import PriceList, VolumeDiscount
from salesdesk.catalog.signals import price_lists_shown_changed
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

PRICE_LIST_SHOWN = ("code", "description", "active")
PERIOD_SHOWN = ("start_date", "end_date", "active", "price_list_id")
Touch = Callable[..., None]


@contextmanager
def shown_changes_follow(
    rows: QuerySet, *, company: Company, fields: tuple[str, ...], touch: Touch
) -> Iterator[None]:
    """Around a write to `rows`: `touch` the records that show the ones whose `fields`
    changed (or that left `rows`, as a deactivation does)."""
    before = _values(rows, fields)
    yield
    after = _values(rows, fields)
    changed = [pk for pk, values in before.items() if after.get(pk) != values]
    if changed:
        touch(company=company, pks=changed)


def price_lists_touch(*, company: Company, pks: list[int]) -> None:
    version = version_next(company=company)
    # Customers link to price lists; the customers app, above this one, touches them.
    price_lists_shown_changed.send(PriceList, company=company, pks=pks, version=version)
    lines = VolumeDiscount.objects.filter(company=company, period__price_list_id__in=pks)
    lines.update(row_version=version)


def periods_touch(*, company: Company, pks: list[int]) -> None:
    lines = VolumeDiscount.objects.filter(company=company, period_id__in=pks)
    lines.update(row_version=version_next(company=company))


def _values(rows: QuerySet, fields: tuple[str, ...]) -> dict[int, tuple]:
    return {pk: tuple(values) for pk, *values in rows.values_list("pk", *fields)}
