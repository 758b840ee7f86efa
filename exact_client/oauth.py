"""Exact Online's OAuth2 authorization-code flow (spec §1.3-§1.7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import orjson

from .errors import ServerError, TokenRefused, TransportError
from .hosts import normalize_base_url
from .tokens import TokenPair

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
        return self._token_call(form, http, clock)

    def refresh(
        self, refresh_token: str, http: httpx.Client, clock: Callable[[], float]
    ) -> TokenPair:
        """Rotate the chain: the old refresh token dies as soon as Exact handles this call."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self._token_call(form, http, clock)

    def _token_call(self, form: dict, http: httpx.Client, clock: Callable[[], float]) -> TokenPair:
        form = {**form, "client_id": self.client_id, "client_secret": self.client_secret}
        url = f"{normalize_base_url(self.base_url)}/api/oauth2/token"
        try:
            response = http.post(url, data=form, timeout=TOKEN_TIMEOUT)
        except httpx.TimeoutException as exc:
            raise TransportError("the token request timed out") from exc
        except httpx.HTTPError as exc:
            raise TransportError(f"the token request failed: {type(exc).__name__}") from exc
        if response.status_code >= 500:
            raise ServerError("the token endpoint failed", status=response.status_code)
        if response.status_code >= 400:
            raise _refusal(response)
        # Stamp the issue time when the answer arrives: Exact counts 570 s from receipt (§1.5).
        return _token_pair(response, clock())


def _refusal(response: httpx.Response) -> TokenRefused:
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    return TokenRefused(
        status=response.status_code,
        error=str(body.get("error") or ""),
        description=str(body.get("error_description") or response.reason_phrase),
        reason=response.headers.get("Reason", ""),
    )


def _token_pair(response: httpx.Response, issued_at: float) -> TokenPair:
    try:
        body = orjson.loads(response.content)
        return TokenPair(
            access_token=str(body["access_token"]),
            refresh_token=str(body["refresh_token"]),
            issued_at=issued_at,
        )
    except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
        raise TransportError("the token response was garbled") from exc
