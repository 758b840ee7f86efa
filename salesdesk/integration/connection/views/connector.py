"""Administration > Settings > Connector settings: authorize, status, disconnect (step 2)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from salesdesk.integration.connection.clients import oauth_app_for
from salesdesk.integration.connection.oauth_state import pending_start
from salesdesk.integration.connection.outgoing_http import outgoing_http
from salesdesk.integration.connection.rights import rights_rows
from salesdesk.integration.connection.selectors import authorization_check_get, connection_or_new
from salesdesk.integration.connection.services import (
    authorization_check_forget,
    connection_disconnect,
)
from salesdesk.integration.connection.site_check import site_problem
from salesdesk.integration.connection.token_health import token_health
from salesdesk.tenants.access import company_view


@company_view(admin_only=True)
@require_GET
def connector_view(request: HttpRequest) -> HttpResponse:
    connection = connection_or_new(company=request.company)
    context = {
        "connection": connection,
        "check": authorization_check_get(company=request.company),
        "tab": "connector",
        "rights": rights_rows(connection.rights) if connection.rights else [],
        "health": token_health(connection),
        "redirect_uri": settings.EXACT_REDIRECT_URI,
        "settings_changed": connection.authorized_base_url
        and (
            connection.authorized_base_url != connection.base_url
            or connection.division_name != connection.name
        ),
    }
    return render(request, "integration/connector.html", context)


@company_view(admin_only=True)
@require_POST
def authorize_view(request: HttpRequest) -> HttpResponse:
    """Send the browser to Exact's login page (force_login=1), state bound to this session."""
    connection = connection_or_new(company=request.company)
    back = redirect("settings-connector", company=request.company.slug)
    if not (connection.pk and connection.name and connection.base_url):
        messages.error(request, "First fill in and save Name and Address on the Installation tab.")
        return back
    with outgoing_http() as http:
        problem = site_problem(connection.base_url, http)
    if problem:
        messages.error(request, problem)
        return back
    authorization_check_forget(company=request.company)
    pending = pending_start(
        request.session,
        company_slug=request.company.slug,
        base_url=connection.base_url,
        name=connection.name,
    )
    return redirect(oauth_app_for(pending.base_url).authorize_url(pending.state, force_login=True))


@company_view(admin_only=True)
@require_POST
def disconnect_view(request: HttpRequest) -> HttpResponse:
    connection_disconnect(company=request.company)
    messages.success(request, "Salesdesk was disconnected from Exact Online; its tokens are gone.")
    return redirect("settings-connector", company=request.company.slug)


@company_view(admin_only=True)
@require_GET
def authorization_check_view(request: HttpRequest) -> HttpResponse:
    """The "checking…" notice, polled by htmx; once the check is over the page reloads."""
    check = authorization_check_get(company=request.company)
    if check is None or check.state != check.State.CHECKING:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # connected or refused: the whole tab changes
        return response
    return render(request, "integration/authorization_check.html", {"check": check})
