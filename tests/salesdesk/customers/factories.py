"""Factories for customers (ORM creates; the real data comes from the sync engine)."""

from __future__ import annotations

import itertools
import uuid

from django.utils import timezone

from salesdesk.customers.models import Customer

_seq = itertools.count(1)


def make_customer(*, company, name: str | None = None, code: str | None = None, **fields):
    n = next(_seq)
    code = code or str(n)
    values = {
        "exact_id": uuid.uuid4(),
        "code": code.rjust(18),
        "code_display": code,
        "name": name or f"Customer {n}",
        "city": "Utrecht",
        "country": "NL",
        "synced_at": timezone.now(),
    }
    values.update(fields)
    return Customer.objects.create(company=company, **values)
