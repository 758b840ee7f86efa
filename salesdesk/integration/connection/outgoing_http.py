"""The HTTP client Salesdesk's own calls to Exact Online use (pages that ask Exact directly)."""

from __future__ import annotations

import httpx
from django.conf import settings

from exact_client import http_client


def outgoing_http() -> httpx.Client:
    """A client with the configured timeout (settings.EXACT_TIMEOUT_SECONDS); close it after use."""
    return http_client(timeout=settings.EXACT_TIMEOUT_SECONDS)
