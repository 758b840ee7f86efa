"""Administration > Users: the company setting "All reps see all customers"."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from salesdesk.tenants.access import company_view
from salesdesk.tenants.forms import RepsSeeAllForm
from salesdesk.tenants.member_services import company_reps_see_all_set


@company_view(admin_only=True)
@require_POST
def reps_see_all_view(request: HttpRequest) -> HttpResponse:
    form = RepsSeeAllForm(request.POST)
    form.is_valid()  # a checkbox: anything but "on" is off
    value = bool(form.cleaned_data.get("reps_see_all_customers"))
    company_reps_see_all_set(company=request.company, value=value)
    if value:
        messages.success(request, "All sales reps now see all customers.")
    else:
        messages.success(request, "Each sales rep now sees only their own customers.")
    return redirect("settings-users", company=request.company.slug)
