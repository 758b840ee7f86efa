"""Before sending the browser away: is the Address an Exact Online site that knows our app?

Exact Online is one separate site per country (spec §1.1); on the wrong one the browser
would end on an error page ("Client with identifier '…' not found.") and never come back.
"""

from __future__ import annotations

import httpx

from salesdesk.integration.connection.clients import ConnectionNotReady, oauth_app_for

CHECK_TIMEOUT = 10.0


def site_problem(base_url: str, http: httpx.Client) -> str | None:
    """A plain message when the authorization page at `base_url` is not usable, else None."""
    site = f"{base_url}/"
    try:
        url = oauth_app_for(base_url).authorize_url(state="site-check", force_login=True)
    except ConnectionNotReady as exc:
        return exc.message
    fix = "Check the Address on the Installation tab."
    try:
        response = http.get(url, follow_redirects=False, timeout=CHECK_TIMEOUT)
    except httpx.HTTPError:
        # One message for refused, reset and timed out: which it was says what listens there.
        return f"Salesdesk could not reach {site}. Try again later. {fix}"
    text = response.text if response.status_code >= 400 else ""
    if "Client with identifier" in text:
        return (
            f"Salesdesk's app is not registered on {site}: every country has its own Exact "
            f"Online site, and the administration's country decides which one. {fix}"
        )
    if "redirect_uri" in text:
        return (
            f"{site} does not accept Salesdesk's return address. Register it on the app in "
            "Exact Online's App Center (see docs/exact-online-app.md)."
        )
    if response.status_code == 404:
        return f"{site} is not an Exact Online site: it has no authorization page. {fix}"
    if response.status_code >= 400:
        return f"{site} refused the authorization request (HTTP {response.status_code}). {fix}"
    return None
