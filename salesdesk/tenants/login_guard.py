"""Password checks of the login page and the API's sign-in, guarded by django-axes.

Axes counts failures per login identity and client address (AXES_LOCKOUT_PARAMETERS) in
the database. The identity is one per company member, whichever of username or e-mail was
typed, and is scoped to the company, so one company's failures never lock another's users.

Axes checks the count before the password and records a failure after it; two requests
in between would both be checked. The check, the password test and the record therefore
run in one transaction holding the member's row (PostgreSQL: a row lock; SQLite: the
IMMEDIATE transaction's write lock), so parallel guesses are tested one at a time and
those after the limit are refused without a password test.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ipware.ip import get_client_ip

from salesdesk.tenants.models import Company, Membership
from salesdesk.tenants.selectors import membership_by_login

IDENTITY_ATTR = "salesdesk_login_identity"
MEMBERSHIP_ATTR = "salesdesk_login_membership"


class LoginLocked(Exception):
    """Too many failures for this identity from this address: no password was tested."""


def login_identity(*, company: Company, identifier: str) -> tuple[str, Membership | None]:
    """The name axes counts under, and the member it stands for (None for nobody)."""
    membership = membership_by_login(company=company, identifier=identifier)
    if membership is not None:
        return f"{company.slug}/{membership.username}"[:255], membership
    # '?' cannot occur in a login name: a typed unknown never shares a member's count.
    return f"{company.slug}/?{identifier.strip().lower()}"[:255], None


def member_authenticate(*, request: HttpRequest, company: Company, identifier: str, password: str):
    """The company's user for these credentials, None when wrong; LoginLocked when locked out."""
    identity, membership = login_identity(company=company, identifier=identifier)
    setattr(request, IDENTITY_ATTR, identity)
    setattr(request, MEMBERSHIP_ATTR, membership)
    with transaction.atomic():
        if membership is not None:
            Membership.objects.select_for_update().filter(pk=membership.pk).first()
        user = authenticate(request, company=company, password=password)
    if getattr(request, "axes_locked_out", False):
        raise LoginLocked(identity)
    return user


def sign_in_recorded(*, request: HttpRequest, user) -> None:
    """A sign-in without a session (the API's tokens): clears the failures like a login."""
    user_logged_in.send(sender=user.__class__, request=request, user=user)


def axes_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the identity set by member_authenticate, if any."""
    identity = getattr(request, IDENTITY_ATTR, None)
    if identity is not None:
        return identity
    return (credentials or {}).get("username")


def client_address(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: ipware's answer for the named proxies, else the peer address.

    A chain ipware cannot trust must not put every such client in one shared bucket.
    """
    address, _routable = get_client_ip(
        request,
        proxy_count=settings.AXES_IPWARE_PROXY_COUNT,
        proxy_trusted_ips=settings.AXES_IPWARE_PROXY_TRUSTED_IPS,
        request_header_order=settings.AXES_IPWARE_META_PRECEDENCE_ORDER,
    )
    return address or request.META.get("REMOTE_ADDR")


def lockout_response(request: HttpRequest, response: HttpResponse, credentials) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the views answer a lock-out with their own message."""
    return response


class CompanyMemberBackend(ModelBackend):
    """Authenticates a member of the `company` passed in, by the identity already resolved."""

    def authenticate(self, request, company=None, password=None, **kwargs):
        if company is None or password is None or request is None:
            return None
        membership = getattr(request, MEMBERSHIP_ATTR, None)
        if membership is None or membership.company_id != company.pk:
            make_password(password)  # as slow as a real check: no hint of who exists
            return None
        user = membership.user
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
