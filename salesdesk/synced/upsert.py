"""The bulk upsert behind every sync page: one `INSERT ... ON CONFLICT DO UPDATE` statement.

Rows are dicts of field names keyed by `exact_id`. The per-row Python work is kept to a
tuple lookup and the few conversions SQLite needs (UUID to hex, datetimes to UTC text);
a sync page of 1,000 rows spends its time in SQLite, not here (benchmarks/sync_bench.py).

On PostgreSQL the page goes as one JSON document (`json_populate_recordset`): with a
placeholder per value psycopg split a 30,000-placeholder query in Python for every page
and the server parsed it, at under 4,000 rows a second; with one array per column
psycopg's Python array quoting took half the time (benchmarks/sync_postgresql_bench.py).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from operator import itemgetter
from typing import Any

import orjson
from django.db import connections, models, router, transaction

from salesdesk.lists.text_search import TextBulk, TextIndex
from salesdesk.synced.deactivate import versioned
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

Row = dict[str, Any]
Prep = Callable[[Any], Any]
_CHUNK = 500  # bound parameters per `IN (...)`, well under SQLite's limit
_MAX_ROWS_PER_STATEMENT = 1_000  # a sync page


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
    Versioned models get one new `row_version` for the call (salesdesk/tenants/changes.py).
    `text`: the model's search index, refreshed in bulk for new rows and changed text.
    """
    unique = {row["exact_id"]: row for row in rows}
    if not unique:
        return UpsertResult()
    extra = dict(extra or {})
    if versioned(model):  # the reps' delta feed sees every write
        extra["row_version"] = version_next(company=company)
    connection = connections[router.db_for_write(model)]
    plan = _upsert_plan(model, tuple(next(iter(unique.values()))), extra, connection)
    keys = [plan.exact_id(key) for key in unique]  # as the database holds them
    values = plan.columns(company.pk, list(unique.values()))
    with (
        text.bulk(connection) if text else nullcontext() as bulk,
        # No savepoint: inside one SQLite copies each page it changes aside (a sub-journal),
        # which made a page of inserts 4x slower on a 100,000-row table.
        transaction.atomic(using=connection.alias, savepoint=False),
        connection.cursor() as cursor,
    ):
        columns = text.columns if bulk else ()
        stored = _stored(cursor, plan.table, company.pk, keys, columns)
        if bulk:  # external-content FTS5 forgets a row by its old text: before the write
            keyed = zip(keys, unique.values(), strict=True)
            changed = sorted(_changed_text(keyed, stored, columns))
            bulk.forget(changed)
            newest = bulk.newest_id()
        _write(cursor, connection, plan, values)
        if bulk:
            _index(bulk, changed_ids=[row[0] for row in changed], after_id=newest)
    return UpsertResult(created=len(unique) - len(stored), updated=len(stored))


def _write(cursor, connection, plan: _UpsertPlan, columns: list[Sequence]) -> None:
    """Run the upsert with as many rows per statement as the database takes (a page in one
    on SQLite): one long statement leaves the interpreter free while SQLite works, where
    `executemany` takes it back for every row (sync_bench: 2 s of 24 on 200,000 rows).
    On PostgreSQL the page is one JSON document, whatever its size."""
    if plan.recordset:
        rows = [dict(zip(plan.names, row, strict=True)) for row in zip(*columns, strict=True)]
        cursor.execute(plan.recordset, [orjson.dumps(rows, default=_json_value).decode()])
        return
    params = list(zip(*columns, strict=True))
    per = _rows_per_statement(connection, len(params[0]))
    for start in range(0, len(params), per):
        chunk = params[start : start + per]
        cursor.execute(plan.statement(len(chunk)), [value for row in chunk for value in row])


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):  # as text, so no digit is lost on the way
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _rows_per_statement(connection, width: int) -> int:
    if connection.vendor == "sqlite":
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    else:  # the most parameters the database's protocol carries
        limit = connection.features.max_query_params or 65_535
    return max(1, min(_MAX_ROWS_PER_STATEMENT, limit // width))


def _stored(cursor, table: str, company_id: int, keys: list, columns: tuple[str, ...]) -> dict:
    """{exact_id: (pk, *text columns)} of the rows among `keys` that exist already."""
    stored: dict[Any, tuple] = {}
    select = ", ".join(["exact_id", "id", *columns])
    if cursor.db.vendor == "postgresql":  # one array literal, not a placeholder per key
        cursor.execute(
            f"SELECT {select} FROM {table} WHERE company_id = %s AND exact_id = ANY(%s::uuid[])",  # noqa: S608
            [company_id, "{" + ",".join(map(str, keys)) + "}"],
        )
        return {exact_id: tuple(values) for exact_id, *values in cursor.fetchall()}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(
            f"SELECT {select} FROM {table} WHERE company_id = %s AND exact_id IN ({marks})",  # noqa: S608
            [company_id, *chunk],
        )
        for exact_id, *values in cursor.fetchall():
            stored[exact_id] = tuple(values)
    return stored


def _changed_text(keyed_rows: Iterable[tuple[Any, Row]], stored: dict, columns) -> list[tuple]:
    """The stored (pk, *text) of rows whose indexed text the write changes (a column not
    written stays as it is)."""
    changed = []
    for key, row in keyed_rows:
        old = stored.get(key)
        if old and any(row.get(c, was) != was for c, was in zip(columns, old[1:], strict=True)):
            changed.append(old)
    return changed


def _index(bulk: TextBulk, *, changed_ids: list[int], after_id: int) -> None:
    """Index the changed rows, then every row inserted after `after_id`, in rowid order.

    FTS5 writes its buffered terms out whenever a rowid comes that is not larger than the
    last one; fed in random order it did that per row (4x slower, sync_bench).
    """
    for start in range(0, len(changed_ids), _CHUNK):
        chunk = changed_ids[start : start + _CHUNK]
        bulk.index_where(f"id IN ({', '.join(['%s'] * len(chunk))})", chunk)
    # New rows get ids above every id before (the write lock is ours since BEGIN).
    bulk.index_where("id > %s", [after_id])


@dataclass(frozen=True)
class _UpsertPlan:
    table: str  # quoted
    insert: str  # `INSERT INTO ... VALUES `
    row: str  # one row's placeholders
    conflict: str  # ` ON CONFLICT ... DO UPDATE SET ...`
    getter: Callable[[Row], tuple]  # the row's values, in column order
    converters: tuple[tuple[int, Prep], ...]  # (position in the values, conversion)
    tail: tuple  # the prepared `extra` values and defaults, the same for every row
    exact_id: Prep
    names: tuple[str, ...]  # the columns, in the statement's order
    recordset: str | None  # PostgreSQL: the upsert of one JSON array of rows

    def statement(self, count: int) -> str:
        """The upsert of `count` rows in one statement."""
        return f"{self.insert}{', '.join([self.row] * count)}{self.conflict}"

    def columns(self, company_id: int, rows: list[Row]) -> list[Sequence]:
        """The values of `rows`, one list per column in the statement's order, converted
        column by column (a page's worth of per-row Python calls is what a sync spends
        its time on otherwise)."""
        columns: list[Any] = list(zip(*map(self.getter, rows), strict=True))
        for position, prep in self.converters:
            columns[position] = list(map(prep, columns[position]))
        repeat = len(rows)
        tail = [[value] * repeat for value in self.tail]
        return [[company_id] * repeat, *columns, *tail]


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
        for position, field in enumerate(by_key[k] for k in given)
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
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) VALUES "  # noqa: S608
    row = f"({', '.join(['%s'] * len(columns))})"
    conflict = (
        f" ON CONFLICT ({quote('company_id')}, {quote('exact_id')}) "
        f"DO UPDATE SET {', '.join(updates)}"
    )
    getter = itemgetter(*given) if len(given) > 1 else (lambda row: (row[given[0]],))
    exact_id = _prep(by_key["exact_id"], connection) or (lambda value: value)
    table = quote(model._meta.db_table)
    recordset = None
    if connection.vendor == "postgresql":
        selected = ", ".join(map(quote, columns))
        recordset = (
            f"{insert.removesuffix('VALUES ')}SELECT {selected} "  # noqa: S608
            f"FROM json_populate_recordset(NULL::{table}, %s::json){conflict}"
        )
    plan = (table, insert, row, conflict, getter, converters, tail, exact_id)
    return _UpsertPlan(*plan, names=tuple(columns), recordset=recordset)


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

    The common types take a short path that gives what Django's own `get_db_prep_save`
    gives: on SQLite hex UUIDs, naive UTC datetime text and ISO dates; on PostgreSQL the
    values themselves. Anything unexpected (and every type elsewhere) goes through Django.
    """
    kind = field.get_internal_type()
    if kind in _PLAIN_TYPES:
        return None
    slow = partial(field.get_db_prep_save, connection=connection)
    if connection.vendor == "postgresql":
        return _postgresql_prep(kind, slow)
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


def _postgresql_prep(kind: str, slow: Prep) -> Prep:
    if kind == "DateTimeField":
        return partial(_aware, slow=slow)
    native = {"UUIDField": uuid.UUID, "DecimalField": Decimal, "DateField": date}.get(kind)
    return partial(_as_type, kind=native, slow=slow) if native else slow


def _aware(value: Any, *, slow: Prep) -> Any:
    return value if type(value) is datetime and value.tzinfo is not None else slow(value)


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


def exact_pks(
    model: type[models.Model], *, company: Company, exact_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """{exact_id: pk} of the company's stored rows among `exact_ids` (one query)."""
    ids = list(exact_ids)
    if not ids:
        return {}
    found = model.objects.filter(company=company, exact_id__in=ids).values_list("exact_id", "pk")
    return dict(found)
