"""A sync feed made of several tables, in one rowversion order (spec §3.7, §9.2).

Exact serves some sync endpoints from more than one kind of record: the sales invoice
feed carries header rows (LineNumber 0) and line rows together, the payment-terms feed
receivables and payables. The rows stay in their own tables (which the plain and bulk
endpoints read); this view merges their Timestamp orders lazily, a page at a time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from itertools import chain

from .table import Table

RowView = Callable[[dict], dict]


def _as_is(row: dict) -> dict:
    return row


class MergedFeed:
    """`iter_since` over several tables, each row shown through its table's view."""

    def __init__(self, *parts: tuple[Table, RowView | None]) -> None:
        self.parts = [(table, view or _as_is) for table, view in parts]

    def __len__(self) -> int:
        return sum(len(table) for table, _ in self.parts)

    @property
    def rows(self) -> dict[object, dict]:
        """Every row by its own key, as shown in the feed (for `$count` and tests)."""
        shown = (map(view, table.rows.values()) for table, view in self.parts)
        return {id(row): row for row in chain.from_iterable(shown)}

    def iter_since(self, after_ts: int) -> Iterator[dict]:
        """Rows with rowversion > after_ts from every table, ascending."""
        streams = (map(view, table.iter_since(after_ts)) for table, view in self.parts)
        return heapq.merge(*streams, key=lambda row: row["_ts"])
