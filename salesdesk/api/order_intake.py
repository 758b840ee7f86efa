"""An order from a device: checked field by field, then created and queued by the order
services (salesdesk/orders/services.py), with the answer kept for its Idempotency-Key."""

from __future__ import annotations

import hashlib
from decimal import InvalidOperation

import orjson

from salesdesk.api import selectors
from salesdesk.api.idempotent import Answer, FieldErrors, answer_once
from salesdesk.api.json_decimals import json_default
from salesdesk.api.order_header_input import header_arguments
from salesdesk.api.records import order_records
from salesdesk.api.schemas import OrderIn
from salesdesk.catalog.pricing import price_quotes_for_lines
from salesdesk.customers.reach import EVERYTHING, Reach
from salesdesk.customers.reach_moves import customer_left_reach
from salesdesk.orders.header_fields import HeaderInput, header_fields
from salesdesk.orders.lines import LineInput, NoPrice
from salesdesk.orders.models import Order
from salesdesk.orders.services import (
    OrderHeader,
    OrderRefused,
    order_create,
    order_refusals,
    order_submit,
)
from salesdesk.tenants.models import Company

LEFT_REACH = (
    "Exact Online gave this customer to another account manager: it is no longer yours, so "
    "the order was not taken. Ask the office to enter it if it should still go."
)


def _problem(loc: list, msg: str, kind: str = "value_error") -> dict:
    return {"loc": ["body", "payload", *loc], "msg": msg, "type": kind}


def order_place(
    *, company: Company, user, payload: OrderIn, key: str, reach: Reach = EVERYTHING
) -> Answer:
    """Create and queue the order once per (rep, key); a repeated key gets the first answer.

    The key's record is inserted first: a concurrent request with the same key waits on it
    (SQLite: the write lock; PostgreSQL: the unique index) and then replays the answer.
    Refused orders are not recorded: the device may send the corrected order with the key.
    """
    # The order's fingerprint is its body alone (keys recorded before `POST /customers`
    # existed must keep replaying); a customer's names its endpoint, so they never match.
    digest = hashlib.sha256(
        orjson.dumps(payload.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
    ).hexdigest()

    def work() -> tuple[int, bytes]:
        order = _order_new(company=company, user=user, payload=payload, reach=reach)
        record = order_records(Order.objects.filter(pk=order.pk))[0]
        return 201, orjson.dumps(record, default=json_default)

    return answer_once(company=company, user=user, key=key, digest=digest, work=work)


def _order_new(*, company: Company, user, payload: OrderIn, reach: Reach) -> Order:
    # A customer out of the rep's reach is as unknown to them as another company's.
    named = "customer_id" if payload.customer_id is not None else "new_customer_id"
    customer = _customer(company, payload, reach)
    if customer is None:
        raise FieldErrors([_problem([named], _unknown(company, payload, reach), "not_found")])
    problems = [_problem([named], msg) for msg in order_refusals(customer=customer, lines=[])]
    chosen = header_arguments(company=company, customer=customer, payload=payload)
    _, header_problems = header_fields(
        company=company, customer=customer, chosen=HeaderInput(**chosen)
    )
    problems.extend(_problem([name], msg) for name, msg in header_problems.items())
    lines = _lines(company, payload, problems)
    if problems:
        raise FieldErrors(problems)
    header = OrderHeader(
        customer=customer,
        your_ref=payload.your_ref,
        delivery_date=payload.delivery_date,
        notes=payload.notes,
        **chosen,
    )
    try:
        order = order_create(
            company=company, user=user, header=header, lines=[line for _, line in lines]
        )
    except NoPrice:
        # Rare: price the lines once more to name every line that has no price.
        raise FieldErrors(_unpriced(company, customer, lines)) from None
    except OrderRefused as exc:  # checks on the whole order, such as its total
        raise FieldErrors([_problem(["lines"], str(exc))]) from None
    except InvalidOperation:  # a total beyond what an order can hold
        raise FieldErrors([_problem(["lines"], "The order total is too large.")]) from None
    return order_submit(order=order, user=user)


def _customer(company: Company, payload: OrderIn, reach: Reach):
    if payload.customer_id is not None:
        return selectors.customer_by_id(company=company, exact_id=payload.customer_id, reach=reach)
    return selectors.new_customer_by_id(company=company, pk=payload.new_customer_id, reach=reach)


def _unknown(company: Company, payload: OrderIn, reach: Reach) -> str:
    left = payload.customer_id is not None and customer_left_reach(
        company=company, exact_id=payload.customer_id, manager=reach.account_manager
    )
    if left:  # the rep had it: say why, so the order taken for it is not lost unexplained
        return LEFT_REACH
    return "No customer with this id."


def _lines(company: Company, payload: OrderIn, problems: list[dict]) -> list[tuple[int, LineInput]]:
    ids = {line.item_id for line in payload.lines}
    items = selectors.items_by_ids(company=company, exact_ids=ids)
    lines = []
    for index, line in enumerate(payload.lines):
        item = items.get(line.item_id)
        if item is None:
            problems.append(_problem(["lines", index, "item_id"], "No item with this id."))
            continue
        given = LineInput(item=item, quantity=line.quantity, unit_price=line.unit_price)
        for msg in order_refusals(customer=None, lines=[given]):
            problems.append(_problem(["lines", index, "item_id"], msg))
        lines.append((index, given))
    return lines


def _unpriced(company, customer, lines: list[tuple[int, LineInput]]) -> list[dict]:
    by_rules = [(index, line) for index, line in lines if line.unit_price is None]
    wanted = [(line.item, line.quantity) for _, line in by_rules]
    quotes = price_quotes_for_lines(company=company, customer=customer, wanted=wanted)
    problems = []
    for (index, line), quote in zip(by_rules, quotes, strict=True):
        if quote is None:
            msg = f"Item {line.item.code} has no price in Exact Online: send a unit_price."
            problems.append(_problem(["lines", index, "unit_price"], msg, "missing"))
    return problems
