"""Exact's sales history in our field names, stored through the services the sync calls."""

from __future__ import annotations

import datetime
import itertools
import uuid
from decimal import Decimal

from django.utils import timezone

from salesdesk.history import services
from salesdesk.history.models import Progress

_seq = itertools.count(1000)
OPEN = Progress.OPEN


def make_sales_order(*, company, customer_exact_id, lines=(), **fields) -> dict:
    """A sales order header and its lines (`lines`: dicts of line fields); returns the
    header row with `lines` (the stored line rows)."""
    number = next(_seq)
    header = {
        "exact_id": uuid.uuid4(),
        "order_exact_id": uuid.uuid4(),
        "number": number,
        "customer_exact_id": customer_exact_id,
        "customer_name": "",
        "order_date": datetime.date(2026, 1, 5),
        "delivery_date": None,
        "your_ref": "",
        "description": f"Order {number}",
        "status": OPEN,
        "delivery_status": OPEN,
        "invoice_status": OPEN,
        "currency": "EUR",
        "amount_excl_vat": Decimal("100.00"),
        "amount_incl_vat": Decimal("121.00"),
        **fields,
    }
    rows = [
        sales_order_line_row(order=header, line_number=n, **line)
        for n, line in enumerate(lines, start=1)
    ]
    now = timezone.now()
    services.sales_orders_upsert(company=company, rows=[header], synced_at=now)
    if rows:
        services.sales_order_lines_upsert(company=company, rows=rows, synced_at=now)
    return {**header, "lines": rows}


def sales_order_line_row(*, order: dict, line_number: int, **fields) -> dict:
    return {
        "exact_id": uuid.uuid4(),
        "order_exact_id": order["order_exact_id"],
        "order_number": order["number"],
        "line_number": line_number,
        "item_exact_id": uuid.uuid4(),
        "item_code": f"ART-{line_number}",
        "item_description": f"Article {line_number}",
        "unit": "pc",
        "quantity": Decimal("10"),
        "quantity_delivered": Decimal("0"),
        "quantity_invoiced": Decimal("0"),
        "unit_price": Decimal("2.50"),
        "amount": Decimal("25.00"),
        "status": OPEN,
        "delivery_status": OPEN,
        "invoice_status": OPEN,
        "delivery_date": None,
        **fields,
    }


def make_delivery(*, company, customer_exact_id, order_lines: list[dict], **fields) -> dict:
    """A goods delivery of the whole quantity of `order_lines`."""
    header = {
        "exact_id": uuid.uuid4(),
        "number": next(_seq),
        "customer_exact_id": customer_exact_id,
        "delivery_date": datetime.date(2026, 1, 8),
        "tracking_number": "3SABC1234567",
        "shipping_method": "PostNL",
        "description": "",
        **fields,
    }
    lines = [
        {
            "exact_id": uuid.uuid4(),
            "delivery_exact_id": header["exact_id"],
            "order_line_exact_id": line["exact_id"],
            "order_number": line["order_number"],
            "line_number": n,
            "item_exact_id": line["item_exact_id"],
            "item_code": line["item_code"],
            "quantity_delivered": line["quantity"],
            "tracking_number": header["tracking_number"],
            "delivery_date": header["delivery_date"],
        }
        for n, line in enumerate(order_lines, start=1)
    ]
    now = timezone.now()
    services.goods_deliveries_upsert(company=company, rows=[header], synced_at=now)
    services.goods_delivery_lines_upsert(company=company, rows=lines, synced_at=now)
    return {**header, "lines": lines}


def make_invoice(*, company, customer_exact_id, lines=(), **fields) -> dict:
    """An invoice with lines (dicts of line fields: item_exact_id, quantity, unit_price…)."""
    number = next(_seq)
    header = {
        "exact_id": uuid.uuid4(),
        "number": number,
        "customer_exact_id": customer_exact_id,
        "invoice_date": datetime.date(2026, 1, 10),
        "due_date": datetime.date(2026, 2, 9),
        "type": 8020,
        "status": 50,
        "currency": "EUR",
        "amount_excl_vat": Decimal("100.00"),
        "amount_incl_vat": Decimal("121.00"),
        "your_ref": "",
        "description": "",
        **fields,
    }
    rows = [
        {
            "exact_id": uuid.uuid4(),
            "invoice_exact_id": header["exact_id"],
            "invoice_number": header["number"],
            "line_number": n,
            "customer_exact_id": customer_exact_id,
            "invoice_date": header["invoice_date"],
            "item_exact_id": uuid.uuid4(),
            "item_code": f"ART-{n}",
            "item_description": f"Article {n}",
            "unit": "pc",
            "quantity": Decimal("1"),
            "unit_price": Decimal("1.00"),
            "amount": Decimal("1.00"),
            "order_exact_id": None,
            "order_line_exact_id": None,
            "order_number": None,
            **line,
        }
        for n, line in enumerate(lines, start=1)
    ]
    now = timezone.now()
    services.sales_invoices_upsert(company=company, rows=[header], synced_at=now)
    if rows:
        services.sales_invoice_lines_upsert(company=company, rows=rows, synced_at=now)
    return {**header, "lines": rows}


def open_item_row(*, customer_exact_id, amount="100.00", due_date=None, **fields) -> dict:
    return {
        "exact_id": uuid.uuid4(),
        "customer_exact_id": customer_exact_id,
        "invoice_number": next(_seq),
        "invoice_date": datetime.date(2026, 1, 1),
        "due_date": due_date or datetime.date(2026, 1, 31),
        "description": "",
        "your_ref": "",
        "currency": "EUR",
        "amount": Decimal(amount),
        **fields,
    }


def make_open_item(*, company, customer_exact_id, **fields) -> dict:
    row = open_item_row(customer_exact_id=customer_exact_id, **fields)
    services.open_items_upsert(company=company, rows=[row], synced_at=timezone.now())
    return row
