"""Deactivation of synced records: a record Exact deleted stays, inactive.

Nothing synced is hard-deleted: orders refer to items and customers (spec: "no record that
an order refers to is ever hard-deleted").
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models

from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company


def exact_deactivate_many(
    model: type[models.Model], *, company: Company, exact_ids: Iterable[uuid.UUID]
) -> int:
    """Mark the company's rows with these Exact IDs inactive; returns how many changed."""
    ids = list(exact_ids)
    if not ids:
        return 0
    rows = model.objects.filter(company=company, exact_id__in=ids, active=True)
    return deactivate(rows, company=company)


def deactivate(rows: models.QuerySet, *, company: Company) -> int:
    """Mark `rows` inactive, stamping a new change version where the model has one."""
    changes: dict[str, Any] = {"active": False}
    if versioned(rows.model) and rows.exists():
        changes["row_version"] = version_next(company=company)
    return rows.update(**changes)


def versioned(model: type[models.Model]) -> bool:
    """Whether the model's rows carry a change version (the reps' delta feed pages on it)."""
    return any(field.name == "row_version" for field in model._meta.concrete_fields)
