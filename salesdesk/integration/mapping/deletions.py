"""A row of sync/Deleted as (EntityType, the deleted record's key) (spec §4.7, §9.3)."""

from __future__ import annotations

import uuid
from typing import Any

from salesdesk.integration.mapping.values import guid, whole


def deleted_entity(row: dict[str, Any]) -> tuple[int, uuid.UUID] | None:
    """`EntityKey` is the deleted record's ID (a delivery's EntryID, §9.3); the row's own
    `ID` is the deletion's. None for a row without a usable type or key."""
    entity_type, key = whole(row.get("EntityType")), guid(row.get("EntityKey"))
    if entity_type is None or key is None:
        return None
    return entity_type, key
