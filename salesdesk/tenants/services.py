"""Writes of companies and their users."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from salesdesk.tenants.models import Company, Membership


class CompanyExists(ValueError):
    """A company with this slug exists already."""


class UserConflict(ValueError):
    """The username is taken by someone who could not prove to be this user."""


@transaction.atomic
def company_create(
    *, slug: str, name: str, admin_username: str, admin_email: str, admin_password: str
) -> Company:
    """Create a company and its first administrator.

    An existing user becomes the admin of the new company only when `admin_password` is
    theirs (a user may belong to several companies); otherwise UserConflict.
    """
    if Company.objects.filter(slug=slug).exists():
        raise CompanyExists(f"a company with slug {slug!r} exists already")
    company = Company.objects.create(slug=slug, name=name)
    company_user_add(
        company=company,
        username=admin_username,
        email=admin_email,
        password=admin_password,
        role=Membership.Role.ADMIN,
        allow_existing=True,
    )
    return company


@transaction.atomic
def company_user_add(
    *,
    company: Company,
    username: str,
    email: str,
    password: str,
    role: str = Membership.Role.USER,
    allow_existing: bool = False,
) -> AbstractBaseUser:
    """Add a user to the company with a Django-hashed password.

    Login names are unique within a company only. With `allow_existing`, a user of another
    company with this name and this very password becomes a member here too (the demo's
    admin); anyone else gets a user of their own.
    """
    if Membership.objects.filter(company=company, username=username).exists():
        raise UserConflict(f"{username!r} is already a user of this company")
    users = get_user_model()
    user = users.objects.filter(username=username).first()
    if user is None or not allow_existing or not user.check_password(password):
        # Password rules are the forms' and the command's job: the demo's admin/admin must pass.
        user = users(username=user_key_free(username), email=email)
        user.set_password(password)
        user.save()
    elif Membership.objects.filter(company=company, user=user).exists():
        raise UserConflict(f"{username!r} is already a user of this company")
    Membership.objects.create(company=company, user=user, role=role, username=username)
    return user


def user_key_free(username: str) -> str:
    """A free User.username for this login name: the name itself, or the name and a number.

    User.username is only an internal key since login names became per company.
    """
    users = get_user_model()
    candidate, n = username[:150], 1
    while users.objects.filter(username=candidate).exists():
        n += 1
        suffix = f"~{n}"
        candidate = username[: 150 - len(suffix)] + suffix
    return candidate


def password_problems(password: str) -> list[str]:
    """Django's password validators' complaints, for forms."""
    try:
        validate_password(password)
    except ValidationError as exc:
        return list(exc.messages)
    return []
