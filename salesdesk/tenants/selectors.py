"""Reads of companies, their users and who may log in where."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from salesdesk.tenants.models import Company, Membership


def company_by_slug(*, slug: str) -> Company:
    """The company of a login page; 404 for an unknown slug."""
    return get_object_or_404(Company, slug=slug)


def membership_by_login(*, company: Company, identifier: str) -> Membership | None:
    """The active membership of `company` whose login name or e-mail is `identifier`, if one.

    Login names are per company; a user of another company with the same name is not found.
    """
    identifier = identifier.strip()
    if not identifier:
        return None
    found = list(
        Membership.objects.select_related("user")
        .filter(
            Q(username=identifier) | Q(user__email__iexact=identifier),
            company=company,
            is_active=True,
            user__is_active=True,
        )
        .distinct()[:2]
    )
    return found[0] if len(found) == 1 else None


def membership_list(*, company: Company) -> QuerySet[Membership]:
    """The company's users, by username."""
    return Membership.objects.filter(company=company).select_related("user").order_by("username")


def member_login_name(*, company: Company, user) -> str:
    """The user's login name in `company` (their internal username if not a member)."""
    name = (
        Membership.objects.filter(company=company, user=user)
        .values_list("username", flat=True)
        .first()
    )
    return name or user.get_username()
