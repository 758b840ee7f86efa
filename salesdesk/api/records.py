"""What the API says about items, customers, prices and orders: plain dicts from `.values()`.

The list endpoints and the delta feed share these shapes (declared for the OpenAPI schema
in salesdesk/api/schemas.py). Built from `values_list` rows rather than model instances:
the feed serializes tens of thousands of them a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models

from salesdesk.catalog.models import Item, ItemPrice, VolumeDiscount
from salesdesk.customers.models import Customer
from salesdesk.orders.bounds import discount_percent
from salesdesk.orders.models import Order, OrderLine

Record = dict[str, Any]


@dataclass(frozen=True)
class Shape:
    """A record's keys and the ORM paths they come from, plus a final touch per record."""

    model: type[models.Model]
    columns: tuple[tuple[str, str], ...]
    finish: Callable[[Record], Record] | None = None

    def records(self, queryset: models.QuerySet, *, pk_key: str | None = None) -> list[Record]:
        """One record per row; `pk_key` adds the primary key under that key."""
        columns = self.columns if pk_key is None else ((pk_key, "pk"), *self.columns)
        keys = [key for key, _ in columns]
        rows = queryset.values_list(*(path for _, path in columns))
        records = [dict(zip(keys, row, strict=True)) for row in rows]
        if self.finish is not None:
            records = [self.finish(record) for record in records]
        return records


def picture_url(item_id, stored_name: str) -> str | None:
    """Where a device fetches the item's picture (with its token), None when there is none."""
    if not stored_name:
        return None
    return f"{settings.PUBLIC_URL}/api/v1/items/{item_id}/picture"


def _item(record: Record) -> Record:
    record["picture_url"] = picture_url(record["id"], record["picture_url"])
    return record


ADDRESS_KEYS = ("line1", "line2", "postcode", "city", "country", "country_name")


def _customer(record: Record) -> Record:
    record["address"] = {key: record.pop(f"address_{key}") for key in ADDRESS_KEYS}
    list_id = record.pop("price_list_id")
    record["price_list"] = (
        {"id": list_id, "code": record.pop("pl_code"), "description": record.pop("pl_description")}
        if list_id is not None
        else None
    )
    record.pop("pl_code", None)
    record.pop("pl_description", None)
    return record


METHODS = {VolumeDiscount.Method.DISCOUNT: "discount", VolumeDiscount.Method.NEW_PRICE: "new_price"}


def _line(record: Record) -> Record:
    record["method"] = METHODS.get(record["method"], "new_price")
    return record


ITEM = Shape(
    Item,
    (
        ("id", "exact_id"),
        ("code", "code"),
        ("description", "description"),
        ("extra_description", "extra_description"),
        ("group_code", "group_code"),
        ("group_description", "group_description"),
        ("unit", "unit"),
        ("unit_description", "unit_description"),
        ("barcode", "barcode"),
        ("vat_percentage", "vat_percentage"),
        ("standard_price", "standard_price"),
        ("stock", "stock"),
        ("free_stock", "free_stock"),
        ("is_sales_item", "is_sales_item"),
        ("picture_url", "picture"),
        ("active", "active"),
        ("version", "row_version"),
    ),
    _item,
)
CUSTOMER = Shape(
    Customer,
    (
        ("id", "exact_id"),
        ("code", "code_display"),
        ("name", "name"),
        *((f"address_{key}", f"address_{key}") for key in ("line1", "line2")),
        *((f"address_{key}", key) for key in ("postcode", "city", "country", "country_name")),
        ("email", "email"),
        ("phone", "phone"),
        ("vat_number", "vat_number"),
        ("blocked", "blocked"),
        ("credit_limit", "credit_limit"),
        ("payment_condition", "payment_condition"),
        ("shipping_method_id", "shipping_method_exact_id"),
        ("price_list_id", "price_list__exact_id"),
        ("pl_code", "price_list__code"),
        ("pl_description", "price_list__description"),
        ("active", "active"),
        ("version", "row_version"),
    ),
    _customer,
)
ITEM_PRICE = Shape(
    ItemPrice,
    (
        ("id", "exact_id"),
        ("item_id", "item__exact_id"),
        ("customer_id", "customer__exact_id"),
        ("price", "price"),
        ("currency", "currency"),
        ("quantity", "quantity"),
        ("unit", "unit"),
        ("start_date", "start_date"),
        ("end_date", "end_date"),
        ("active", "active"),
        ("version", "row_version"),
    ),
)
PRICE_LIST_LINE = Shape(
    VolumeDiscount,
    (
        ("id", "exact_id"),
        ("price_list_id", "period__price_list__exact_id"),
        ("price_list_code", "period__price_list__code"),
        ("period_id", "period__exact_id"),
        ("period_start", "period__start_date"),
        ("period_end", "period__end_date"),
        ("item_id", "item__exact_id"),
        ("item_group_code", "item_group_code"),
        ("quantity", "quantity"),
        ("method", "method"),
        ("new_price", "new_price"),
        ("discount", "discount"),
        ("base_price", "base_price"),
        ("unit", "unit"),
        ("active", "active"),
        ("version", "row_version"),
    ),
    _line,
)


def _order(record: Record) -> Record:
    record["discount"] = discount_percent(record["discount"])
    return record


ORDER = Shape(
    Order,
    (
        ("number", "number"),
        ("status", "status"),
        ("kind", "kind"),
        ("customer_id", "customer__exact_id"),
        ("delivery_address_id", "delivery_address_exact_id"),
        ("delivery_address_text", "delivery_address_text"),
        ("new_delivery_address", "new_delivery_address"),
        ("contact_id", "contact_exact_id"),
        ("contact_name", "contact_name"),
        ("shipping_method_id", "shipping_method_exact_id"),
        ("shipping_method_label", "shipping_method_label"),
        ("payment_condition", "payment_condition"),
        ("payment_condition_label", "payment_condition_label"),
        ("warehouse_id", "warehouse_exact_id"),
        ("warehouse_label", "warehouse_label"),
        ("discount", "discount"),
        ("your_ref", "your_ref"),
        ("delivery_date", "delivery_date"),
        ("notes", "notes"),
        ("total_excl_vat", "total_excl_vat"),
        ("total_incl_vat", "total_incl_vat"),
        ("exact_order_number", "exact_order_number"),
        ("exact_quotation_number", "exact_quotation_number"),
        ("exact_message", "exact_message"),
        ("created_at", "created_at"),
        ("updated_at", "updated_at"),
        ("version", "row_version"),
    ),
    _order,
)


def order_lines_records(order_ids: Iterable[int]) -> dict[int, list[Record]]:
    """{order pk: its lines}, in one query."""
    rows = OrderLine.objects.filter(order_id__in=list(order_ids)).order_by(
        "order_id", "line_number"
    )
    lines: dict[int, list[Record]] = {}
    for order_id, number, item_id, code, quantity, price, rule in rows.values_list(
        "order_id", "line_number", "item__exact_id", "item__code", "quantity", "unit_price",
        "price_rule",
    ):  # fmt: skip
        lines.setdefault(order_id, []).append(
            {
                "line_number": number,
                "item_id": item_id,
                "item_code": code,
                "quantity": quantity,
                "unit_price": price,
                "price_rule": rule,
            }
        )
    return lines


def order_records(queryset: models.QuerySet, *, pk_key: str | None = None) -> list[Record]:
    """Orders with their lines (two queries); `pk_key` keeps the primary key under that key."""
    records = ORDER.records(queryset, pk_key="_order_pk")
    lines = order_lines_records(record["_order_pk"] for record in records)
    for record in records:
        pk = record.pop("_order_pk")
        record["lines"] = lines.get(pk, [])
        if pk_key is not None:
            record[pk_key] = pk
    return records
