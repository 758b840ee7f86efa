"""Finishing an authorization: exchange the code, find the administration, check the rights.

Nothing is stored here: the caller saves the returned `Authorization` only when every
step passed, so a failed attempt never replaces a working connection (its tokens are
simply dropped).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import httpx

from exact_client import (
    ExactClient,
    ExactError,
    MemoryTokenStore,
    RetryPolicy,
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
# The admin is waiting in the browser: retry briefly, never for minutes.
QUICK_RETRY = RetryPolicy(max_retries=1, base_delay=0.5, max_delay=1.0, auth_wait=1.0)


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
    except ServerError as exc:
        raise AuthorizationFailed(
            f"Exact Online's token service failed ({exc.message}). {UNCHANGED} "
            "Try again in a few minutes."
        ) from exc


def _client(pending: Pending, division: int, store, http, clock) -> ExactClient:
    return ExactClient(
        base_url=pending.base_url,
        division=division,
        app=oauth_app_for(pending.base_url),
        store=store,
        http=http,
        clock=clock,
        retry=QUICK_RETRY,
    )


def authorization_complete(
    *,
    pending: Pending,
    params: Mapping[str, str],
    http: httpx.Client,
    clock: Callable[[], float] = time.time,
) -> Authorization:
    """Turn Exact's callback parameters into a validated Authorization, or fail plainly."""
    if params.get("error"):
        raise AuthorizationFailed(_callback_error(params))
    code = params.get("code", "")
    if not code:
        raise AuthorizationFailed(f"Exact Online sent no authorization code. {UNCHANGED}")
    store = MemoryTokenStore(_exchange(pending, code, http, clock))
    try:
        # system/Divisions needs a division in its URL, any will do: first ask current/Me for
        # the user's CurrentDivision (spec §4.1, §4.2).
        user = user_from_exact(_client(pending, 0, store, http, clock).me())
        rows = _client(pending, user.current_division, store, http, clock).divisions()
        divisions = divisions_from_exact(rows)
        match = name_match(pending.name, divisions)
        if match.code is None:
            raise AuthorizationFailed(name_mismatch_message(pending.name, match, user.label))
        rights = rights_check(_client(pending, match.code, store, http, clock))
    except ExactError as exc:
        raise AuthorizationFailed(
            f"Exact Online did not let Salesdesk look up the administrations ({exc}). {UNCHANGED}"
        ) from exc
    return Authorization(
        base_url=pending.base_url,
        division=match.code,
        division_name=divisions[match.code],
        exact_user_name=user.label,
        exact_user_id=user.user_id,
        pair=store.pair,
        rights=rights,
    )
