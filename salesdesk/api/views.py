"""Administration > API tokens: the reps' device tokens, a new one, revoking one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from salesdesk.api.forms import TokenCreateForm
from salesdesk.api.selectors import rep_token_list, token_members
from salesdesk.api.tokens import rep_token_create, rep_token_revoke
from salesdesk.tenants.access import company_view


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def api_tokens_view(request: HttpRequest) -> HttpResponse:
    company = request.company
    form = TokenCreateForm(request.POST or None, members=token_members(company=company))
    new_token = ""
    if request.method == "POST" and form.is_valid():
        user = form.members[form.cleaned_data["user"]]
        _token, new_token = rep_token_create(
            company=company, user=user, name=form.cleaned_data["name"]
        )
        form = TokenCreateForm(members=token_members(company=company))
    context = {
        "form": form,
        "tokens": rep_token_list(company=company),
        "new_token": new_token,
        "api_url": request.build_absolute_uri(reverse("api-v1:api-root")),
    }
    return render(request, "api/api_tokens.html", context)


@company_view(admin_only=True)
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    if rep_token_revoke(company=request.company, token_id=token_id):
        messages.success(request, "The token was revoked: that device is signed out.")
    else:
        messages.error(request, "That token does not exist or was revoked already.")
    return redirect("settings-api-tokens", company=request.company.slug)
