"""Exact's `current/Me` and `system/Divisions` in Salesdesk's words (spec §4.1, §4.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExactUser:
    """The Exact user who authorized Salesdesk."""

    user_id: str | None
    full_name: str
    user_name: str
    # system/Divisions needs a division in its URL: the user's current one will do.
    current_division: int

    @property
    def label(self) -> str:
        """`Full Name (login)`, or whichever of the two Exact gave."""
        if self.full_name and self.user_name:
            return f"{self.full_name} ({self.user_name})"
        return self.full_name or self.user_name or "unknown user"


def user_from_exact(me: Mapping[str, Any]) -> ExactUser:
    return ExactUser(
        user_id=str(me.get("UserID") or "") or None,
        full_name=me.get("FullName") or "",
        user_name=me.get("UserName") or "",
        current_division=int(me.get("CurrentDivision") or 0),
    )


def divisions_from_exact(rows: Iterable[Mapping[str, Any]]) -> dict[int, str]:
    """`{division code: name}` of the administrations the user can reach."""
    return {int(row["Code"]): str(row.get("Description") or "") for row in rows}
