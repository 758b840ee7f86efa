from salesdesk.integration.connection.models import AuthorizationCheck, ExactConnection
from salesdesk.integration.rate_budget.models import RateBudget
from salesdesk.integration.sync.models import (
    SharedDeletions,
    SyncCursor,
    SyncEntity,
    SyncRun,
    SyncSchedule,
)
from salesdesk.integration.webhooks.models import (
    WebhookNotice,
    WebhookSubscription,
    WebhookTopic,
    WebhookTopicState,
)

__all__ = [
    "AuthorizationCheck",
    "ExactConnection",
    "RateBudget",
    "SharedDeletions",
    "SyncCursor",
    "SyncEntity",
    "SyncRun",
    "SyncSchedule",
    "WebhookNotice",
    "WebhookSubscription",
    "WebhookTopic",
    "WebhookTopicState",
]
