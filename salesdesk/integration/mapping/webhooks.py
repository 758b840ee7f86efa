"""Exact's webhook deliveries and subscriptions in Salesdesk's words (spec §4.10)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A delivery is `{"Content":{…},"HashCode":"…"}`; the HashCode signs the content's raw bytes,
# so the content is cut out of the body as sent, never re-serialised.
DELIVERY = re.compile(rb'\A\{"Content":(?P<content>\{.*\}),"HashCode":"(?P<hash>[^"]*)"\}\Z', re.S)
NOTICE_FIELDS = ("Topic", "Division", "Action", "Key")


class NoticeContentInvalid(ValueError):
    """The content of a delivery is not a notice; the message says what is wrong."""


def notice_from_exact(content: Any) -> dict[str, Any]:
    """A notice's content as our field names: topic, division, action, key, event_created_on."""
    if not isinstance(content, dict) or any(not content.get(name) for name in NOTICE_FIELDS):
        raise NoticeContentInvalid("content lacks Topic, Division, Action or Key")
    try:
        division = int(content["Division"])
    except (TypeError, ValueError) as exc:
        raise NoticeContentInvalid("Division is not a number") from exc
    return {
        "topic": str(content["Topic"]),
        "division": division,
        "action": str(content["Action"]),
        "key": str(content["Key"]).lower(),
        "event_created_on": str(content.get("EventCreatedOn") or ""),
    }


@dataclass(frozen=True)
class ExactSubscription:
    """One row of Exact's webhooks/WebhookSubscriptions."""

    exact_id: str
    topic: str | None
    callback_url: str

    @property
    def exact_uuid(self) -> uuid.UUID:
        return uuid.UUID(self.exact_id)


def subscription_from_exact(row: Mapping[str, Any]) -> ExactSubscription:
    return ExactSubscription(
        exact_id=str(row["ID"]), topic=row.get("Topic"), callback_url=row.get("CallbackURL") or ""
    )
