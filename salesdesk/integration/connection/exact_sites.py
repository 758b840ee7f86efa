"""Where Salesdesk may send its Exact Online credentials (the app's client id and secret).

The token endpoint receives the client secret, so a tenant admin must not be able to point
Salesdesk at a host of their own. Allowed: the official country sites, the configured
sandbox, the origins the operator lists in SALESDESK_EXACT_EXTRA_HOSTS and, when
SALESDESK_EXACT_ALLOW_LOOPBACK is on (`salesdesk demo`), this machine's loopback addresses,
whose credentials are the sandbox's.
"""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import urlsplit

from django.conf import settings

from exact_client import COUNTRY_HOSTS

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_origin(url: str) -> str | None:
    """`scheme://host[:port]` in lower case without the scheme's default port; None if not a URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def allowed_origins() -> set[str]:
    """The origins that may receive the credentials, loopback aside."""
    configured = [*COUNTRY_HOSTS.values(), settings.EXACT_SANDBOX_URL, *settings.EXACT_EXTRA_HOSTS]
    return {origin for origin in map(site_origin, configured) if origin}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def site_allowed(base_url: str) -> bool:
    origin = site_origin(base_url)
    if origin is None:
        return False
    if origin in allowed_origins():
        return True
    host = urlsplit(origin).hostname or ""
    return settings.EXACT_ALLOW_LOOPBACK and _is_loopback(host)


def site_refusal(base_url: str) -> str | None:
    """Why Salesdesk will not use `base_url` as an Exact Online site, or None when it may."""
    if site_allowed(base_url):
        return None
    return (
        f"{base_url.rstrip('/')}/ is not an Exact Online site that Salesdesk may use: choose "
        "your country's Exact Online site or the sandbox. The operator of Salesdesk can allow "
        "another address (SALESDESK_EXACT_EXTRA_HOSTS)."
    )
