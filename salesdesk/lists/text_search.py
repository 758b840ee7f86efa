"""Substring search that stays fast on 100,000 rows: SQLite FTS5 with the trigram tokenizer.

A plain `LIKE '%term%'` over five columns scans the whole table (about 150 ms for
100,000 customers, measured in benchmarks/pages_bench.py); the trigram index answers
the same question in a few milliseconds for terms of three characters or more.

The index is an "external content" FTS5 table kept current by triggers. Django
rebuilds a table (and so drops its triggers) when some migrations alter it, so the
index is not created in a migration but ensured after every `migrate`
(`post_migrate`, see the apps' `ready`), and rebuilt whenever its triggers were missing.

Bulk writers (the sync's upserts) pause the triggers and refresh the index with one
statement per page instead (`TextIndex.bulk`): FTS5 costs about three times as much per
row when it is fed one trigger call at a time (benchmarks/sync_bench.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection as default_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

MIN_TRIGRAM = 3
# FTS5 writes a segment per transaction and by default merges them four at a time, so
# a first sync of 100,000 rows committed page by page rewrote its terms several times
# over. Sixteen at a time cut the SQLite time of 200 such pages by about a tenth, with
# the same search times (measured on 100,000 items + 100,000 customers).
AUTOMERGE = 16


def prefix_range(field: str, term: str) -> Q:
    """Index-friendly prefix match: a range on the column. SQLite's LIKE is
    case-insensitive and so cannot use the (case-sensitive) index; the term is tried
    as typed, upper-cased and capitalized instead."""
    prefix = Q()
    for variant in {term, term.upper(), term.capitalize()}:
        prefix |= Q(**{f"{field}__gte": variant, f"{field}__lt": variant + "\U0010ffff"})
    return prefix


@dataclass(frozen=True)
class TextIndex:
    """A trigram index over some text columns of one model's table."""

    table: str
    columns: tuple[str, ...]

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"

    def filter(self, queryset: QuerySet, term: str, *, fallback: Q) -> QuerySet:
        """Rows whose indexed columns contain `term` (case-insensitive).

        Terms shorter than three characters cannot use a trigram index; they use
        `fallback` (an index-friendly prefix condition) instead.
        """
        term = term.strip()
        if not term:
            return queryset
        if len(term) < MIN_TRIGRAM:
            return queryset.filter(fallback)
        if queryset.db != "default" or default_connection.vendor != "sqlite":
            any_column = Q()
            for column in self.columns:
                any_column |= Q(**{f"{column}__icontains": term})
            return queryset.filter(any_column)
        phrase = '"' + term.replace('"', '""') + '"'
        # Table name from code, the term as a parameter.
        matching = RawSQL(  # noqa: S611
            f'SELECT rowid FROM "{self.fts_table}" WHERE "{self.fts_table}" MATCH %s',  # noqa: S608
            (phrase,),
        )
        return queryset.filter(pk__in=matching)

    @property
    def paused_table(self) -> str:
        # A row here (only ever inside a writing transaction) turns the triggers off.
        return f"{self.fts_table}_paused"

    @contextmanager
    def bulk(self, connection) -> Iterator[TextBulk | None]:
        """Pause the per-row triggers for one bulk write, in a transaction of its own.

        The caller keeps the index right itself: `forget` the old text of the rows it
        changes before writing them, `index_where` the written rows after. The pause row
        is removed before commit (a failure rolls it back), so no other writer ever sees
        it. Yields None where there is no index (PostgreSQL searches with ILIKE).
        """
        if connection.vendor != "sqlite":
            yield None
            return
        # No savepoint: inside one, SQLite copies every page it touches aside first.
        with (
            transaction.atomic(using=connection.alias, savepoint=False),
            connection.cursor() as cursor,
        ):
            cursor.execute(f"INSERT INTO {self.paused_table} DEFAULT VALUES")
            yield TextBulk(self, cursor)
            cursor.execute(f"DELETE FROM {self.paused_table}")  # noqa: S608

    def ensure(self, connection) -> bool:
        """Create the index and its triggers if missing, and rebuild it then (True); set
        its merge policy either way."""
        if connection.vendor != "sqlite":
            return False
        fts = self.fts_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type IN ('trigger', 'table') AND name LIKE %s",
                (f"{fts}_%",),
            )
            stored = {row[0] for row in cursor.fetchall()}
            missing = not set(self._schema()[-4:]) <= stored
            if missing:
                for statement in self._schema():
                    cursor.execute(statement)
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608
            # A setting kept in the index itself: set on every migrate, so older indexes get it.
            cursor.execute(
                f"INSERT INTO {fts}({fts}, rank) VALUES ('automerge', %s)",  # noqa: S608
                (AUTOMERGE,),
            )
        return missing

    def _schema(self) -> list[str]:
        fts, table = self.fts_table, self.table
        cols = ", ".join(self.columns)
        new = ", ".join(f"new.{c}" for c in self.columns)
        old = ", ".join(f"old.{c}" for c in self.columns)
        delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"  # noqa: S608
        insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"  # noqa: S608
        live = f"WHEN NOT EXISTS (SELECT 1 FROM {self.paused_table})"  # noqa: S608
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
            f"content='{table}', content_rowid='id', tokenize='trigram')",
            f"DROP TRIGGER IF EXISTS {fts}_ai",
            f"DROP TRIGGER IF EXISTS {fts}_ad",
            f"DROP TRIGGER IF EXISTS {fts}_au",
            f"DROP TABLE IF EXISTS {self.paused_table}",
            f"CREATE TABLE {self.paused_table} (id INTEGER PRIMARY KEY)",
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} {live} BEGIN {insert} END",
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} {live} BEGIN {delete} END",
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} {live} "
            f"BEGIN {delete} {insert} END",
        ]


class TextBulk:
    """The index maintenance of one bulk write with the triggers paused (`TextIndex.bulk`)."""

    def __init__(self, index: TextIndex, cursor) -> None:
        self.index = index
        self.cursor = cursor

    def forget(self, rows: Iterable[Sequence[Any]]) -> None:
        """Take rows out of the index: (id, *their indexed columns as stored now), by id."""
        fts, cols = self.index.fts_table, ", ".join(self.index.columns)
        marks = ", ".join(["%s"] * len(self.index.columns))
        sql = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', %s, {marks})"  # noqa: S608
        self.cursor.executemany(sql, list(rows))

    def index_where(self, where: str, params: Sequence[Any]) -> None:
        """Index the table's rows matching the SQL condition `where` (one statement).

        Callers go up in rowid: each call's rows come after the previous call's.
        """
        fts, cols = self.index.fts_table, ", ".join(self.index.columns)
        self.cursor.execute(
            f"INSERT INTO {fts}(rowid, {cols}) "  # noqa: S608
            f"SELECT id, {cols} FROM {self.index.table} WHERE {where} ORDER BY id",
            params,
        )

    def newest_id(self) -> int:
        """The highest id in the table now (0 when empty)."""
        self.cursor.execute(f"SELECT coalesce(max(id), 0) FROM {self.index.table}")  # noqa: S608
        return self.cursor.fetchone()[0]
