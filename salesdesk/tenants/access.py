"""Every company-scoped view goes through `company_view`: a user sees only the
companies they belong to, and any other company's URL answers 404. Every lookup of one
company-owned row goes through `get_for_company_or_404`: another company's row is not found."""

from __future__ import annotations

from collections.abc import Sequence
from functools import wraps
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from salesdesk.tenants.models import Company, Membership

T = TypeVar("T")


def get_for_company_or_404(
    model_or_queryset: type[Model] | QuerySet, *, company: Company | int, **lookup
):
    """The one row of `model_or_queryset` that belongs to `company` and matches `lookup`.

    Raises Http404 when there is none, another company's row included: a URL guessed from
    another tenant answers exactly as a URL that names nothing. `company` is a Company or
    its pk; pass a queryset to join related rows (`select_related`) in the same query.
    """
    rows = model_or_queryset
    if not isinstance(rows, QuerySet):
        rows = rows._default_manager.all()
    company_id = company if isinstance(company, int) else company.pk
    found = rows.filter(company_id=company_id, **lookup).first()
    if found is None:
        raise Http404(f"No such {rows.model._meta.verbose_name}")
    return found


def first_or_404(rows: Sequence[T], *, what: str) -> T:
    """The first of `rows` already read for one company (records built from `values()`);
    Http404 naming `what` when there are none."""
    if not rows:
        raise Http404(f"No such {what}")
    return rows[0]


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
                login_url = reverse("login", kwargs={"company": company})
                return redirect(f"{login_url}?next={request.path}")
            request.company, request.membership = company_for(user=request.user, slug=company)
            if admin_only and request.membership.role != Membership.Role.ADMIN:
                raise Http404("No such page")
            return func(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
