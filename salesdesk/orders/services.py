"""Writes on orders: create, submit (into the outbox), retry, close by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from salesdesk.customers.models import Customer
from salesdesk.orders import bounds
from salesdesk.orders.header_fields import HeaderInput, header_fields
from salesdesk.orders.lines import LineInput, NoPrice, PricedLine, lines_priced, lines_totals
from salesdesk.orders.models import Order, OrderCounter, OrderEvent, OrderLine, OrderOutbox
from salesdesk.orders.signals import order_due_on_commit
from salesdesk.orders.waiting import outbox_withdraw
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company


class OrderRefused(ValueError):
    """The order cannot be taken or changed as asked; the message says why, plainly."""


@dataclass(frozen=True, kw_only=True)
class OrderHeader(HeaderInput):
    """The order's header: the customer, the texts, and the choices of `HeaderInput`
    (order type, delivery address, contact, shipping method, payment condition, warehouse,
    discount), checked within the company and the customer by `order_create`."""

    customer: Customer
    your_ref: str = ""
    delivery_date: date | None = None
    notes: str = ""


def order_refusals(*, customer: Customer | None, lines: list[LineInput]) -> list[str]:
    """Why Exact would (or should) refuse this order, in plain words; empty when fine."""
    problems = []
    if customer is not None and customer.blocked:
        problems.append(f"Customer {customer} is blocked in Exact Online: no orders can be taken.")
    if customer is not None and not customer.active:
        problems.append(f"Customer {customer} no longer exists in Exact Online.")
    for line in lines:
        if not line.item.active:
            problems.append(f"Item {line.item.code} is no longer active in Exact Online.")
        elif not line.item.is_sales_item:
            problems.append(f"Item {line.item.code} is not a sales item.")
        for problem in (
            bounds.quantity_problem(line.quantity, line.item.code),
            bounds.price_problem(line.unit_price, line.item.code),
        ):
            if problem:
                problems.append(problem)
    return problems


def order_create(*, company: Company, user, header: OrderHeader, lines: list[LineInput]) -> Order:
    """A Draft order with priced lines; OrderRefused when it cannot be taken."""
    if header.customer.company_id != company.pk or any(
        line.item.company_id != company.pk for line in lines
    ):
        raise OrderRefused("That customer or item does not belong to this company.")
    if not lines:
        raise OrderRefused("Add at least one item.")
    if len(lines) > bounds.MAX_LINES:
        raise OrderRefused(f"An order can have at most {bounds.MAX_LINES} lines.")
    chosen, header_problems = header_fields(
        company=company, customer=header.customer, chosen=header
    )
    problems = [
        *bounds.header_problems(
            your_ref=header.your_ref, notes=header.notes, delivery_date=header.delivery_date
        ),
        *header_problems.values(),
        *order_refusals(customer=header.customer, lines=lines),
    ]
    if problems:
        raise OrderRefused(" ".join(problems))
    priced = lines_priced(company=company, customer=header.customer, lines=lines)
    if unpriced := [line for line in priced if isinstance(line, NoPrice)]:
        raise unpriced[0]
    totals = lines_totals(priced, discount=header.discount)
    if too_large := bounds.total_problem(totals.incl_vat):
        raise OrderRefused(too_large)
    with transaction.atomic():
        order = Order.objects.create(
            company=company,
            number=_next_number(company),
            customer=header.customer,
            your_ref=header.your_ref,
            delivery_date=header.delivery_date,
            notes=header.notes,
            created_by=user,
            **chosen,
            row_version=version_next(company=company),
            total_excl_vat=totals.excl_vat,
            total_incl_vat=totals.incl_vat,
        )
        OrderLine.objects.bulk_create(_line_rows(order, priced))
        _event(order, Order.Status.DRAFT, "Order created.", user)
    return order


def order_submit(*, order: Order, user=None, now: datetime | None = None) -> Order:
    """Draft or Failed -> Queued, in the outbox in the same transaction; sent after commit.

    A retry keeps what the outbox knows: if an earlier try may have reached Exact, the
    next one looks the order up by its reference before posting again.
    """
    now = now or timezone.now()
    with transaction.atomic():
        moved = Order.objects.filter(
            pk=order.pk, status__in=[Order.Status.DRAFT, Order.Status.FAILED]
        ).update(
            status=Order.Status.QUEUED,
            exact_message="",
            updated_at=now,
            row_version=version_next(company=order.company_id),
        )
        if not moved:
            raise OrderRefused(f"Order {order.number} is {order.get_status_display()}: not sent.")
        OrderOutbox.objects.update_or_create(
            order=order,
            defaults={
                "company_id": order.company_id,
                "available_at": now,
                "failures": 0,
                "waiting_since": None,
            },
        )
        _event(order, Order.Status.QUEUED, "Queued for sending to Exact Online.", user, at=now)
        order_due_on_commit(order_ids=[order.pk])
    order.refresh_from_db()
    return order


def order_mark_manual(*, order: Order, user, exact_order_number: int | None = None) -> Order:
    """Close an order as entered in Exact by hand; it will never be sent.

    Draft and Failed orders can be closed, and so can a Queued order that waits for the
    connection (after an administrator typed it into Exact while Salesdesk could not send).
    """
    if exact_order_number is not None and not 1 <= exact_order_number <= (
        bounds.EXACT_ORDER_NUMBER_MAX
    ):
        raise OrderRefused(bounds.exact_order_number_message())
    with transaction.atomic():
        closable = Q(status__in=[Order.Status.DRAFT, Order.Status.FAILED])
        changes = {}
        if outbox_withdraw(company_id=order.company_id, order_id=order.pk):
            closable |= Q(status=Order.Status.QUEUED)
            changes["exact_message"] = ""  # it no longer waits
        moved = Order.objects.filter(closable, pk=order.pk).update(
            status=Order.Status.MANUAL,
            exact_order_number=exact_order_number,
            updated_at=timezone.now(),
            row_version=version_next(company=order.company_id),
            **changes,
        )
        if not moved:  # raised inside the transaction: a withdrawn outbox row comes back
            raise OrderRefused(_not_closable(order))
        number = f" as order {exact_order_number}" if exact_order_number else ""
        _event(order, Order.Status.MANUAL, f"Entered in Exact Online by hand{number}.", user)
    order.refresh_from_db()
    return order


def _not_closable(order: Order) -> str:
    may_have_it = OrderOutbox.objects.filter(
        order_id=order.pk, waiting_since__isnull=False, exact_may_have_it=True
    )
    if may_have_it.exists():
        return (
            f"Exact Online may already have order {order.number} from an earlier attempt: "
            "authorize Salesdesk again, and it looks the order up before it sends anything."
        )
    status = order.get_status_display()
    return f"Order {order.number} is {status}: it cannot be closed by hand."


def _next_number(company: Company) -> str:
    counter, _ = OrderCounter.objects.get_or_create(company=company)
    OrderCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db()
    return f"SD-{company.slug}-{counter.last_number:06d}"


def _line_rows(order: Order, lines: list[PricedLine]) -> list[OrderLine]:
    return [
        OrderLine(
            order=order,
            item=line.item,
            quantity=line.quantity,
            unit_price=line.unit_price,
            price_rule=line.rule,
            price_overridden=line.overridden,
            vat_percentage=line.vat_fraction or 0,
            line_number=index,
        )
        for index, line in enumerate(lines, start=1)
    ]


def _event(order: Order, status: str, message: str, user=None, at: datetime | None = None) -> None:
    OrderEvent.objects.create(
        order=order, status=status, message=message, actor=user, at=at or timezone.now()
    )
