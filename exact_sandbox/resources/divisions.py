"""`system/Divisions`: the divisions the calling user can reach (spec §4.2)."""

from __future__ import annotations

from ..data.table import Table
from ..http import Response
from ..odata.query import QueryOptions
from .catalog import Endpoint
from .collection import read_collection
from .context import CallContext


def read_divisions(ctx: CallContext, endpoint: Endpoint, options: QueryOptions) -> Response:
    """Exact does not check the division in this URL (picqer#470); any division answers."""
    table = Table("Code")
    table.load({**data.info, "_ts": position} for position, data in enumerate(_reachable(ctx)))
    return read_collection(ctx, endpoint, table, options)


def _reachable(ctx: CallContext) -> list:
    divisions = ctx.state.divisions  # type: ignore[attr-defined]
    username = getattr(ctx.req, "username", None) or getattr(ctx.req, "user", None)
    user_divisions = getattr(ctx.state, "user_divisions", None)
    if username and callable(user_divisions):
        codes = [code for code in user_divisions(username) if code in divisions]
        return [divisions[code] for code in codes]
    return list(divisions.values())
