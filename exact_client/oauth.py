"""Exact Online's OAuth2 authorization-code flow (spec §1.3-§1.7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import orjson

from .errors import AuthError, RateLimited, ServerError, TokenRefused, TransportError
from .hosts import normalize_base_url
from .response_errors import exact_message
from .tokens import DEFAULT_EXPIRES_IN, TokenPair

# A lost token response kills the chain (spec §1.7), so give the token call plenty of time.
TOKEN_TIMEOUT = 60.0


@dataclass(frozen=True)
class OAuthApp:
    """One app registration on one country host."""

    client_id: str
    client_secret: str
    redirect_uri: str
    base_url: str

    def authorize_url(self, state: str, force_login: bool = True) -> str:
        """The browser URL that starts consent; `force_login=1` always shows Exact's login."""
        query = {
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "response_type": "code",
            "force_login": "1" if force_login else "0",
            "state": state,
        }
        return f"{normalize_base_url(self.base_url)}/api/oauth2/auth?{urlencode(query)}"

    def exchange_code(self, code: str, http: httpx.Client, clock: Callable[[], float]) -> TokenPair:
        """Trade the (already URL-decoded) callback code for a first token pair."""
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": self.redirect_uri}
        return self._token_call(form, http, clock, previous_refresh=None)

    def refresh(
        self, refresh_token: str, http: httpx.Client, clock: Callable[[], float]
    ) -> TokenPair:
        """Rotate the chain: the old refresh token dies as soon as Exact handles this call."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self._token_call(form, http, clock, previous_refresh=refresh_token)

    def _token_call(
        self,
        form: dict,
        http: httpx.Client,
        clock: Callable[[], float],
        *,
        previous_refresh: str | None,
    ) -> TokenPair:
        form = {**form, "client_id": self.client_id, "client_secret": self.client_secret}
        url = f"{normalize_base_url(self.base_url)}/api/oauth2/token"
        try:
            response = http.post(url, data=form, timeout=TOKEN_TIMEOUT)
        except httpx.TimeoutException as exc:
            raise TransportError("the token request timed out") from exc
        except httpx.HTTPError as exc:
            raise TransportError(f"the token request failed: {type(exc).__name__}") from exc
        status = response.status_code
        if status == 429:  # not handled, so the chain is intact: try again later
            wait = max(_number(response.headers.get("Retry-After")) or 60.0, 1.0)
            raise RateLimited(
                "the token endpoint refused calls for now (429)",
                reset_at=clock() + wait,
                scope="token",
            )
        if status >= 500:
            raise ServerError("the token endpoint failed", status=status)
        if status >= 300:
            raise _refusal(response)
        # Stamp the issue time when the answer arrives: Exact counts 570 s from receipt (§1.5).
        return _token_pair(response, clock(), previous_refresh)


def _refusal(response: httpx.Response) -> TokenRefused:
    """A 3xx/4xx of the token endpoint: `{"error", "error_description"}` (§1.7), or anything."""
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    error, description = body.get("error"), body.get("error_description")
    if isinstance(error, dict):  # the API's error shape on the token endpoint
        error, description = error.get("code"), exact_message(response)
    if 300 <= response.status_code < 400:
        error = error or "redirect"
        description = description or f"redirected to {response.headers.get('Location', '?')}"
    return TokenRefused(
        status=response.status_code,
        error=str(error or ""),
        description=str(description or response.reason_phrase),
        reason=response.headers.get("Reason", ""),
    )


def _token_pair(
    response: httpx.Response, issued_at: float, previous_refresh: str | None
) -> TokenPair:
    """The new pair. A refresh answer without a refresh token keeps the old one (RFC 6749 §6;
    Exact always rotates, §1.4); `expires_in` may be a string (§1.3) and defaults to 600."""
    try:
        body = orjson.loads(response.content)
        access_token = body["access_token"]
        refresh_token = body.get("refresh_token") or previous_refresh
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise TransportError("the token response was garbled") from exc
    if not isinstance(access_token, str) or not access_token:
        raise TransportError("the token response held no access token")
    if not isinstance(refresh_token, str) or not refresh_token:
        raise AuthError("Exact Online issued no refresh token; the connection cannot last")
    expires_in = _number(body.get("expires_in"))
    return TokenPair(
        access_token=access_token,
        refresh_token=refresh_token,
        issued_at=issued_at,
        expires_in=expires_in if expires_in and expires_in > 0 else DEFAULT_EXPIRES_IN,
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None
