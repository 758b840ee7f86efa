"""The background half of an authorization: check a granted consent, then connect or refuse.

The callback stores Exact's tokens in an AuthorizationCheck and answers at once; the task
`authorization_check` (tasks.py) runs `authorization_check_run`. Finding the administration
and the rights checklist may wait out Exact's minute budget there, never in the browser.
A check that passes replaces the connection; one that fails keeps its message for the
Connector settings tab, drops its tokens, and leaves the working connection as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
from django.db import transaction

from exact_client import MemoryTokenStore, RateGate, RateLimited, TokenPair
from salesdesk.integration.connection.authorization import (
    UNCHANGED,
    AuthorizationFailed,
    authorization_verify,
)
from salesdesk.integration.connection.crypto import token_decrypt, token_encrypt
from salesdesk.integration.connection.models import AuthorizationCheck, ExactConnection
from salesdesk.integration.connection.oauth_state import Pending
from salesdesk.integration.connection.services import connection_authorize
from salesdesk.tenants.models import Company


class CheckPostponed(Exception):
    """Exact's budget is spent for now: run the check again at `retry_at` (epoch seconds)."""

    def __init__(self, retry_at: float) -> None:
        super().__init__(f"retry at {retry_at}")
        self.retry_at = retry_at


def _tokens(pair: TokenPair) -> dict:
    return {
        "access_token_encrypted": token_encrypt(pair.access_token),
        "refresh_token_encrypted": token_encrypt(pair.refresh_token),
        "token_issued_at": pair.issued_at,
        "token_expires_in": pair.expires_in,
    }


def _pair(check: AuthorizationCheck) -> TokenPair:
    return TokenPair(
        access_token=token_decrypt(check.access_token_encrypted),
        refresh_token=token_decrypt(check.refresh_token_encrypted),
        issued_at=check.token_issued_at,
        expires_in=check.token_expires_in,
    )


def authorization_check_start(
    *, company: Company, pending: Pending, pair: TokenPair
) -> AuthorizationCheck:
    """Keep the granted tokens for checking (replacing an earlier check of the company)."""
    check, _ = AuthorizationCheck.objects.update_or_create(
        company=company,
        defaults={
            "state": AuthorizationCheck.State.CHECKING,
            "base_url": pending.base_url,
            "name": pending.name,
            "message": "",
            **_tokens(pair),
        },
    )
    return check


def _unchanged(company: Company) -> str:
    """How a failure's message ends: what keeps working."""
    connection = ExactConnection.objects.filter(
        company=company, state=ExactConnection.State.CONNECTED
    ).first()
    if connection is None:
        return UNCHANGED
    return (
        f"Salesdesk keeps its working connection to “{connection.division_name}” "
        f"(division {connection.division})."
    )


def authorization_check_fail(*, check: AuthorizationCheck, message: str) -> None:
    """Refuse the consent: keep the message, forget its tokens."""
    AuthorizationCheck.objects.filter(pk=check.pk).update(
        state=AuthorizationCheck.State.FAILED,
        message=message,
        access_token_encrypted="",
        refresh_token_encrypted="",
        token_issued_at=None,
    )


def authorization_check_run(
    *,
    check: AuthorizationCheck,
    http: httpx.Client,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], object] = time.sleep,
    gate: RateGate | None = None,
) -> ExactConnection | None:
    """Check a consent; the new connection when it passed, None when it was refused.

    CheckPostponed when Exact kept answering 429: the (maybe refreshed) tokens are kept.
    """
    store = MemoryTokenStore(_pair(check))
    try:
        authorization = authorization_verify(
            base_url=check.base_url,
            name=check.name,
            store=store,
            http=http,
            clock=clock,
            sleep=sleep,
            gate=gate,
            unchanged=_unchanged(check.company),
        )
    except AuthorizationFailed as failure:
        authorization_check_fail(check=check, message=failure.message)
        return None
    except RateLimited as exc:  # the minute's budget, waited out more than once already
        AuthorizationCheck.objects.filter(pk=check.pk).update(**_tokens(store.pair))
        raise CheckPostponed(exc.reset_at) from exc
    with transaction.atomic():
        connection = connection_authorize(company=check.company, authorization=authorization)
        AuthorizationCheck.objects.filter(pk=check.pk).delete()
    return connection
