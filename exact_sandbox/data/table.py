"""An in-memory entity table: rows by key, key order for paging, Timestamp order for sync.

Rows are plain dicts whose values are already in Exact's JSON form (see
`odata.values`); `_ts` holds the row's Int64 rowversion as an int. Sync order is an
append-only pair of lists (timestamps ascending, keys); an update appends a new
entry and leaves the old one stale, so a sync page is one bisect plus a short walk.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator


class Table:
    """Rows of one entity type within one division."""

    def __init__(self, key: str, indexed: tuple[str, ...] = ()) -> None:
        self.key = key
        self.rows: dict[str, dict] = {}
        self.keys: list[str] = []  # sorted: the order of plain/bulk paging
        self.ts: list[int] = []  # ascending rowversions, parallel to ts_keys
        self.ts_keys: list[str] = []
        self.indexes: dict[str, dict[object, set[str]]] = {name: {} for name in indexed}

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict]:
        return (self.rows[key] for key in self.keys)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def get(self, key: str) -> dict | None:
        return self.rows.get(key)

    def load(self, rows: Iterable[dict]) -> None:
        """Bulk insert for seeding: rows must come in ascending `_ts` order."""
        for row in rows:
            key = row[self.key]
            self.rows[key] = row
            self.ts.append(row["_ts"])
            self.ts_keys.append(key)
            self._index_add(key, row)
        self.keys = sorted(self.rows)

    def insert(self, row: dict) -> None:
        """Add a new row; its `_ts` must be above every existing one."""
        key = row[self.key]
        self.rows[key] = row
        insort(self.keys, key)
        self._append_ts(key, row["_ts"])
        self._index_add(key, row)

    def update(self, key: str, changes: dict, ts: int) -> dict:
        """Apply changes and give the row the new rowversion `ts`."""
        row = self.rows[key]
        self._index_remove(key, row)
        row.update(changes)
        row["_ts"] = ts
        if "Timestamp" in row:
            row["Timestamp"] = str(ts)
        self._index_add(key, row)
        self._append_ts(key, ts)
        return row

    def delete(self, key: str) -> dict:
        row = self.rows.pop(key)
        del self.keys[bisect_left(self.keys, key)]
        self._index_remove(key, row)
        return row

    def after_key(self, last_key: str | None) -> int:
        """Position in key order of the first key greater than last_key."""
        return 0 if last_key is None else bisect_right(self.keys, last_key)

    def iter_since(self, after_ts: int) -> Iterator[dict]:
        """Live rows with rowversion > after_ts, ascending (stale entries skipped)."""
        rows, ts, ts_keys = self.rows, self.ts, self.ts_keys
        for position in range(bisect_right(ts, after_ts), len(ts)):
            row = rows.get(ts_keys[position])
            if row is not None and row["_ts"] == ts[position]:
                yield row

    def lookup(self, field: str, value: object) -> set[str] | None:
        """Keys whose indexed field equals value; None when the field has no index."""
        if field == self.key:
            return {value} if value in self.rows else set()  # type: ignore[arg-type]
        index = self.indexes.get(field)
        if index is None:
            return None
        return set(index.get(value, ()))

    def _append_ts(self, key: str, ts: int) -> None:
        if self.ts and ts <= self.ts[-1]:
            raise ValueError("rowversions must increase")
        self.ts.append(ts)
        self.ts_keys.append(key)

    def _index_add(self, key: str, row: dict) -> None:
        for name, index in self.indexes.items():
            index.setdefault(row.get(name), set()).add(key)

    def _index_remove(self, key: str, row: dict) -> None:
        for name, index in self.indexes.items():
            bucket = index.get(row.get(name))
            if bucket is not None:
                bucket.discard(key)
                if not bucket:
                    del index[row.get(name)]
