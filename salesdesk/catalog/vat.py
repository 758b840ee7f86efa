"""VAT codes and the items' VAT rates.

Exact's items name a VAT code (`SalesVatCode`) but not its rate; the rates come from the
administration's VAT codes (vat/VATCodes). The items sync stores those codes first, then
gives every item page its rates from one dict. A rate is a fraction (0.21 = 21%) everywhere
in Salesdesk: `Item.vat_percentage`, `VatCode.percentage`, `OrderLine.vat_percentage`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from salesdesk.catalog.models import Item, VatCode
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

Row = dict[str, Any]
_WRITTEN = ["code", "description", "percentage", "active", "synced_at"]


@dataclass(frozen=True)
class VatRefresh:
    """What storing a full listing of VAT codes changed."""

    created: int = 0
    updated: int = 0
    deactivated: int = 0
    items_repriced: int = 0  # items whose VAT rate changed with their code's


def vat_rates(*, company: Company) -> dict[str, Decimal]:
    """{trimmed code: rate as a fraction} of the company's active VAT codes (one query)."""
    codes = VatCode.objects.filter(company=company, active=True)
    return dict(codes.values_list("code", "percentage"))


def item_rows_with_vat(*, company: Company, rows: Sequence[Row]) -> list[Row]:
    """Mapped item rows with `vat_percentage` set from their `vat_code` (None: unknown code)."""
    rates = vat_rates(company=company)
    return [{**row, "vat_percentage": rates.get(row.get("vat_code") or "")} for row in rows]


def vat_code_for_item(*, company: Company, item: Item) -> VatCode | None:
    """The active VAT code an item names, or None."""
    if not item.vat_code:
        return None
    return VatCode.objects.filter(company=company, code=item.vat_code, active=True).first()


@transaction.atomic
def vat_code_upsert_many(*, company: Company, rows: Sequence[Row]) -> VatRefresh:
    """Store the complete listing of the company's VAT codes and re-rate affected items.

    Rows carry `exact_id`, `code` (trimmed), `description`, `percentage`. Codes missing from
    the listing are deactivated. Items follow their code: one UPDATE per code whose rate
    changed, appeared or disappeared (never one per item).
    """
    before = vat_rates(company=company)
    unique = {row["exact_id"]: row for row in rows}
    known = set(
        VatCode.objects.filter(company=company, exact_id__in=unique).values_list(
            "exact_id", flat=True
        )
    )
    now = timezone.now()
    VatCode.objects.bulk_create(
        [VatCode(company=company, active=True, synced_at=now, **row) for row in unique.values()],
        update_conflicts=True,
        unique_fields=["company", "exact_id"],
        update_fields=_WRITTEN,
    )
    gone = VatCode.objects.filter(company=company, active=True).exclude(exact_id__in=unique)
    deactivated = gone.update(active=False, synced_at=now)
    after = vat_rates(company=company)
    changed = {code: rate for code, rate in after.items() if before.get(code) != rate}
    changed.update(dict.fromkeys(set(before) - set(after)))  # None: rate no longer known
    return VatRefresh(
        created=len(unique) - len(known),
        updated=len(known),
        deactivated=deactivated,
        items_repriced=_items_rerate(company=company, rates=changed),
    )


def _items_rerate(*, company: Company, rates: dict[str, Decimal | None]) -> int:
    if not rates:
        return 0
    # The reps' devices get vat_percentage through the delta feed: stamp a new version.
    version = version_next(company=company)
    total = 0
    for code, rate in rates.items():
        items = Item.objects.filter(company=company, vat_code=code)
        stale = items.filter(vat_percentage__isnull=False) if rate is None else items
        if rate is not None:
            stale = stale.exclude(vat_percentage=rate)
        total += stale.update(vat_percentage=rate, row_version=version)
    return total
