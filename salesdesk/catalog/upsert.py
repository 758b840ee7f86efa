"""The bulk upsert behind every sync page: one `INSERT ... ON CONFLICT DO UPDATE` statement.

Rows are dicts of field names keyed by `exact_id`. The per-row Python work is kept to a
tuple lookup and the few conversions SQLite needs (UUID to hex, datetimes to UTC text);
a sync page of 1,000 rows spends its time in SQLite, not here (benchmarks/sync_bench.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from operator import itemgetter
from typing import Any

from django.db import connections, models, router, transaction

from salesdesk.api.changes import version_next
from salesdesk.catalog.text_search import TextBulk, TextIndex
from salesdesk.tenants.models import Company

Row = dict[str, Any]
Prep = Callable[[Any], Any]
_CHUNK = 500  # bound parameters per `IN (...)`, well under SQLite's limit


@dataclass(frozen=True)
class UpsertResult:
    created: int = 0
    updated: int = 0

    def __add__(self, other: UpsertResult) -> UpsertResult:
        return UpsertResult(self.created + other.created, self.updated + other.updated)


def exact_upsert_many(
    model: type[models.Model],
    *,
    company: Company,
    rows: Sequence[Row],
    extra: Row | None = None,
    text: TextIndex | None = None,
) -> UpsertResult:
    """Insert or update `rows` of `model` by (company, exact_id) in one statement per call.

    Every field present in the rows, and in `extra` (the same values for every row, such
    as `synced_at`), is written; missing fields of new rows get their defaults. Keys are
    field names or attnames (`item_id`). The same exact_id twice keeps the last row.
    Versioned models get one new `row_version` for the call (salesdesk/api/changes.py).
    `text`: the model's search index, refreshed in bulk for new rows and changed text.
    """
    unique = {row["exact_id"]: row for row in rows}
    if not unique:
        return UpsertResult()
    extra = dict(extra or {})
    if _versioned(model):  # the reps' delta feed sees every write
        extra["row_version"] = version_next(company=company)
    connection = connections[router.db_for_write(model)]
    plan = _upsert_plan(model, tuple(next(iter(unique.values()))), extra, connection)
    params = [plan.values(company.pk, row) for row in unique.values()]
    with (
        text.bulk(connection) if text else nullcontext() as bulk,
        # No savepoint: inside one SQLite copies each page it changes aside (a sub-journal),
        # which made a page of inserts 4x slower on a 100,000-row table.
        transaction.atomic(using=connection.alias, savepoint=False),
    ):
        stored = _stored(model, company, unique, text.columns if bulk else ())
        changed = _changed_text(unique, stored, text.columns) if bulk else []
        if bulk:  # external-content FTS5 forgets a row by its old text: before the write
            bulk.forget(stored[exact_id] for exact_id in changed)
        with connection.cursor() as cursor:
            cursor.executemany(plan.sql, params)
        if bulk:
            fresh = [key for key in unique if key not in stored] + changed
            _index(bulk, company, [plan.exact_id(key) for key in fresh])
    return UpsertResult(created=len(unique) - len(stored), updated=len(stored))


def _stored(model, company, unique: dict, columns: tuple[str, ...]) -> dict[uuid.UUID, tuple]:
    """{exact_id: (pk, *text columns)} of the rows among `unique` that exist already."""
    stored: dict[uuid.UUID, tuple] = {}
    ids = list(unique)
    for start in range(0, len(ids), _CHUNK):
        found = model.objects.filter(company=company, exact_id__in=ids[start : start + _CHUNK])
        for exact_id, *values in found.values_list("exact_id", "pk", *columns):
            stored[exact_id] = tuple(values)
    return stored


def _changed_text(unique: dict, stored: dict, columns: tuple[str, ...]) -> list[uuid.UUID]:
    """The stored rows whose indexed text the write changes (a column not written stays)."""
    changed = []
    for exact_id, old in stored.items():
        row = unique[exact_id]
        if any(row.get(column, was) != was for column, was in zip(columns, old[1:], strict=True)):
            changed.append(exact_id)
    return changed


def _index(bulk: TextBulk, company: Company, exact_ids: list[Any]) -> None:
    for start in range(0, len(exact_ids), _CHUNK):
        chunk = exact_ids[start : start + _CHUNK]
        marks = ", ".join(["%s"] * len(chunk))
        bulk.index_where(f"company_id = %s AND exact_id IN ({marks})", [company.pk, *chunk])


@dataclass(frozen=True)
class _UpsertPlan:
    sql: str
    getter: Callable[[Row], tuple]  # the row's values, in column order
    converters: tuple[tuple[int, Prep], ...]  # (position in the values, conversion)
    tail: tuple  # the prepared `extra` values and defaults, the same for every row
    exact_id: Prep

    def values(self, company_id: int, row: Row) -> list[Any]:
        values = [company_id, *self.getter(row)]
        for position, prep in self.converters:
            values[position] = prep(values[position])
        values += self.tail
        return values


def _upsert_plan(model, given: tuple[str, ...], extra: Row, connection) -> _UpsertPlan:
    quote = connection.ops.quote_name
    fields = [
        f for f in model._meta.concrete_fields if not f.primary_key and f.attname != "company_id"
    ]
    by_key = {f.attname: f for f in fields} | {f.name: f for f in fields}
    if unknown := (set(given) | set(extra)) - set(by_key):
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    given = tuple(k for k in given if k not in extra)
    written = [by_key[k] for k in given] + [by_key[k] for k in extra]
    defaults = [f for f in fields if f not in written]
    converters = tuple(
        (position, prep)
        for position, field in enumerate((by_key[k] for k in given), start=1)
        if (prep := _prep(field, connection)) is not None
    )
    tail = tuple(_prepared(by_key[k], v, connection) for k, v in extra.items()) + tuple(
        _prepared(f, f.get_default(), connection) for f in defaults
    )
    columns = ["company_id", *(f.column for f in written + defaults)]
    updates = [
        f"{quote(f.column)} = excluded.{quote(f.column)}" for f in written if f.name != "exact_id"
    ]
    # Identifiers come from the model's meta, quoted; values go as parameters.
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({quote('company_id')}, {quote('exact_id')}) "
        f"DO UPDATE SET {', '.join(updates)}"
    )
    getter = itemgetter(*given) if len(given) > 1 else (lambda row: (row[given[0]],))
    exact_id = _prep(by_key["exact_id"], connection) or (lambda value: value)
    return _UpsertPlan(sql, getter, converters, tail, exact_id)


# Values these fields hold go to the database as they are.
_PLAIN_TYPES = frozenset(
    {"CharField", "TextField", "BooleanField", "BigIntegerField", "IntegerField",
     "PositiveIntegerField", "SmallIntegerField", "PositiveSmallIntegerField", "ForeignKey",
     "FileField"}
)  # fmt: skip


def _prepared(field: models.Field, value: Any, connection) -> Any:
    prep = _prep(field, connection)
    return prep(value) if prep else value


def _prep(field: models.Field, connection) -> Prep | None:
    """The conversion of one field's values for the database; None when there is none.

    On SQLite the common types take a short path that gives what Django's own
    `get_db_prep_save` gives (hex UUIDs, naive UTC datetime text, ISO dates); anything
    unexpected (and every type elsewhere) goes through Django.
    """
    kind = field.get_internal_type()
    if kind in _PLAIN_TYPES:
        return None
    slow = partial(field.get_db_prep_save, connection=connection)
    if connection.vendor != "sqlite":
        return slow
    if kind == "UUIDField":
        return partial(_uuid_hex, slow=slow)
    if kind == "DecimalField":  # the driver adapter writes Decimals as text
        return partial(_as_type, kind=Decimal, slow=slow)
    if kind == "DateField":
        return partial(_date_text, slow=slow)
    if kind == "DateTimeField":
        return partial(_datetime_text, tz=connection.timezone, slow=slow)
    return slow


def _uuid_hex(value: Any, *, slow: Prep) -> Any:
    return value.hex if type(value) is uuid.UUID else slow(value)


def _as_type(value: Any, *, kind: type, slow: Prep) -> Any:
    return value if value is None or type(value) is kind else slow(value)


def _date_text(value: Any, *, slow: Prep) -> Any:
    return value.isoformat() if type(value) is date else slow(value)


def _datetime_text(value: Any, *, tz, slow: Prep) -> Any:
    if type(value) is datetime and value.tzinfo is not None:
        return str(value.astimezone(tz).replace(tzinfo=None))
    return slow(value)


def _versioned(model: type[models.Model]) -> bool:
    return any(field.name == "row_version" for field in model._meta.concrete_fields)


def exact_pks(
    model: type[models.Model], *, company: Company, exact_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """{exact_id: pk} of the company's stored rows among `exact_ids` (one query)."""
    ids = list(exact_ids)
    if not ids:
        return {}
    found = model.objects.filter(company=company, exact_id__in=ids).values_list("exact_id", "pk")
    return dict(found)
