"""Administration > Settings > Installation (walkthrough step 1)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from salesdesk.integration.connection.forms import InstallationForm, installation_initial
from salesdesk.integration.connection.selectors import connection_or_new
from salesdesk.integration.connection.services import installation_save
from salesdesk.tenants.access import company_view


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def installation_view(request: HttpRequest) -> HttpResponse:
    connection = connection_or_new(company=request.company)
    if request.method == "POST":
        form = InstallationForm(request.POST)
        if form.is_valid():
            installation_save(
                company=request.company,
                erp_type=form.cleaned_data["erp_type"],
                name=form.cleaned_data["name"],
                base_url=form.cleaned_data["base_url"],
            )
            messages.success(request, "The installation settings were saved.")
            return redirect("settings-installation", company=request.company.slug)
        messages.error(request, "The settings were not saved: correct the fields marked below.")
    else:
        form = InstallationForm(initial=installation_initial(connection))
    context = {"form": form, "connection": connection, "tab": "installation"}
    return render(request, "integration/installation.html", context)
