"""What the Connector settings tab shows about webhooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salesdesk.integration.webhooks.models import (
    WebhookSubscription,
    WebhookTopic,
    WebhookTopicState,
)
from salesdesk.tenants.models import Company


@dataclass(frozen=True)
class TopicStatus:
    """One topic's line: subscribed or not, the last notice, the sync waiting for it."""

    topic: str
    label: str
    subscription: WebhookSubscription | None
    last_notice_at: datetime | None
    notices: int
    sync_due_at: datetime | None


def webhook_status(*, company: Company) -> list[TopicStatus]:
    """One line per topic Salesdesk subscribes to, for this company only."""
    subs = {s.topic: s for s in WebhookSubscription.objects.filter(company=company)}
    states = {s.topic: s for s in WebhookTopicState.objects.filter(company=company)}
    lines = []
    for topic, label in WebhookTopic.choices:
        state = states.get(topic)
        lines.append(
            TopicStatus(
                topic=topic,
                label=label,
                subscription=subs.get(topic),
                last_notice_at=state.last_notice_at if state else None,
                notices=state.notices if state else 0,
                sync_due_at=state.sync_due_at if state else None,
            )
        )
    return lines
