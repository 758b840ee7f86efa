"""Failed-login throttle: per company and typed identifier, and per client address.

Kept in the database so every web process sees the same counts.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from salesdesk.tenants.models import Company, LoginFailure

WINDOW = timedelta(minutes=15)
MAX_PER_IDENTIFIER = 5
MAX_PER_ADDRESS = 20


def _recent():
    return LoginFailure.objects.filter(at__gte=timezone.now() - WINDOW)


def login_blocked(*, company: Company, identifier: str, ip: str | None) -> bool:
    """True when this identifier or this address failed too often within the window."""
    recent = _recent()
    per_identifier = recent.filter(company=company, identifier=identifier.strip().lower())
    if per_identifier.count() >= MAX_PER_IDENTIFIER:
        return True
    return ip is not None and recent.filter(ip=ip).count() >= MAX_PER_ADDRESS


def login_failed(*, company: Company, identifier: str, ip: str | None) -> None:
    LoginFailure.objects.filter(at__lt=timezone.now() - WINDOW).delete()
    LoginFailure.objects.create(company=company, identifier=identifier.strip().lower()[:254], ip=ip)


def login_succeeded(*, company: Company, identifier: str) -> None:
    LoginFailure.objects.filter(company=company, identifier=identifier.strip().lower()).delete()
