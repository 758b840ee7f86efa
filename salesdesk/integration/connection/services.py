"""Writes of a company's Exact connection: installation settings, authorization, disconnect."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from exact_client import TokenPair, normalize_base_url
from salesdesk.integration.connection.crypto import token_encrypt
from salesdesk.integration.connection.models import AuthorizationCheck, ExactConnection
from salesdesk.orders.waiting import outbox_resume
from salesdesk.tenants.models import Company


@dataclass(frozen=True)
class Authorization:
    """A fully validated authorization, ready to replace the company's connection."""

    base_url: str
    division: int
    division_name: str
    exact_user_name: str
    exact_user_id: str | None
    pair: TokenPair
    rights: dict[str, bool] = field(default_factory=dict)


@transaction.atomic
def installation_save(
    *, company: Company, erp_type: str, name: str, base_url: str, username: str = ""
) -> ExactConnection:
    """Store the Installation tab; an existing authorization keeps working until replaced."""
    connection, _ = ExactConnection.objects.select_for_update().get_or_create(company=company)
    connection.erp_type = erp_type
    connection.name = name
    connection.base_url = normalize_base_url(base_url)
    connection.username = username
    connection.save(update_fields=["erp_type", "name", "base_url", "username", "updated_at"])
    return connection


@transaction.atomic
def connection_authorize(*, company: Company, authorization: Authorization) -> ExactConnection:
    """Replace the company's tokens and administration with a validated authorization."""
    connection, _ = ExactConnection.objects.select_for_update().get_or_create(company=company)
    connection.authorized_base_url = normalize_base_url(authorization.base_url)
    if not connection.base_url:
        connection.base_url = connection.authorized_base_url
    if not connection.name:
        connection.name = authorization.division_name
    connection.state = ExactConnection.State.CONNECTED
    connection.division = authorization.division
    connection.division_name = authorization.division_name
    connection.exact_user_name = authorization.exact_user_name
    connection.exact_user_id = authorization.exact_user_id
    connection.authorized_at = timezone.now()
    connection.access_token_encrypted = token_encrypt(authorization.pair.access_token)
    connection.refresh_token_encrypted = token_encrypt(authorization.pair.refresh_token)
    connection.token_issued_at = authorization.pair.issued_at
    connection.token_expires_in = authorization.pair.expires_in
    connection.token_version = F("token_version") + 1
    connection.token_problem = ""
    connection.rights = authorization.rights
    connection.save()
    connection.refresh_from_db()
    transaction.on_commit(lambda: outbox_resume(company=company))  # orders waiting for this
    return connection


@transaction.atomic
def connection_disconnect(*, company: Company) -> None:
    """Forget the tokens and the administration; the Installation settings stay."""
    AuthorizationCheck.objects.filter(company=company).delete()
    ExactConnection.objects.filter(company=company).update(
        state=ExactConnection.State.NOT_CONNECTED,
        access_token_encrypted="",
        refresh_token_encrypted="",
        token_issued_at=None,
        token_version=F("token_version") + 1,
        token_problem="",
        division=None,
        division_name="",
        exact_user_name="",
        exact_user_id=None,
        authorized_at=None,
        authorized_base_url="",
        rights={},
    )


def authorization_check_forget(*, company: Company) -> None:
    """A new attempt starts: the last refused consent's message has served its purpose."""
    AuthorizationCheck.objects.filter(
        company=company, state=AuthorizationCheck.State.FAILED
    ).delete()
