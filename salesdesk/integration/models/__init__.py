from salesdesk.integration.models.connection import ExactConnection
from salesdesk.integration.models.rate_budget import RateBudget
from salesdesk.integration.models.sync import SyncCursor, SyncEntity, SyncRun, SyncSchedule
from salesdesk.integration.models.webhooks import (
    WebhookNotice,
    WebhookSubscription,
    WebhookTopic,
    WebhookTopicState,
)

__all__ = [
    "ExactConnection",
    "RateBudget",
    "SyncCursor",
    "SyncEntity",
    "SyncRun",
    "SyncSchedule",
    "WebhookNotice",
    "WebhookSubscription",
    "WebhookTopic",
    "WebhookTopicState",
]
