"""Build an `ExactClient` for a company from its ExactConnection and the app's settings."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
from django.conf import settings

from exact_client import ExactClient, OAuthApp, RateGate
from salesdesk.integration.connection.exact_sites import site_refusal
from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.connection.reauth import reauth_message
from salesdesk.integration.connection.token_store import DatabaseTokenStore
from salesdesk.integration.rate_budget.gate import shared_rate_gate
from salesdesk.tenants.models import Company


class ConnectionNotReady(Exception):
    """The company cannot talk to Exact Online now; `message` says what the admin must do."""

    def __init__(self, message: str, *, needs_reauth: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.needs_reauth = needs_reauth


def oauth_app_for(base_url: str) -> OAuthApp:
    """Salesdesk's app registration (settings EXACT_CLIENT_ID/SECRET/REDIRECT_URI) on a host.

    Every token request goes through an app built here, so the host is checked here too: an
    address stored before the rule (exact_sites) must not receive the client secret.
    """
    refusal = site_refusal(base_url)
    if refusal:
        raise ConnectionNotReady(refusal)
    return OAuthApp(
        client_id=settings.EXACT_CLIENT_ID,
        client_secret=settings.EXACT_CLIENT_SECRET,
        redirect_uri=settings.EXACT_REDIRECT_URI,
        base_url=base_url,
    )


def ready_connection(*, company: Company) -> ExactConnection:
    """The company's connection when it is usable; ConnectionNotReady with the reason if not."""
    connection = ExactConnection.objects.filter(company=company).first()
    if connection is None or connection.state == ExactConnection.State.NOT_CONNECTED:
        raise ConnectionNotReady(
            "Salesdesk is not connected to Exact Online yet: "
            "authorize it on Administration > Settings > Connector settings."
        )
    if connection.state == ExactConnection.State.NEEDS_REAUTH:
        raise ConnectionNotReady(reauth_message(connection.token_problem), needs_reauth=True)
    if connection.division is None or not connection.api_base_url:
        raise ConnectionNotReady("The connection to Exact Online has no administration yet.")
    return connection


def exact_client_for(
    *,
    company: Company,
    http: httpx.Client | None = None,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], Any] | None = None,
    gate: RateGate | None = None,
) -> ExactClient:
    """An ExactClient for the company's administration, refreshing tokens via the database.

    Raises ConnectionNotReady when the company is not connected or needs re-authorization.
    """
    connection = ready_connection(company=company)
    return ExactClient(
        base_url=connection.api_base_url,
        division=connection.division,
        app=oauth_app_for(connection.api_base_url),
        store=DatabaseTokenStore(connection.pk),
        http=http,
        clock=clock or time.time,
        sleep=sleep or time.sleep,
        gate=gate or shared_rate_gate(clock=clock or time.time, sleep=sleep or time.sleep),
        timeout=settings.EXACT_TIMEOUT_SECONDS,
    )
