"""Verified notices: stored once, counted per topic, and coalesced into one sync per burst.

Exact sends one notice per changed record and may repeat a notice; a burst of 1,000 changes
must not cost 1,000 fetches. The first notice of a burst sets `sync_due_at` (now + debounce)
and enqueues one deferred task for that moment; the notices after it only count. When the
task runs it clears the mark and requests one incremental sync of the entity, which reads
every change since the cursor in pages of 1,000 (spec §3.7).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.integration.sync.services import sync_request
from salesdesk.integration.webhooks.models import WebhookNotice, WebhookTopic, WebhookTopicState
from salesdesk.integration.webhooks.signals import webhook_sync_armed
from salesdesk.integration.webhooks.signature import Notice
from salesdesk.tenants.models import Company

# What a notice of each topic refreshes (a delivery changes its order's quantities too).
TOPIC_ENTITIES = {
    WebhookTopic.ITEMS: SyncEntity.ITEMS,
    WebhookTopic.ACCOUNTS: SyncEntity.CUSTOMERS,
    WebhookTopic.SALES_ORDERS: SyncEntity.SALES_ORDERS,
    WebhookTopic.STOCK_POSITIONS: SyncEntity.STOCK,
    WebhookTopic.GOODS_DELIVERIES: SyncEntity.SALES_ORDERS,
}
# A mark older than this lost its task (a worker or queue was lost): the next notice re-arms.
ARM_EXPIRES = timedelta(minutes=10)
# However long a burst lasts, its sync starts at most this long after its first notice.
MAX_DELAY = timedelta(minutes=2)


def debounce() -> timedelta:
    return timedelta(seconds=settings.EXACT_WEBHOOK_DEBOUNCE_SECONDS)


def notice_receive(*, company: Company, notice: Notice, now: datetime | None = None) -> bool:
    """Store a verified notice and arm its topic's sync; False when it was seen before."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            WebhookNotice.objects.create(
                company=company, topic=notice.topic, action=notice.action, key=notice.key,
                event_created_on=notice.event_created_on, hash_code=notice.hash_code,
            )  # fmt: skip
    except IntegrityError:
        return False  # a repeat delivery, or a replay of a captured one
    state, _ = WebhookTopicState.objects.get_or_create(company=company, topic=notice.topic)
    WebhookTopicState.objects.filter(pk=state.pk).update(
        last_notice_at=now, notices=F("notices") + 1
    )
    if notice.topic in TOPIC_ENTITIES:
        webhook_sync_arm(company=company, topic=notice.topic, now=now)
    return True


def webhook_sync_arm(*, company: Company, topic: str, now: datetime) -> bool:
    """Enqueue the topic's debounced sync unless one is already due; True if this call did."""
    due = now + debounce()
    free = Q(sync_due_at__isnull=True) | Q(sync_due_at__lt=now - ARM_EXPIRES)
    armed = (
        WebhookTopicState.objects.filter(company=company, topic=topic)
        .filter(free)
        .update(sync_due_at=due, armed_at=now)
    )
    if armed:
        transaction.on_commit(lambda: _enqueue(company.pk, topic, due))
    return bool(armed)


def _enqueue(company_id: int, topic: str, due: datetime) -> None:
    webhook_sync_armed.send(sender=WebhookTopicState, company_id=company_id, topic=topic, due=due)


def webhook_sync_fire(
    *, company: Company, topic: str, now: datetime | None = None
) -> SyncRun | None:
    """The debounce is over: request one incremental sync of the topic's entity.

    If a run of that entity is already active it may have read past these changes, so the
    sync is armed again to follow it.
    """
    now = now or timezone.now()
    entity = TOPIC_ENTITIES.get(topic)
    if _postpone(company, topic, now):
        return None
    WebhookTopicState.objects.filter(company=company, topic=topic).update(
        sync_due_at=None, armed_at=None, last_sync_at=now
    )
    if entity is None:
        return None
    run, created = sync_request(company=company, entity=entity, trigger=SyncRun.Trigger.WEBHOOK)
    if not created:
        webhook_sync_arm(company=company, topic=topic, now=now)
    return run


def _postpone(company: Company, topic: str, now: datetime) -> bool:
    """Notices are still coming: move the sync to `debounce` after the latest one."""
    state = WebhookTopicState.objects.filter(company=company, topic=topic).first()
    if state is None or state.last_notice_at is None or state.armed_at is None:
        return False
    due = state.last_notice_at + debounce()
    if due <= now or due - state.armed_at > MAX_DELAY:
        return False
    WebhookTopicState.objects.filter(pk=state.pk).update(sync_due_at=due)
    transaction.on_commit(lambda: _enqueue(company.pk, topic, due))
    return True
