"""`system/Divisions`: the divisions the calling user can reach (spec §4.2)."""

from __future__ import annotations

from ..data.table import Table
from .context import CallContext


def divisions_table(ctx: CallContext) -> Table:
    """The granted divisions as a Table keyed by `Code` (Int32), so that key lookups
    (`system/Divisions(124132)`, spec §1.2), `$count` and `$filter` work as elsewhere.

    Exact does not check the division in this URL (picqer#470): the gate lets any
    existing division through (`api_gate.DIVISION_UNCHECKED`)."""
    table = Table("Code")
    table.load({**data.info, "_ts": position} for position, data in enumerate(_reachable(ctx)))
    return table


def _reachable(ctx: CallContext) -> list:
    """The divisions the token may use: the user's, as far as the consent granted them
    (`RestRequest.divisions`, computed by the gate). Divisions left out at consent are not
    listed, though the URL's own division may be one of them (spec §1.3, §4.2)."""
    divisions = ctx.state.divisions  # type: ignore[attr-defined]
    return [divisions[code] for code in sorted(ctx.req.divisions) if code in divisions]
