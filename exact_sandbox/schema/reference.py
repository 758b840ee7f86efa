"""The checked-in copy of Exact's field reference: one section per endpoint path.

Paths are written without the leading slash and compared case-insensitively, as Exact
matches them (`sync/Logistics/Items`).
"""

from __future__ import annotations

import json
from functools import cache

from .reference_markdown import JSON_PATH

# The reference has no section for these bulk endpoints; spec §3.8 says bulk endpoints have
# "the same fields as the normal endpoint (often)". The sandbox's choice (UNCONFIRMED): the
# plain endpoint's section.
SAME_AS_PLAIN = {
    "bulk/logistics/items": "logistics/Items",
    "bulk/crm/accounts": "crm/Accounts",
    "bulk/logistics/salesitemprices": "logistics/SalesItemPrices",
}


@cache
def sections() -> dict[str, dict]:
    """{lower-cased path: {"path", "methods", "scope", "key", "fields": {name: type}}}."""
    raw = json.loads(JSON_PATH.read_text(encoding="utf-8"))
    return {path.lower(): {"path": path, **section} for path, section in raw.items()}


def section(path: str) -> dict:
    """The reference section that describes `path` (KeyError when the reference has none)."""
    wanted = path.strip("/").lower()
    wanted = SAME_AS_PLAIN.get(wanted, wanted).lower()
    return sections()[wanted]


def properties(path: str) -> dict[str, str]:
    """{property: OData type} of the endpoint at `path`, in the reference's order."""
    return dict(section(path)["fields"])
