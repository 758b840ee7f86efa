"""Order lines priced by the rules of the Price lists page, and the order's totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from salesdesk.catalog.models import Item
from salesdesk.catalog.pricing import PriceQuote, price_quotes_for_lines
from salesdesk.customers.models import Customer
from salesdesk.tenants.models import Company

CENT = Decimal("0.01")


class NoPrice(ValueError):
    """No price rule gives a price for the item, and none was typed."""


@dataclass(frozen=True)
class LineInput:
    item: Item
    quantity: Decimal
    unit_price: Decimal | None = None  # typed over the rule's price


@dataclass(frozen=True)
class PricedLine:
    item: Item
    quantity: Decimal
    unit_price: Decimal
    rule: str
    overridden: bool
    vat_fraction: Decimal | None  # None: Salesdesk does not know the item's VAT rate

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT, ROUND_HALF_UP)

    @property
    def vat_amount(self) -> Decimal:
        return (self.amount * (self.vat_fraction or 0)).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    excl_vat: Decimal
    vat: Decimal
    vat_complete: bool  # False when an item's VAT rate is unknown
    discount: Decimal = Decimal("0.00")  # the order discount's amount, excluding VAT

    @property
    def incl_vat(self) -> Decimal:
        return self.excl_vat + self.vat


def lines_priced(
    *, company: Company, customer: Customer, lines: list[LineInput], on_date: date | None = None
) -> list[PricedLine | NoPrice]:
    """Each line with its unit price: the typed one, else the price rules' answer (for all
    the lines in three queries). A line that no rule prices gets a NoPrice in its place."""
    wanted = [(line.item, line.quantity) for line in lines if line.unit_price is None]
    quotes = iter(
        price_quotes_for_lines(company=company, customer=customer, wanted=wanted, on_date=on_date)
    )
    return [_priced(line, None if line.unit_price is not None else next(quotes)) for line in lines]


def _priced(line: LineInput, quote: PriceQuote | None) -> PricedLine | NoPrice:
    vat = line.item.vat_percentage  # a fraction (0.21), from the item's VAT code
    if line.unit_price is not None:
        return PricedLine(line.item, line.quantity, line.unit_price, "Entered by hand", True, vat)
    if quote is None:
        return NoPrice(f"Item {line.item.code} has no price in Exact Online: enter one.")
    rule = (quote.description or str(quote.rule))[:200]
    return PricedLine(line.item, line.quantity, Decimal(quote.unit_price), rule, False, vat)


def lines_totals(lines: list[PricedLine], *, discount: Decimal = Decimal("0")) -> Totals:
    """The order's totals after its header discount (a fraction of the lines' total).

    Exact's sales order takes `Discount` off the lines' total (AmountDiscount); the VAT is
    on what remains, so each line's VAT shrinks by the same fraction.
    """
    gross = sum((line.amount for line in lines), Decimal("0.00"))
    off = (gross * discount).quantize(CENT, ROUND_HALF_UP)
    vat = sum((line.vat_amount for line in lines), Decimal("0.00"))
    vat = (vat * (1 - discount)).quantize(CENT, ROUND_HALF_UP)
    complete = all(line.vat_fraction is not None for line in lines)
    return Totals(excl_vat=gross - off, vat=vat, vat_complete=complete, discount=off)
