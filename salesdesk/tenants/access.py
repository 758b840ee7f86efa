"""Every company-scoped view goes through `company_view`: a user sees only the
companies they belong to, and any other company's URL answers 404."""

from __future__ import annotations

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect

from salesdesk.tenants.models import Company, Membership


def company_for(*, user, slug: str) -> tuple[Company, Membership]:
    membership = (
        Membership.objects.select_related("company")
        .filter(user=user, company__slug=slug, is_active=True)
        .first()
    )
    if membership is None:
        raise Http404("No such company")
    return membership.company, membership


def company_view(view=None, *, admin_only: bool = False):
    """Resolve `company` from the URL, require a member; sets request.company/.membership."""

    def decorate(func):
        @wraps(func)
        def wrapper(request, company: str, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect(f"/{company}/login?next={request.path}")
            request.company, request.membership = company_for(user=request.user, slug=company)
            if admin_only and request.membership.role != Membership.Role.ADMIN:
                raise Http404("No such page")
            return func(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
