"""Where a URL that came from Exact may be sent with the bearer token (spec §3.2, §4.9).

`__next` and `PictureUrl` are absolute URLs written by the server. Behind a proxy they can
name an internal host, port or plain `http`; the token must still only go to the connection's
own host over its own scheme, so such links are moved onto that origin, never followed as is.
"""

from __future__ import annotations

import httpx

from .errors import UnsafeUrl


def on_own_origin(url: str, base_url: str) -> str:
    """`url` as it may be fetched with the token: on `base_url`'s scheme, host and port.

    Same host (any scheme or port) or an Exact API path (`/api/...`) on another host: the path
    and query are kept and put on the base origin. A relative URL is resolved against the base.
    Anything else raises `UnsafeUrl`.
    """
    try:
        base = httpx.URL(base_url)
        target = base.join(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise UnsafeUrl(f"Exact Online sent an unusable URL: {str(url)[:80]!r}") from exc
    if _origin(target) == _origin(base):
        return url if target.is_absolute_url and str(target) == url else str(target)
    api_prefix = base.path.rstrip("/") + "/api/"
    if target.host.lower() == base.host.lower() or target.path.startswith(api_prefix):
        return str(base.copy_with(raw_path=target.raw_path))
    raise UnsafeUrl(f"refusing to send the Exact token to another host: {url.split('?')[0]}")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host.lower(), url.port or default
