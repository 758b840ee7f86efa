"""The rights checklist after authorizing: one cheap call per right (spec §1.8 scopes).

A withheld scope answers 403 "Application Scope Violated" to a probing GET (an error only
when the right is really missing, which the sync would hit anyway). Writes, and the reads
added since, are asked through Exact's `users/UserHasRights` function (spec §9.5), never
tried: a deliberately invalid POST would spend one of the endpoint's 10 errors an hour on
every authorization, and asking is not billed (§5.2). Which rights: rights_catalog.py.
"""

from __future__ import annotations

from collections.abc import Callable

from exact_client import ExactClient, ExactError, Rejected
from salesdesk.integration.connection.rights_catalog import RIGHTS, Right
from salesdesk.integration.mapping import records


def _read(resource) -> Callable[[], object]:
    return lambda: next(
        iter(resource.list(select=records.ID_ONLY, filter=records.NO_RECORD, top=1)), None
    )


def _probe(call: Callable[[], object]) -> bool | None:
    """True: allowed; False: Exact refused (403); None: could not tell."""
    try:
        call()
    except Rejected as exc:
        return False if exc.status == 403 else None
    except ExactError:
        return None
    return True


def _ask(client: ExactClient, right: Right) -> bool | None:
    """Exact's yes or no; None when it did not answer. A 403 here refuses the question (an
    app without "Organization administration"), not the right asked about."""
    try:
        return client.user_has_rights(right.endpoint, right.action)
    except ExactError:
        return None


def _check(client: ExactClient, right: Right) -> bool | None:
    if right.probed:
        return _probe(_read(getattr(client, right.probed)))
    return _ask(client, right)


def rights_check(client: ExactClient) -> dict[str, bool | None]:
    """Which of the catalogue's rights work: {key: True / False / None (could not tell)}."""
    return {right.key: _check(client, right) for right in RIGHTS}


def _status(rights: dict, key: str) -> str:
    if key not in rights:  # authorized before Salesdesk checked this right
        return "unchecked"
    return {True: "ok", False: "missing"}.get(rights[key], "unknown")


def rights_rows(rights: dict) -> list[dict]:
    """The checklist for the template: label, ok / missing / unknown / unchecked, and what
    fails without the right (with the scope an administrator must grant)."""
    return [
        {
            "label": right.label,
            "status": _status(rights, right.key),
            "consequence": right.consequence,
            "scope": right.scope,
        }
        for right in RIGHTS
    ]
