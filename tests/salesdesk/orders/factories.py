"""Factories for orders tests: customers, items and orders, and rows copied from the sandbox."""

from __future__ import annotations

import itertools
import uuid
from decimal import Decimal

from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.orders.lines import LineInput
from salesdesk.orders.services import OrderHeader, order_create

_seq = itertools.count(1)


def make_customer(*, company, code: str | None = None, exact_id=None, **fields) -> Customer:
    n = next(_seq)
    code = code or f"C{n:04d}"
    defaults = {"name": f"Customer {n}", "city": "Delft"}
    return Customer.objects.create(
        company=company,
        exact_id=exact_id or uuid.uuid4(),
        code=code.rjust(18),
        code_display=code,
        **(defaults | fields),
    )


def make_item(*, company, code: str | None = None, exact_id=None, **fields) -> Item:
    n = next(_seq)
    defaults = {
        "description": f"Item {n}",
        "standard_price": Decimal("10.00"),
        "vat_percentage": Decimal("0.21"),
    }
    return Item.objects.create(
        company=company,
        exact_id=exact_id or uuid.uuid4(),
        code=code or f"ART-{n:05d}",
        **(defaults | fields),
    )


def make_order(*, company, customer=None, items=None, user=None, lines: int = 2, **header):
    """A Draft order priced by the rules (standard prices unless the items say otherwise)."""
    customer = customer or make_customer(company=company)
    items = items or [make_item(company=company) for _ in range(lines)]
    order_lines = [LineInput(item=item, quantity=Decimal(n + 1)) for n, item in enumerate(items)]
    return order_create(
        company=company,
        user=user,
        header=OrderHeader(customer=customer, **header),
        lines=order_lines,
    )


def copy_sandbox_parties(*, company, state, division: int = 100001, customers=5, items=10):
    """Customer and Item rows for real records of a sandbox division (active, not blocked)."""
    data = state.divisions[division]
    accounts = [row for row in data.accounts if not row.get("Blocked")][:customers]
    products = [row for row in data.items if row.get("IsSalesItem")][:items]
    made_customers = [
        make_customer(
            company=company, code=row["Code"].strip(), exact_id=uuid.UUID(row["ID"]),
            name=row["Name"],
        )
        for row in accounts
    ]  # fmt: skip
    made_items = [
        make_item(
            company=company, code=row["Code"], exact_id=uuid.UUID(row["ID"]),
            description=row["Description"],
            standard_price=Decimal(str(row.get("StandardSalesPrice") or "1")),
            barcode=row.get("Barcode") or "",
        )
        for row in products
    ]  # fmt: skip
    return made_customers, made_items
