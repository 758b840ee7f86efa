"""Subscribing an administration to Items, Accounts and SalesOrders (spec §4.10).

Exact allows no update of a subscription and (reportedly) one per topic per app per
administration, so subscribing is "make it so": keep ours, replace ours at an old address,
create what is missing. A subscription of the topic to an address that is not ours for this
company is left alone and reported.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from exact_client import ExactClient, NotFound
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.mapping.webhooks import ExactSubscription, subscription_from_exact
from salesdesk.integration.webhooks.models import WebhookSubscription, WebhookTopic
from salesdesk.tenants.models import Company

TOPICS = tuple(WebhookTopic.values)
PATH = "/exact/webhooks/"


@dataclass
class SubscribeOutcome:
    """What subscribing did: the subscriptions held now, and topics held by someone else."""

    subscriptions: list[WebhookSubscription] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def webhook_callback_url(*, company: Company) -> str:
    """The public address Exact posts this company's notices to."""
    return f"{settings.PUBLIC_URL}{PATH}{company.slug}"


def webhook_subscribe(*, company: Company, client: ExactClient | None = None) -> SubscribeOutcome:
    """Subscribe the company's administration to every topic; idempotent."""
    client = client or exact_client_for(company=company)
    callback = webhook_callback_url(company=company)
    pages = client.webhook_subscriptions.list()
    existing = [subscription_from_exact(row) for page in pages for row in page.rows]
    outcome, held = SubscribeOutcome(), {}
    for row in existing:
        if row.topic not in TOPICS:
            continue
        if row.callback_url == callback:
            held[row.topic] = row
        elif row.callback_url.endswith(f"{PATH}{company.slug}"):  # ours, at an old address
            client.webhook_subscriptions.delete(row.exact_id)
        else:
            outcome.conflicts.append(row.topic)
    for topic in TOPICS:
        if topic not in held and topic not in outcome.conflicts:
            created = client.webhook_subscriptions.create(
                topic=topic, callback_url=callback, description="Salesdesk"
            )
            held[topic] = subscription_from_exact(created)
    outcome.subscriptions = _store(company, held)
    return outcome


def webhook_unsubscribe(*, company: Company, client: ExactClient | None = None) -> int:
    """Remove the company's subscriptions from Exact and from our records; how many."""
    rows = list(WebhookSubscription.objects.filter(company=company))
    if rows:
        client = client or exact_client_for(company=company)
        for row in rows:
            with contextlib.suppress(NotFound):  # already gone in Exact
                client.webhook_subscriptions.delete(str(row.exact_id))
    WebhookSubscription.objects.filter(company=company).delete()
    return len(rows)


def _store(company: Company, held: dict[str, ExactSubscription]) -> list[WebhookSubscription]:
    with transaction.atomic():
        WebhookSubscription.objects.filter(company=company).delete()
        return [
            WebhookSubscription.objects.create(
                company=company,
                topic=topic,
                exact_id=row.exact_uuid,
                callback_url=row.callback_url,
            )
            for topic, row in sorted(held.items())
        ]
