"""`/exact/callback`: where Exact Online sends the browser back after consent (spec §1.3)."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from salesdesk.integration.connection.authorization import (
    AuthorizationFailed,
    authorization_complete,
)
from salesdesk.integration.connection.oauth_state import CallbackRefused, pending_claim
from salesdesk.integration.connection.outgoing_http import outgoing_http
from salesdesk.integration.connection.services import connection_authorize
from salesdesk.tenants.access import company_for

LOGGER = logging.getLogger(__name__)


@require_GET
def callback_view(request: HttpRequest) -> HttpResponse:
    try:
        pending = pending_claim(request.session, request.GET.get("state", ""))
    except CallbackRefused as refused:
        if refused.company_slug is None:
            return render(
                request,
                "integration/callback_refused.html",
                {"message": refused.message},
                status=400,
            )
        messages.error(request, refused.message)
        return redirect("settings-connector", company=refused.company_slug)
    slug = pending.company_slug
    if not request.user.is_authenticated:
        return redirect("login", company=slug)
    company, membership = company_for(user=request.user, slug=slug)
    if not membership.is_admin:
        return redirect("company-home", company=slug)
    try:
        with outgoing_http() as http:
            authorization = authorization_complete(pending=pending, params=request.GET, http=http)
    except AuthorizationFailed as failure:
        LOGGER.info("exact authorization failed", extra={"company": slug})
        messages.error(request, failure.message)
        return redirect("settings-connector", company=slug)
    connection = connection_authorize(company=company, authorization=authorization)
    messages.success(
        request,
        f"Salesdesk is connected to “{connection.division_name}” "
        f"(division {connection.division}) as {connection.exact_user_name}.",
    )
    connector = reverse("settings-connector", kwargs={"company": slug})
    return redirect(f"{connector}?ExactOnlineCallback=True")
