"""A sandbox with seeded history, and small readers of what its REST API answers."""

from __future__ import annotations

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from exact_sandbox.seed import build_state
from tests.exact_sandbox.data.rest_calls import EPOCH, call

DIVISION = 100001


def history_state(items: int = 60, customers: int = 40, seed: int = 3, **extra):
    config = SandboxConfig(items=items, customers=customers, seed=seed, history_months=24, **extra)
    return build_state(config, SandboxClock(frozen_at=EPOCH))


def rows_of(body: dict) -> list[dict]:
    data = body["d"]
    return data if isinstance(data, list) else data["results"]


def sync_all(state, path: str, select: str, after: int = 1, division: int = DIVISION) -> list:
    """Every row of a sync feed above `after`, following `__next`; each page checked 200."""
    query = {"$filter": f"Timestamp gt {after}", "$select": select}
    rows: list[dict] = []
    while True:
        status, body = call(state, path, query, division=division)
        assert status == 200, body
        rows.extend(rows_of(body))
        next_url = body["d"].get("__next")
        if not next_url:
            return rows
        query = {**query, "$skiptoken": next_url.split("$skiptoken=")[1].split("&")[0]}


def highest(rows: list[dict]) -> int:
    return max((int(row["Timestamp"]) for row in rows), default=1)
