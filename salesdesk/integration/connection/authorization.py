"""Finishing an authorization: exchange the code, find the administration, check the rights.

Two halves: `authorization_tokens` runs in the callback (one call: the token exchange, so the
admin gets an answer at once even when Exact's minute budget is spent), and
`authorization_verify` runs in the background (authorization_checks.py). Nothing is stored
here: the caller saves the returned `Authorization` only when every step passed, so a failed
attempt never replaces a working connection (its tokens are simply dropped).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import httpx

from exact_client import (
    DailyLimitExhausted,
    ExactClient,
    ExactError,
    MemoryTokenStore,
    RateGate,
    RateLimited,
    ServerError,
    TokenPair,
    TokenRefused,
    TransportError,
)
from salesdesk.integration.connection.clients import ConnectionNotReady, oauth_app_for
from salesdesk.integration.connection.name_match import name_match, name_mismatch_message
from salesdesk.integration.connection.oauth_state import Pending
from salesdesk.integration.connection.rights import rights_check
from salesdesk.integration.connection.services import Authorization
from salesdesk.integration.mapping.me import divisions_from_exact, user_from_exact

UNCHANGED = "Nothing was changed."


class AuthorizationFailed(Exception):
    """The authorization cannot be completed; `message` is for the Connector settings tab."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _callback_error(params: Mapping[str, str]) -> str:
    error = params.get("error", "")
    if error == "access_denied":
        return (
            "Exact Online did not grant Salesdesk access: the consent was denied. "
            f"{UNCHANGED} Click Authorize Salesdesk and choose Grant to connect."
        )
    detail = params.get("error_description", "")
    return f"Exact Online answered with an error ({error} {detail}). {UNCHANGED}".replace(" )", ")")


def _exchange(pending: Pending, code: str, http: httpx.Client, clock) -> TokenPair:
    try:
        app = oauth_app_for(pending.base_url)
    except ConnectionNotReady as exc:
        raise AuthorizationFailed(f"{exc.message} {UNCHANGED}") from exc
    try:
        return app.exchange_code(code, http, clock)
    except TokenRefused as exc:
        raise AuthorizationFailed(
            "Exact Online did not accept the authorization code: it expired (a code is valid "
            "for about 3 minutes) or it was already used. "
            f"Exact Online said: {exc.description or exc.error}. {UNCHANGED} "
            "Click Authorize Salesdesk to try again."
        ) from exc
    except TransportError as exc:
        raise AuthorizationFailed(
            f"Salesdesk could not reach Exact Online's token service. {UNCHANGED} "
            "Try again in a few minutes."
        ) from exc
    except (ServerError, RateLimited) as exc:
        raise AuthorizationFailed(
            f"Exact Online's token service failed ({exc.message}). {UNCHANGED} "
            "Try again in a few minutes."
        ) from exc


def _client(base_url: str, division: int, store, http, clock, sleep, gate) -> ExactClient:
    return ExactClient(
        base_url=base_url,
        division=division,
        app=oauth_app_for(base_url),
        store=store,
        http=http,
        clock=clock,
        sleep=sleep,
        gate=gate,
    )


def authorization_tokens(
    *,
    pending: Pending,
    params: Mapping[str, str],
    http: httpx.Client,
    clock: Callable[[], float] = time.time,
) -> TokenPair:
    """The token pair of Exact's callback: the only call to Exact while the admin waits."""
    if params.get("error"):
        raise AuthorizationFailed(_callback_error(params))
    code = params.get("code", "")
    if not code:
        raise AuthorizationFailed(f"Exact Online sent no authorization code. {UNCHANGED}")
    return _exchange(pending, code, http, clock)


def authorization_verify(
    *,
    base_url: str,
    name: str,
    store: MemoryTokenStore,
    http: httpx.Client,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], object] = time.sleep,
    gate: RateGate | None = None,
    unchanged: str = UNCHANGED,
) -> Authorization:
    """Find the administration named `name` and check the rights (in the background).

    `unchanged` ends a failure's message (what stays as it was). RateLimited passes through
    (the caller tries again at the reset); other Exact errors become AuthorizationFailed.
    """
    gate = gate or RateGate()
    try:
        # system/Divisions needs a division in its URL, any will do: first ask current/Me for
        # the user's CurrentDivision (spec §4.1, §4.2).
        user = user_from_exact(_client(base_url, 0, store, http, clock, sleep, gate).me())
        home = _client(base_url, user.current_division, store, http, clock, sleep, gate)
        divisions = divisions_from_exact(home.divisions())
        match = name_match(name, divisions)
        if match.code is None:
            raise AuthorizationFailed(
                f"{name_mismatch_message(name, match, user.label)} {unchanged}"
            )
        rights = rights_check(_client(base_url, match.code, store, http, clock, sleep, gate))
    except RateLimited as exc:
        if isinstance(exc, DailyLimitExhausted):
            raise AuthorizationFailed(
                f"Exact Online's daily limit of API calls is used up ({exc}). {unchanged}"
            ) from exc
        raise
    except ExactError as exc:
        raise AuthorizationFailed(
            f"Exact Online did not let Salesdesk look up the administrations ({exc}). {unchanged}"
        ) from exc
    except ConnectionNotReady as exc:  # the address is no longer an allowed Exact site
        raise AuthorizationFailed(f"{exc.message} {unchanged}") from exc
    return Authorization(
        base_url=base_url,
        division=match.code,
        division_name=divisions[match.code],
        exact_user_name=user.label,
        exact_user_id=user.user_id,
        pair=store.pair,
        rights=rights,
    )
