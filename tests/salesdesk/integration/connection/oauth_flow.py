"""Steps of the authorization flow for tests: Salesdesk's side by the Django test client,
Exact's side (login, consent) over HTTP against a live sandbox."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
from django.test import Client

from exact_sandbox.config import DEMO_PASSWORD, DEMO_USERNAME
from salesdesk.integration.connection.services import installation_save
from salesdesk.integration.models import ExactConnection
from salesdesk.tenants.models import Company
from tests.sandbox_fixtures import authorize


def install(company: Company, sandbox, name: str = "Demo Wholesale B.V.") -> None:
    installation_save(
        company=company,
        erp_type=ExactConnection.ErpType.EXACT_ONLINE,
        name=name,
        base_url=sandbox.url,
    )


def start(client: Client, company: Company) -> dict[str, str]:
    """Click Authorize Salesdesk; return the query Salesdesk sent to Exact's auth page."""
    response = client.post(f"/{company.slug}/settings/connector/authorize")
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    assert location.path == "/api/oauth2/auth", response["Location"]
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def grant(sandbox, query: dict[str, str], divisions: list[int] | None = None) -> str:
    """Log in on the sandbox and grant; return the code Exact would send back."""
    with httpx.Client(base_url=sandbox.url, timeout=10) as http:
        return authorize(
            http, redirect_uri=query["redirect_uri"], state=query["state"], divisions=divisions
        )


def deny(sandbox, query: dict[str, str]) -> dict[str, str]:
    """Log in on the sandbox and click Deny; return the callback's query."""
    with httpx.Client(base_url=sandbox.url, timeout=10) as http:
        login = {**query, "username": DEMO_USERNAME, "password": DEMO_PASSWORD}
        http.post("/api/oauth2/login", data=login)
        answer = http.post("/api/oauth2/consent", data={**query, "decision": "deny"})
    assert answer.status_code == 302
    return {k: v[0] for k, v in parse_qs(urlsplit(answer.headers["location"]).query).items()}


def callback(client: Client, **params: str):
    return client.get("/exact/callback", params)


def connector_page(client: Client, company: Company) -> str:
    return client.get(f"/{company.slug}/settings/connector").content.decode()
