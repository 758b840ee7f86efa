"""Login, logout, the landing page, the company home and the Users page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from salesdesk.tenants.access import company_view
from salesdesk.tenants.forms import LoginForm, RepsSeeAllForm, UserAddForm
from salesdesk.tenants.login_guard import LoginLocked, member_authenticate
from salesdesk.tenants.models import Membership
from salesdesk.tenants.selectors import company_by_slug, membership_list
from salesdesk.tenants.services import UserConflict, company_user_add

TOO_MANY = "Too many failed logins. Wait 15 minutes and try again."
INVALID = "The username (or e-mail) and password do not match a user of this company."


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "tenants/landing.html")


def _next_url(request: HttpRequest, slug: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    home_url = reverse("company-home", kwargs={"company": slug})
    if allowed and target.startswith(home_url):
        return target
    return home_url


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest, company: str) -> HttpResponse:
    the_company = company_by_slug(slug=company)
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            user = member_authenticate(
                request=request,
                company=the_company,
                identifier=form.cleaned_data["identifier"],
                password=form.cleaned_data["password"],
            )
        except LoginLocked:
            error = TOO_MANY
        else:
            if user is not None:
                login(request, user)
                return redirect(_next_url(request, the_company.slug))
            error = INVALID
    context = {"login_company": the_company, "form": form, "error": error}
    context["next"] = request.GET.get("next", "")
    return render(request, "tenants/login.html", context, status=401 if error else 200)


@require_POST
def logout_view(request: HttpRequest, company: str) -> HttpResponse:
    logout(request)
    return redirect("login", company=company)


@company_view
def home(request: HttpRequest) -> HttpResponse:
    slug = request.company.slug
    if request.membership.is_admin:
        return redirect("settings-installation", company=slug)
    return redirect("customer_list", company=slug)


@company_view(admin_only=True)
@require_http_methods(["GET", "POST"])
def users_view(request: HttpRequest) -> HttpResponse:
    form = UserAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company_user_add(company=request.company, **form.cleaned_data)
        except UserConflict:
            form.add_error("username", "This company has a user of this name: choose another one.")
        else:
            messages.success(request, f"User {form.cleaned_data['username']} was added.")
            return redirect("settings-users", company=request.company.slug)
    members = membership_list(company=request.company)
    reps_form = RepsSeeAllForm(
        initial={"reps_see_all_customers": request.company.reps_see_all_customers}
    )
    context = {
        "form": form,
        "members": members,
        "tab": "users",
        "roles": Membership.Role.choices,
        "reps_form": reps_form,
    }
    return render(request, "tenants/users.html", context)
