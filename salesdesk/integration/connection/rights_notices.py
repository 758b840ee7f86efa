"""What a page says where a feature is used when the last authorization found its right missing.

One sentence per scope area: the rights one area covers (creating a customer, its contact
person and its address all need "Crm accounts") are withheld together, so they are named
together. Only a right the checklist found missing counts: one that could not be checked, or
was not checked because the connection predates it, says nothing (Exact's own refusal, if
any, still explains itself on the order or customer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from salesdesk.integration.connection.rights_catalog import BY_KEY, Right


@dataclass(frozen=True)
class RightsNotice:
    scope: str
    text: str


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _doings(rights: list[Right]) -> str:
    """A verb said once for a run: "create customers, contact persons and addresses"."""
    parts, verb = [], None
    for right in rights:
        first, _, rest = right.doing.partition(" ")
        parts.append(rest if first == verb else right.doing)
        verb = first
    return _joined(parts)


def _notice(scope: str, rights: list[Right]) -> RightsNotice:
    writes = any(right.action != "GET" for right in rights)
    granted = "to read and manage" if writes else "(at least to read)"
    text = (
        f"Exact Online does not allow Salesdesk to {_doings(rights)} "
        f"(scope {scope}): ask an administrator to authorize Salesdesk again with the scope "
        f"“{scope}” granted {granted}, as an Exact user who may do this. "
        + " ".join(right.consequence for right in rights)
    )
    return RightsNotice(scope=scope, text=text)


def rights_missing_notices(rights: dict, keys: Iterable[str]) -> list[RightsNotice]:
    """The notices for those of `keys` (catalogue keys) that `rights` found missing."""
    by_scope: dict[str, list[Right]] = {}
    for key in keys:
        if rights.get(key) is False:
            right = BY_KEY[key]
            by_scope.setdefault(right.scope, []).append(right)
    return [_notice(scope, missing) for scope, missing in by_scope.items()]
