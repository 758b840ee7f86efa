"""Writes of reps' API tokens: sign-in from a device, creation by an admin, revocation.

A token is 32 random bytes; only its SHA-256 is stored (a slow hash buys nothing against
guessing 256 bits, and every API call looks the token up).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.utils import timezone

from salesdesk.api.models import RepToken
from salesdesk.tenants.login_guard import LoginLocked, member_authenticate, sign_in_recorded
from salesdesk.tenants.models import Company, Membership

TOKEN_PREFIX = "sdr_"
# Writing last_used_at on every call would make every read a write; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)


class SignInRefused(ValueError):
    """Wrong e-mail or password, unknown company, or too many failures; the message says which."""


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def rep_token_create(*, company: Company, user, name: str) -> tuple[RepToken, str]:
    """A new token for `user`'s device `name`; returns the row and the token (shown once)."""
    if not Membership.objects.filter(company=company, user=user, is_active=True).exists():
        raise ValueError("The user is not an active member of this company.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = RepToken.objects.create(
        company=company,
        user=user,
        name=name.strip()[:100] or "Device",
        token_hash=token_hash(raw),
        prefix=raw[:12],
    )
    return token, raw


def rep_token_revoke(*, company: Company, token_id: int) -> bool:
    """Revoke one of the company's tokens; False when there is no such live token."""
    live = RepToken.objects.filter(company=company, pk=token_id, revoked_at__isnull=True)
    return bool(live.update(revoked_at=timezone.now()))


def rep_sign_in(
    *, request, company: Company | None, identifier: str, password: str, device: str
) -> tuple[RepToken, str]:
    """E-mail (or username) and password of a member of `company` -> a new device token.

    Guarded like the login page (tenants/login_guard.py): failures count for both, per
    member and client address.
    """
    if company is None:
        make_password(password)  # as slow as a real check: no hint about which companies exist
        raise SignInRefused("The e-mail and password do not match a user of this company.")
    try:
        user = member_authenticate(
            request=request, company=company, identifier=identifier, password=password
        )
    except LoginLocked:
        raise SignInRefused("Too many failed sign-ins. Wait 15 minutes and try again.") from None
    if user is None:
        raise SignInRefused("The e-mail and password do not match a user of this company.")
    sign_in_recorded(request=request, user=user)
    return rep_token_create(company=company, user=user, name=device)


def rep_token_authenticate(*, raw: str) -> RepToken | None:
    """The live token for `raw`, of an active user still a member of the token's company."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        RepToken.objects.select_related("company", "user")
        .filter(
            token_hash=token_hash(raw),
            revoked_at__isnull=True,
            user__is_active=True,
            user__memberships__company=F("company"),
            user__memberships__is_active=True,
        )
        .first()
    )
    if token is not None:
        _touch(token)
    return token


def _touch(token: RepToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        RepToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
