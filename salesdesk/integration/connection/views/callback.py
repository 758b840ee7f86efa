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
    authorization_tokens,
)
from salesdesk.integration.connection.authorization_checks import authorization_check_start
from salesdesk.integration.connection.models import AuthorizationCheck
from salesdesk.integration.connection.oauth_state import CallbackRefused, pending_claim
from salesdesk.integration.connection.outgoing_http import outgoing_http
from salesdesk.integration.connection.selectors import connection_get
from salesdesk.integration.connection.tasks import authorization_check_enqueue
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
        with outgoing_http() as http:  # only the code exchange: the admin is waiting
            pair = authorization_tokens(pending=pending, params=request.GET, http=http)
    except AuthorizationFailed as failure:
        LOGGER.info("exact authorization failed", extra={"company": slug})
        messages.error(request, failure.message)
        return redirect("settings-connector", company=slug)
    check = authorization_check_start(company=company, pending=pending, pair=pair)
    # The view runs outside a transaction, so the check is committed before a worker looks.
    authorization_check_enqueue(check=check)
    connector = reverse("settings-connector", kwargs={"company": slug})
    if _checked(request, company):
        return redirect(connector)  # refused: the tab shows why
    return redirect(f"{connector}?ExactOnlineCallback=True")


def _checked(request: HttpRequest, company) -> bool:
    """Say where the check stands (a fast worker may be done); True when it was refused."""
    state = (
        AuthorizationCheck.objects.filter(company=company).values_list("state", flat=True).first()
    )
    if state == AuthorizationCheck.State.FAILED:
        return True
    if state == AuthorizationCheck.State.CHECKING:
        messages.info(
            request,
            "Exact Online granted access. Salesdesk is checking the administration and its "
            "rights; this page shows the result when it is done.",
        )
        return False
    connection = connection_get(company=company)
    messages.success(
        request,
        f"Salesdesk is connected to “{connection.division_name}” "
        f"(division {connection.division}) as {connection.exact_user_name}.",
    )
    return False
