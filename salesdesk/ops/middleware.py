"""Send a visitor who opened the site under another loopback name to the configured one.

The demo's OAuth redirect URI names 127.0.0.1. A visitor who typed localhost instead
has a session cookie for localhost; Exact sends the browser back to 127.0.0.1, where
that session (and the OAuth `state` in it) does not exist, so the authorization fails.
Moving the visitor to the host of `PUBLIC_URL` before anything else avoids that. Only
loopback names on the same port are moved: a real deployment's hosts are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def canonical_loopback(get_response: Callable[[HttpRequest], HttpResponse]):
    public = urlsplit(settings.PUBLIC_URL)

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and _other_loopback_name(request, public):
            return HttpResponseRedirect(f"{settings.PUBLIC_URL}{request.get_full_path()}")
        return get_response(request)

    return middleware


def _other_loopback_name(request: HttpRequest, public) -> bool:
    host = urlsplit(f"//{request.get_host()}")
    if host.hostname is None or public.hostname is None:
        return False
    return (
        host.hostname != public.hostname
        and host.hostname in LOOPBACK_NAMES
        and public.hostname in LOOPBACK_NAMES
        and host.port == public.port
    )
