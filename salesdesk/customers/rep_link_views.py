"""Administration > Users > Exact user: link a member (a sales rep) to an Exact user, the
account manager of their customers in Exact."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from salesdesk.customers.account_managers import account_manager_list
from salesdesk.customers.forms import ExactUserForm
from salesdesk.tenants.access import company_view
from salesdesk.tenants.member_services import member_exact_user_set, member_get
from salesdesk.tenants.models import Membership


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def member_exact_user_view(request: HttpRequest, member_id: int) -> HttpResponse:
    try:
        member = member_get(company=request.company, membership_id=member_id)
    except Membership.DoesNotExist:
        raise Http404("No such user") from None
    managers = account_manager_list(company=request.company)
    initial = {"known": str(member.exact_user_id or "")}
    if member.exact_user_id and str(member.exact_user_id) not in {
        str(m.exact_id) for m in managers
    }:
        initial = {"typed": member.exact_user_id}
    form = ExactUserForm(request.POST or None, managers=managers, initial=initial)
    if request.method == "POST" and form.is_valid():
        exact_user_id, name = form.link()
        member_exact_user_set(
            company=request.company, membership_id=member.pk, exact_user_id=exact_user_id, name=name
        )
        if exact_user_id is None:
            messages.success(request, f"{member.username} is linked to no Exact user.")
        else:
            messages.success(
                request, f"{member.username} is linked to the Exact user {name or exact_user_id}."
            )
        return redirect("settings-users", company=request.company.slug)
    context = {"form": form, "member": member, "tab": "users", "managers": managers}
    return render(request, "customers/member_exact_user.html", context)
