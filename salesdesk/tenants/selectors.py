"""Reads of companies, their users and who may log in where."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from salesdesk.tenants.models import Company, Membership


def company_by_slug(*, slug: str) -> Company:
    """The company of a login page; 404 for an unknown slug."""
    return get_object_or_404(Company, slug=slug)


def member_by_login(*, company: Company, identifier: str) -> AbstractBaseUser | None:
    """The company's user whose username or e-mail address is `identifier`, if exactly one."""
    identifier = identifier.strip()
    if not identifier:
        return None
    users = (
        get_user_model()
        .objects.filter(
            Q(username=identifier) | Q(email__iexact=identifier),
            memberships__company=company,
            is_active=True,
        )
        .distinct()[:2]
    )
    found = list(users)
    return found[0] if len(found) == 1 else None


def membership_list(*, company: Company) -> QuerySet[Membership]:
    """The company's users, by username."""
    return (
        Membership.objects.filter(company=company).select_related("user").order_by("user__username")
    )
