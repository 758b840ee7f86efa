"""`system/Divisions`: the divisions the calling user can reach (spec §4.2)."""

from __future__ import annotations

from ..data.table import Table
from .context import CallContext


def divisions_table(ctx: CallContext) -> Table:
    """The user's divisions as a Table keyed by `Code` (Int32), so that key lookups
    (`system/Divisions(124132)`, spec §1.2), `$count` and `$filter` work as elsewhere.

    Exact does not check the division in this URL (picqer#470): the gate lets any
    existing division through (`api_gate.DIVISION_UNCHECKED`)."""
    table = Table("Code")
    table.load({**data.info, "_ts": position} for position, data in enumerate(_reachable(ctx)))
    return table


def _reachable(ctx: CallContext) -> list:
    divisions = ctx.state.divisions  # type: ignore[attr-defined]
    username = getattr(ctx.req, "username", None) or getattr(ctx.req, "user", None)
    user_divisions = getattr(ctx.state, "user_divisions", None)
    if username and callable(user_divisions):
        codes = [code for code in user_divisions(username) if code in divisions]
        return [divisions[code] for code in codes]
    return list(divisions.values())
