"""Customers > New customer, and the page of a customer created in Salesdesk: waiting for
Exact Online, in Exact Online as <code>, or refused (then corrected and sent again here)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_forms import NewCustomerForm, form_initial
from salesdesk.customers.new_customers import CustomerInvalid, customer_create, customer_resend
from salesdesk.customers.reach import customers_within, reach_for
from salesdesk.customers.selectors import customer_created_get
from salesdesk.tenants.access import company_view
from salesdesk.tenants.models import Membership

CREATORS = (Membership.Role.ADMIN, Membership.Role.REP)


@company_view
def customer_new_view(request: HttpRequest) -> HttpResponse:
    if request.membership.role not in CREATORS:
        raise Http404("No such page")
    form = NewCustomerForm(request.POST if request.method == "POST" else None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            customer = customer_create(membership=request.membership, data=form.input())
        except CustomerInvalid as exc:
            form.add_problems(exc.problems)
            duplicate = _duplicate_url(request, exc.duplicate)
        else:
            return redirect(_created_url(request, customer.pk))
    status = 400 if form.is_bound else 200
    context = {"form": form, "duplicate_url": duplicate}
    return render(request, "customers/customer_new.html", context, status=status)


@company_view
def customer_created_view(request: HttpRequest, pk: int) -> HttpResponse:
    reach = reach_for(membership=request.membership)
    customer = customer_created_get(company=request.company, pk=pk, reach=reach)
    outbox = customer.account_outbox
    refused = outbox.state == AccountOutbox.State.FAILED and customer.exact_id is None
    form = None
    if refused:
        initial = form_initial(customer, outbox.contact, outbox.delivery_address)
        form = NewCustomerForm(request.POST if request.method == "POST" else None, initial=initial)
    elif request.method == "POST":
        raise Http404("Only a customer Exact Online refused can be corrected")
    if form is not None and form.is_bound and form.is_valid():
        try:
            customer_resend(customer=customer, data=form.input())
        except CustomerInvalid as exc:
            form.add_problems(exc.problems)
        else:
            return redirect(_created_url(request, customer.pk))
    status = 400 if form is not None and form.is_bound else 200
    context = {"customer": customer, "outbox": outbox, "form": form}
    return render(request, "customers/customer_created.html", context, status=status)


def _created_url(request: HttpRequest, pk: int) -> str:
    return reverse("customer_created", kwargs={"company": request.company.slug, "pk": pk})


def _duplicate_url(request: HttpRequest, customer: Customer | None) -> str | None:
    """The page of the customer a new one duplicates, when the member may open it."""
    if customer is None:
        return None
    reach = reach_for(membership=request.membership)
    if not customers_within(Customer.objects.filter(pk=customer.pk), reach=reach).exists():
        return None
    if customer.exact_id is None:
        return _created_url(request, customer.pk)
    kwargs = {"company": request.company.slug, "exact_id": customer.exact_id}
    return reverse("customer_detail", kwargs=kwargs)
