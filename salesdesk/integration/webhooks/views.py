"""The public webhook endpoint, and the Connector settings action that (un)subscribes."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from exact_client import ExactError
from salesdesk.integration.connection.clients import ConnectionNotReady
from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.webhooks.notices import notice_receive
from salesdesk.integration.webhooks.signature import InvalidSignature, MalformedNotice, notice_parse
from salesdesk.integration.webhooks.subscriptions import webhook_subscribe, webhook_unsubscribe
from salesdesk.tenants.access import company_view
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.webhooks")
WEBHOOKS_OFF = (
    "Webhooks are off: the operator of Salesdesk has not set EXACT_WEBHOOK_SECRET (the webhook "
    "secret of Salesdesk's app in Exact Online's App Center). Synchronization runs on its "
    "schedule."
)


@csrf_exempt  # Exact cannot send our CSRF token: the HashCode is the authentication
@require_POST
def webhook_receive_view(request: HttpRequest, company: str) -> HttpResponse:
    """Answer Exact: 200 for the validation POST and for accepted or repeated notices."""
    tenant = Company.objects.filter(slug=company).first()
    if tenant is None or not settings.EXACT_WEBHOOK_SECRET:
        return HttpResponse(status=404)  # without a secret no notice can be trusted: off
    if not request.body.strip():
        return HttpResponse(status=200)  # the empty validation POST after subscribing (§4.10)
    try:
        notice = notice_parse(request.body, settings.EXACT_WEBHOOK_SECRET)
    except MalformedNotice:
        return HttpResponse(status=400)
    except InvalidSignature:
        LOGGER.warning("webhook with a wrong HashCode", extra={"company": tenant.pk})
        return HttpResponse(status=401)
    division = (
        ExactConnection.objects.filter(company=tenant).values_list("division", flat=True).first()
    )
    if division != notice.division:  # signed by Exact, but for another administration
        LOGGER.info("webhook for another division ignored", extra={"company": tenant.pk})
        return HttpResponse(status=200)
    stored = notice_receive(company=tenant, notice=notice)
    return HttpResponse("stored" if stored else "repeat", status=200, content_type="text/plain")


@company_view(admin_only=True)
@require_POST
def webhook_settings_view(request: HttpRequest) -> HttpResponse:
    """Subscribe (or, with action=unsubscribe, remove) the company's Exact webhooks."""
    back = redirect("settings-connector", company=request.company.slug)
    if not settings.EXACT_WEBHOOK_SECRET:
        messages.error(request, WEBHOOKS_OFF)
        return back
    try:
        if request.POST.get("action") == "unsubscribe":
            removed = webhook_unsubscribe(company=request.company)
            messages.success(request, f"Removed {removed} webhook subscriptions from Exact Online.")
            return back
        outcome = webhook_subscribe(company=request.company)
    except ConnectionNotReady as exc:
        messages.error(request, exc.message)
        return back
    except ExactError as exc:
        messages.error(request, f"Exact Online refused the webhook subscriptions: {exc}")
        return back
    messages.success(request, f"Subscribed to {len(outcome.subscriptions)} Exact webhook topics.")
    if outcome.conflicts:
        messages.warning(
            request,
            "Another address already receives these topics in this administration: "
            + ", ".join(outcome.conflicts),
        )
    return back
