"""What an order can hold: limits derived from the columns that store it.

A number past its column's max_digits is stored by SQLite as it is and then breaks every
page that reads it back (PostgreSQL refuses the write), so forms, services and the API all
check against these limits first, with a message that names the limit.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import models

from salesdesk.customers.contact_models import Address
from salesdesk.orders.models import Order, OrderLine

MAX_LINES = 200  # lines in one order, in the form and in the API
NOTES_MAX_LENGTH = 2000  # the API's limit, also in the form and the service
# Delivery dates Exact Online and the pages can work with: a typo such as 0202 or 20255
# is refused instead of stored.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)
# Exact Online's order numbers are Int32 (exact-online-fields.md, SalesOrders.OrderNumber).
EXACT_ORDER_NUMBER_MAX = 2**31 - 1


def column_max(field: models.DecimalField) -> Decimal:
    """The largest value the DecimalField's column holds (e.g. 14,2 -> 999999999999.99)."""
    whole = field.max_digits - field.decimal_places
    return Decimal(10) ** whole - Decimal(1).scaleb(-field.decimal_places)


def column_step(field: models.DecimalField) -> Decimal:
    return Decimal(1).scaleb(-field.decimal_places)


QUANTITY_MAX = column_max(OrderLine._meta.get_field("quantity"))
QUANTITY_STEP = column_step(OrderLine._meta.get_field("quantity"))
PRICE_MAX = column_max(OrderLine._meta.get_field("unit_price"))
TOTAL_MAX = min(
    column_max(Order._meta.get_field("total_excl_vat")),
    column_max(Order._meta.get_field("total_incl_vat")),
)
YOUR_REF_MAX_LENGTH = Order._meta.get_field("your_ref").max_length
# The order discount is typed in percent (5 or 2.5) and stored as a fraction (0.05) in a
# column of 4 decimals: 2 decimals of a percent. Below 100: a discount that gives the whole
# order away is a typo, not a discount.
DISCOUNT_PERCENT_MAX = Decimal("99.99")
DISCOUNT_PERCENT_STEP = Decimal("0.01")
# A delivery address typed in for one order: what crm/Addresses (and our copy) can hold.
NEW_ADDRESS_MAX_LENGTHS = {
    name: Address._meta.get_field(name).max_length
    for name in ("line1", "line2", "postcode", "city")
}
# Blank means these characters only: the same set in the API's pattern and in the services,
# so that a value the schema calls non-blank is never refused as blank (and the other way).
BLANK_CHARACTERS = " \t\n\r\f\v"


def amount_text(value: Decimal) -> str:
    return f"{value:,f}"


def as_decimal(value: object) -> Decimal | None:
    """Decimals and whole numbers; None for anything else (floats round, text is not a number)."""
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def quantity_problem(value: object, code: str) -> str | None:
    quantity = as_decimal(value)
    if quantity is None:
        return f"The quantity of item {code} must be a number."
    if quantity <= 0:
        return f"The quantity of item {code} must be more than zero."
    if quantity > QUANTITY_MAX:
        return f"The quantity of item {code} can be at most {amount_text(QUANTITY_MAX)}."
    if quantity != quantity.quantize(QUANTITY_STEP, rounding="ROUND_DOWN"):
        return f"The quantity of item {code} can have at most 4 decimals."
    return None


def price_problem(value: object, code: str) -> str | None:
    if value is None:
        return None
    price = as_decimal(value)
    if price is None:
        return f"The price of item {code} must be a number."
    if price < 0:
        return f"The price of item {code} cannot be negative."
    if price > PRICE_MAX:
        return f"The price of item {code} can be at most {amount_text(PRICE_MAX)}."
    if price != price.quantize(QUANTITY_STEP, rounding="ROUND_DOWN"):
        return f"The price of item {code} can have at most 4 decimals."
    return None


def total_problem(total: Decimal) -> str | None:
    if total > TOTAL_MAX:
        return (
            f"The order total ({amount_text(total)}) is more than an order can hold "
            f"({amount_text(TOTAL_MAX)}): split it into several orders."
        )
    return None


def header_problems(*, your_ref: str, notes: str, delivery_date: datetime.date | None) -> list[str]:
    problems = []
    if len(your_ref) > YOUR_REF_MAX_LENGTH:
        problems.append(f"Your reference can be at most {YOUR_REF_MAX_LENGTH} characters.")
    if len(notes) > NOTES_MAX_LENGTH:
        problems.append(f"Notes can be at most {NOTES_MAX_LENGTH:,} characters.")
    if "\x00" in your_ref or "\x00" in notes:
        problems.append("Your reference and notes cannot contain NUL characters.")
    if delivery_date is not None and not EARLIEST_DATE <= delivery_date <= LATEST_DATE:
        problems.append(delivery_date_message())
    return problems


def delivery_date_message() -> str:
    return (
        f"The delivery date must be between {EARLIEST_DATE:%-d %B %Y} and {LATEST_DATE:%-d %B %Y}."
    )


def exact_order_number_message() -> str:
    return f"The Exact order number must be a whole number from 1 to {EXACT_ORDER_NUMBER_MAX:,}."


def discount_fraction(percent: Decimal) -> Decimal:
    """5 (percent, as typed) -> 0.05 (as stored and sent to Exact)."""
    return percent / 100


def discount_percent(fraction: Decimal) -> Decimal:
    return (fraction * 100).quantize(DISCOUNT_PERCENT_STEP)


def discount_problem(fraction: object) -> str | None:
    value = as_decimal(fraction)
    message = discount_message()
    if value is None or not 0 <= value <= discount_fraction(DISCOUNT_PERCENT_MAX):
        return message
    if value * 100 != (value * 100).quantize(DISCOUNT_PERCENT_STEP, rounding="ROUND_DOWN"):
        return message
    return None


def discount_message() -> str:
    return (
        f"The discount must be a percentage from 0 to {DISCOUNT_PERCENT_MAX}, "
        "with at most 2 decimals."
    )
