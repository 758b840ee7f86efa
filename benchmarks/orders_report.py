"""The figures of one column of an issue-20 orders scenario, and the scenario's table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.orders_world import Measured


@dataclass
class Column:
    label: str
    taken: int  # what Salesdesk took: orders, quotations or new customers
    stored: dict[str, int]  # records in the sandbox, by kind
    duplicates: int
    right: int  # Salesdesk records that reached Exact whole and point at the right rows
    found: int  # records found by the look-up after an unclear answer
    run: Measured

    @property
    def stored_total(self) -> int:
        return sum(self.stored.values())

    @property
    def exactly_once(self) -> bool:
        return self.duplicates == 0 and self.right == self.taken

    @property
    def per_minute(self) -> float:
        minutes = self.run.sandbox_minutes
        return self.taken / minutes if minutes else float("inf")


def doubled(keys: Iterable) -> int:
    """How many rows repeat a key another row has (0 when every key is unique)."""
    counts = Counter(keys)
    return sum(n - 1 for n in counts.values() if n > 1)


def label(fault_rate: float, drops: int) -> str:
    return f"{fault_rate:.0%} random faults + {drops} drops after commit"


def _rows(unit: str) -> tuple:
    return (
        (f"{unit.capitalize()} taken in Salesdesk", lambda c: f"{c.taken:,}"),
        ("Faults that fired", lambda c: f"{c.run.faults:,}"),
        ("Records stored in the sandbox", _stored),
        ("Duplicates", lambda c: f"{c.duplicates}"),
        (f"{unit.capitalize()} in Exact whole, with the right keys", lambda c: f"{c.right:,}"),
        ("Found by the look-up after an unclear answer", lambda c: f"{c.found:,}"),
        ("Exact calls", lambda c: f"{c.run.calls:,}"),
        ("Calls per record stored", lambda c: f"{c.run.calls / max(1, c.stored_total):.3f}"),
        (
            f"{unit.capitalize()} per minute (60 calls/minute limit)",
            lambda c: f"{c.per_minute:.1f}",
        ),
        ("Sandbox time", lambda c: f"{c.run.sandbox_minutes:.1f} min"),
        ("Wall time on this machine", lambda c: f"{c.run.wall_seconds:.1f} s"),
        ("Exactly once", lambda c: "yes" if c.exactly_once else "NO"),
    )


def _stored(column: Column) -> str:
    parts = " + ".join(f"{n:,} {kind}" for kind, n in column.stored.items())
    return f"{column.stored_total:,} ({parts})"


def table(title: str, intro: str, unit: str, columns: list[Column]) -> str:
    lines = [
        f"### {title}",
        "",
        intro,
        "",
        "| Figure | " + " | ".join(c.label for c in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    lines += [
        f"| {name} | " + " | ".join(cell(c) for c in columns) + " |" for name, cell in _rows(unit)
    ]
    return "\n".join(lines)
