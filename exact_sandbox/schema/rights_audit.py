"""The audit of a `users/UserHasRights` request: its parameters must name a call Exact has.

The function's query carries no property names for `request_audit` to check: it names an
endpoint and a method (spec §9.5). Asking about an endpoint the field reference lacks, or
about a method that endpoint does not have, tells Salesdesk nothing true about what it will
call, so the audit reports it as it reports an unknown property.
"""

from __future__ import annotations

from . import reference

PATH = "users/userhasrights"


def rights_findings(query: dict[str, str]) -> list[str]:
    """Sentences naming what is wrong with a UserHasRights query ([] when it is sound)."""
    endpoint, action = _quoted(query.get("endpoint")), _quoted(query.get("action"))
    if endpoint is None or action is None:
        return ["GET users/UserHasRights: endpoint and action must both be quoted strings"]
    try:
        section = reference.section(endpoint)
    except KeyError:
        return [f"GET users/UserHasRights: asks about '{endpoint}', no endpoint in the reference"]
    if action.upper() not in section["methods"]:
        return [f"GET users/UserHasRights: '{endpoint}' has no {action.upper()}"]
    return []


def _quoted(text: str | None) -> str | None:
    text = (text or "").strip()
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == "'" else None
