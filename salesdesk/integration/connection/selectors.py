"""Reads of a company's Exact connection (always by company, never by bare id)."""

from __future__ import annotations

from salesdesk.integration.connection.models import AuthorizationCheck, ExactConnection
from salesdesk.tenants.models import Company


def connection_get(*, company: Company) -> ExactConnection | None:
    """The company's connection row, or None before the Installation tab was saved."""
    return ExactConnection.objects.filter(company=company).first()


def connection_or_new(*, company: Company) -> ExactConnection:
    """The company's connection, or an unsaved blank one to fill a form with."""
    return connection_get(company=company) or ExactConnection(company=company)


def connection_needs_reauth(*, company: Company) -> bool:
    """True when the refresh chain died and an admin must authorize again (the banner)."""
    return ExactConnection.objects.filter(
        company=company, state=ExactConnection.State.NEEDS_REAUTH
    ).exists()


def authorization_check_get(*, company: Company) -> AuthorizationCheck | None:
    """The consent being checked, or the last one refused (its message), if any."""
    return AuthorizationCheck.objects.filter(company=company).first()


def connection_rights(*, company: Company) -> dict:
    """What the last authorization found the company may do in Exact ({} before one)."""
    rights = (
        ExactConnection.objects.filter(company=company).values_list("rights", flat=True).first()
    )
    return rights or {}
