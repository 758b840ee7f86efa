"""Administration > Users: deactivate, reactivate, change role, set a password; and a
user's own password page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from salesdesk.tenants.access import company_view
from salesdesk.tenants.forms import RoleForm
from salesdesk.tenants.member_services import (
    MemberChangeRefused,
    member_activate,
    member_deactivate,
    member_get,
    member_password_set,
    member_role_set,
)
from salesdesk.tenants.models import Membership


def _users_page(request: HttpRequest) -> HttpResponse:
    return redirect(f"/{request.company.slug}/settings/users")


def _member_or_404(request: HttpRequest, member_id: int) -> Membership:
    try:
        return member_get(company=request.company, membership_id=member_id)
    except Membership.DoesNotExist:
        raise Http404("No such user") from None


@company_view(admin_only=True)
@require_POST
def member_deactivate_view(request: HttpRequest, member_id: int) -> HttpResponse:
    member = _member_or_404(request, member_id)
    try:
        member_deactivate(company=request.company, membership_id=member.pk, by=request.membership)
    except MemberChangeRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"User {member.username} was deactivated: their logins and tokens stopped."
        )
    return _users_page(request)


@company_view(admin_only=True)
@require_POST
def member_activate_view(request: HttpRequest, member_id: int) -> HttpResponse:
    member = _member_or_404(request, member_id)
    member_activate(company=request.company, membership_id=member.pk)
    messages.success(request, f"User {member.username} can log in again.")
    return _users_page(request)


@company_view(admin_only=True)
@require_POST
def member_role_view(request: HttpRequest, member_id: int) -> HttpResponse:
    member = _member_or_404(request, member_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles.")
        return _users_page(request)
    try:
        member = member_role_set(
            company=request.company, membership_id=member.pk, role=form.cleaned_data["role"]
        )
    except MemberChangeRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{member.username} is now: {member.get_role_display()}.")
    return _users_page(request)


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def member_password_view(request: HttpRequest, member_id: int) -> HttpResponse:
    member = _member_or_404(request, member_id)
    form = SetPasswordForm(member.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member_password_set(
                company=request.company,
                membership_id=member.pk,
                password=form.cleaned_data["new_password1"],
            )
        except MemberChangeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"The password of {member.username} was set.")
        return _users_page(request)
    context = {"form": form, "member": member, "tab": "users"}
    return render(request, "tenants/member_password.html", context)


@company_view
@require_http_methods(["GET", "POST"])
def own_password_view(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)  # stay logged in here; other sessions end
        messages.success(request, "Your password was changed.")
        return redirect(f"/{request.company.slug}/account/password")
    return render(request, "tenants/own_password.html", {"form": form})
