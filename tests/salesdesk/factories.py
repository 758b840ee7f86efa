"""Factories for Salesdesk's own models (not fixtures files)."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model

from salesdesk.tenants.models import Company, Membership

_seq = itertools.count(1)


def make_company(*, slug: str | None = None, name: str | None = None) -> Company:
    n = next(_seq)
    slug = slug or f"company-{n}"
    return Company.objects.create(slug=slug, name=name or f"Company {n}")


def make_user(
    *, company: Company, role: str = Membership.Role.ADMIN, username: str | None = None,
    password: str = "correct-horse-battery",
):
    username = username or f"user{next(_seq)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password=password
    )
    Membership.objects.create(company=company, user=user, role=role)
    return user
