"""Which table a GET reads: a division's stored table, or one built for the call."""

from __future__ import annotations

from ..data.table import Table
from .context import CallContext
from .divisions import divisions_table
from .endpoints import Endpoint
from .receivables_read import receivables_by_account_table, receivables_list_table

# Endpoints whose rows depend on the caller or on query parameters.
_BUILT = {
    "system/Divisions": divisions_table,
    "read/financial/ReceivablesList": receivables_list_table,
    "read/financial/ReceivablesListByAccount": receivables_by_account_table,
}


def table_for(ctx: CallContext, endpoint: Endpoint) -> Table:
    """The rows `endpoint` serves in this call."""
    build = _BUILT.get(endpoint.path)
    return build(ctx) if build else getattr(ctx.division, endpoint.table)
