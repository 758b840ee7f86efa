"""Matching the Installation tab's Name against Exact's administrations (walkthrough step 1).

The name must match exactly; a "near miss" has the same letters and digits once case,
spaces and punctuation are ignored (`Demo Wholesale BV` for `Demo Wholesale B.V.`).
"""

from __future__ import annotations

from dataclasses import dataclass


def name_key(name: str) -> str:
    """The letters and digits of a name, lower-cased."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@dataclass(frozen=True)
class NameMatch:
    code: int | None  # the division whose name matches exactly, if any
    near_misses: list[str]
    names: list[str]


def name_match(name: str, divisions: dict[int, str]) -> NameMatch:
    """Find `name` among `{division code: name}`; list near misses when none matches exactly."""
    names = sorted(divisions.values(), key=str.casefold)
    exact = [code for code, description in divisions.items() if description == name]
    if exact:
        return NameMatch(code=min(exact), near_misses=[], names=names)
    key = name_key(name)
    near = [description for description in names if key and name_key(description) == key]
    return NameMatch(code=None, near_misses=near, names=names)


def name_mismatch_message(name: str, match: NameMatch, user: str) -> str:
    """The plain message for a Name that matches no administration of the consent.

    Exact lists only the administrations ticked on its consent page (spec §4.2), so a Name
    without a near miss among them was most likely left out of the consent: say so by name.
    The caller adds what stays as it was.
    """
    if not match.names:
        return (
            f"Exact user {user} can reach no administration for Salesdesk. "
            "Authorize again and grant access to the administration."
        )
    listed = ", ".join(f"“{n}”" for n in match.names)
    if match.near_misses:
        return (
            f"No administration is named exactly “{name}”. Exact user {user} can reach: "
            f"{listed}. Did you mean “{match.near_misses[0]}”? Capitals, spaces and "
            "punctuation count. Correct the Name on the Installation tab (or in Exact "
            "Online) and authorize again."
        )
    return (
        f"The consent left out “{name}”, the administration named on the Installation tab: "
        f"Exact user {user} granted Salesdesk access to {listed} only. Authorize again and "
        f"tick “{name}” on Exact Online's consent page (or correct the Name on the "
        "Installation tab)."
    )
