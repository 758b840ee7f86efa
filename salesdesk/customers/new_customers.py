"""Customers and prospects created in Salesdesk: stored at once, sent to Exact once.

`customer_create` stores the customer without an Exact ID (see Customer's docstring) and
queues it in the account outbox (customers/account_outbox.py); the integration sends it on
`customer_due`. Orders can be taken for it straight away: they wait in the order outbox
until the account exists in Exact.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace, Upper
from django.utils import timezone

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import (
    NewCustomerInput,
    new_customer_problems,
    vat_normalised,
)
from salesdesk.customers.signals import customer_due_on_commit
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Membership

PENDING_CODE = "NEW-{pk}"  # until Exact assigns the account's code
PENDING_PREFIX = "NEW-"


def pending_code_pk(code: str) -> int | None:
    """The Salesdesk ID in a pending code (`NEW-12` → 12), None for any other code."""
    number = code.strip().upper().removeprefix(PENDING_PREFIX)
    if number == code.strip().upper() or not number.isdigit():
        return None
    return int(number)


class CustomerInvalid(ValueError):
    """The new customer is refused: `problems` per field, `duplicate` when it exists already."""

    def __init__(self, problems: dict[str, str], duplicate: Customer | None = None) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems
        self.duplicate = duplicate


def customer_create(*, membership: Membership, data: NewCustomerInput) -> Customer:
    """Store a new customer of the member's company and queue it for Exact.

    A sales rep becomes its account manager (their linked Exact user), so that they see it.
    """
    _may_create(membership)
    data = data.cleaned()
    company = membership.company
    with transaction.atomic():
        _refuse_invalid(data, company=company, exclude_pk=None)
        customer = Customer(company=company, created_in_salesdesk=True, synced_at=None)
        _apply(customer, data)
        if membership.role == Membership.Role.REP and membership.exact_user_id:
            customer.account_manager_exact_id = membership.exact_user_id
            customer.account_manager_name = membership.exact_user_name[:200]
        customer.row_version = version_next(company=company)
        customer.save()
        code = PENDING_CODE.format(pk=customer.pk)
        Customer.objects.filter(pk=customer.pk).update(code=code, code_display=code)
        customer.code = customer.code_display = code
        AccountOutbox.objects.create(
            customer=customer,
            company=company,
            created_by=membership.user,
            **_extras(data),
        )
        customer_due_on_commit(customer_id=customer.pk)
    return customer


def customer_resend(*, customer: Customer, data: NewCustomerInput) -> Customer:
    """Correct a customer Exact refused and queue it again (only a refused one: anything
    else may be on its way to Exact)."""
    data = data.cleaned()
    with transaction.atomic():
        outbox = AccountOutbox.objects.select_for_update().get(customer=customer)
        if outbox.state != AccountOutbox.State.FAILED or customer.exact_id is not None:
            raise CustomerInvalid({"name": "Only a customer Exact Online refused can be edited."})
        _refuse_invalid(data, company=customer.company, exclude_pk=customer.pk)
        _apply(customer, data)
        customer.row_version = version_next(company=customer.company_id)
        customer.save()
        extras = _extras(data)
        AccountOutbox.objects.filter(pk=outbox.pk).update(
            state=AccountOutbox.State.QUEUED,
            available_at=timezone.now(),
            failures=0,
            message="",
            contact=extras["contact"],
            delivery_address=extras["delivery_address"],
        )
        customer_due_on_commit(customer_id=customer.pk)
    return customer


def customer_duplicate(
    *, company, vat_number: str, email: str, exclude_pk: int | None = None
) -> Customer | None:
    """An active customer of the company with the same VAT number (spaces, dots and dashes
    ignored, any case) or the same e-mail (any case), synced or created here."""
    rows = Customer.objects.filter(company=company, active=True)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    match = Q()
    if vat_number:
        match |= Q(vat_key=vat_normalised(vat_number))
        rows = rows.annotate(vat_key=_vat_key())
    if email:
        match |= Q(email__iexact=email)
    if not match:
        return None
    return rows.filter(match).order_by("pk").first()


def customers_pending(*, company) -> QuerySet[Customer]:
    """The company's customers created here that Exact does not have yet."""
    return Customer.objects.filter(company=company, exact_id__isnull=True)


def _may_create(membership: Membership) -> None:
    if membership.role not in (Membership.Role.ADMIN, Membership.Role.REP):
        raise CustomerInvalid({"name": "Only administrators and sales reps create customers."})
    company = membership.company
    rep = membership.role == Membership.Role.REP
    if rep and not membership.exact_user_id and not company.reps_see_all_customers:
        # They would never see it: a rep sees the customers their Exact user manages.
        raise CustomerInvalid(
            {
                "name": "Your login is not linked to an Exact Online user yet, so you would not "
                "see the new customer. Ask an administrator to link it (Administration > Users)."
            }
        )


def _refuse_invalid(data: NewCustomerInput, *, company, exclude_pk: int | None) -> None:
    problems = new_customer_problems(data)
    if problems:
        raise CustomerInvalid(problems)
    duplicate = customer_duplicate(
        company=company, vat_number=data.vat_number, email=data.email, exclude_pk=exclude_pk
    )
    if duplicate is not None:
        same = "VAT number" if data.vat_number and _same_vat(duplicate, data) else "e-mail"
        where = "in Exact Online" if duplicate.exact_id else "already created in Salesdesk"
        text = f"Customer {duplicate} has this {same} ({where})."
        raise CustomerInvalid({"vat_number" if same == "VAT number" else "email": text}, duplicate)


def _same_vat(customer: Customer, data: NewCustomerInput) -> bool:
    return vat_normalised(customer.vat_number) == data.vat_number


def _vat_key():
    text = F("vat_number")
    for mark in (" ", ".", "-"):
        text = Replace(text, Value(mark), Value(""))
    return Upper(text)


def _apply(customer: Customer, data: NewCustomerInput) -> None:
    customer.name = data.name
    customer.status = data.status
    customer.address_line1 = data.address.line1
    customer.postcode = data.address.postcode
    customer.city = data.address.city
    customer.country = data.address.country
    customer.email = data.email
    customer.phone = data.phone
    customer.vat_number = data.vat_number


def _extras(data: NewCustomerInput) -> dict:
    contact = data.contact
    address = data.delivery_address
    return {
        "contact": vars(contact).copy() if contact.given else {},
        "delivery_address": vars(address).copy() if address.given else {},
    }
