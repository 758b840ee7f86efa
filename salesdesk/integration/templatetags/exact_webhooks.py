"""`{% exact_webhooks_panel %}`: the webhook part of the Connector settings tab."""

from __future__ import annotations

from django import template
from django.conf import settings

from salesdesk.integration.webhooks.selectors import webhook_status
from salesdesk.integration.webhooks.subscriptions import webhook_callback_url

register = template.Library()


@register.inclusion_tag("integration/webhooks/panel.html", takes_context=True)
def exact_webhooks_panel(context) -> dict:
    request = context["request"]
    company = request.company
    lines = webhook_status(company=company)
    return {
        "company": company,
        "lines": lines,
        "subscribed": any(line.subscription for line in lines),
        "callback_url": webhook_callback_url(company=company),
        "csrf_token": context.get("csrf_token"),
        "webhooks_on": bool(settings.EXACT_WEBHOOK_SECRET),
    }
