"""Writes of an administrator on the company's users: deactivate, change role, set password.

Every change is confined to the company's own membership: a user who also belongs to
another company keeps their access there, and only they may change their password.
"""

from __future__ import annotations

from django.db import transaction

from salesdesk.tenants.models import Company, Membership


class MemberChangeRefused(ValueError):
    """The change would lock the company out or reach beyond it; the message says why."""


def member_get(*, company: Company, membership_id: int) -> Membership:
    """The company's membership `membership_id`; Membership.DoesNotExist for any other."""
    return Membership.objects.select_related("user").get(company=company, pk=membership_id)


@transaction.atomic
def member_deactivate(*, company: Company, membership_id: int, by: Membership) -> Membership:
    """The member can no longer log in here: pages and API tokens refuse at once.

    Their orders stay. A user with no other active company is deactivated as a whole, which
    ends their sessions too: Django's session backend refuses an inactive user.
    """
    member = member_get(company=company, membership_id=membership_id)
    if member.pk == by.pk:
        raise MemberChangeRefused("You cannot deactivate yourself.")
    member.is_active = False
    member.save(update_fields=["is_active"])
    user = member.user
    if not Membership.objects.filter(user=user, is_active=True).exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    return member


def member_activate(*, company: Company, membership_id: int) -> Membership:
    member = member_get(company=company, membership_id=membership_id)
    member.is_active = True
    member.save(update_fields=["is_active"])
    if not member.user.is_active:
        member.user.is_active = True
        member.user.save(update_fields=["is_active"])
    return member


@transaction.atomic
def member_role_set(*, company: Company, membership_id: int, role: str) -> Membership:
    member = member_get(company=company, membership_id=membership_id)
    if role not in Membership.Role.values:
        raise MemberChangeRefused("Choose one of the roles.")
    admins = Membership.objects.select_for_update().filter(
        company=company, role=Membership.Role.ADMIN, is_active=True
    )
    if member.is_admin and role != Membership.Role.ADMIN and admins.count() <= 1:
        raise MemberChangeRefused("The company needs at least one active administrator.")
    member.role = role
    member.save(update_fields=["role"])
    return member


def member_password_set(*, company: Company, membership_id: int, password: str) -> Membership:
    """A new password; the user's other sessions end (Django's session hash changes)."""
    member = member_get(company=company, membership_id=membership_id)
    if Membership.objects.filter(user=member.user).exclude(company=company).exists():
        raise MemberChangeRefused("Only this user can change their password.")
    member.user.set_password(password)
    member.user.save(update_fields=["password"])
    return member


def member_exact_user_set(
    *, company: Company, membership_id: int, exact_user_id, name: str = ""
) -> Membership:
    """Link the member to an Exact user (None unlinks): a rep then sees the customers whose
    account manager in Exact that user is."""
    member = member_get(company=company, membership_id=membership_id)
    member.exact_user_id = exact_user_id
    member.exact_user_name = name[:200] if exact_user_id is not None else ""
    member.save(update_fields=["exact_user_id", "exact_user_name"])
    return member


def company_reps_see_all_set(*, company: Company, value: bool) -> Company:
    """The company setting "All reps see all customers"."""
    Company.objects.filter(pk=company.pk).update(reps_see_all_customers=value)
    company.reps_see_all_customers = value
    return company
