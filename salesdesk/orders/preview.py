"""The live part of the order form: each line's price by the rules, and the totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from salesdesk.orders import bounds
from salesdesk.orders.forms import formset_lines
from salesdesk.orders.lines import NoPrice, PricedLine, Totals, lines_priced, lines_totals


@dataclass
class Preview:
    lines: list[PricedLine] = field(default_factory=list)
    totals: Totals | None = None
    problems: list[str] = field(default_factory=list)


def order_preview(*, company, form, formset) -> Preview:
    """Price what can be priced; collect what stops the order, in plain words."""
    preview = Preview()
    form.is_valid()
    formset.is_valid()
    for errors in [form.errors.get("customer", []), *(f.non_field_errors() for f in formset)]:
        preview.problems.extend(errors)
    if "customer" not in form.cleaned_data:  # prices need the customer, not the whole header
        return preview
    customer = form.cleaned_data["customer"]
    for priced in lines_priced(company=company, customer=customer, lines=formset_lines(formset)):
        if isinstance(priced, NoPrice):
            preview.problems.append(str(priced))
        else:
            preview.lines.append(priced)
    discount = form.cleaned_data.get("discount")
    fraction = bounds.discount_fraction(discount) if discount else Decimal(0)
    preview.totals = lines_totals(preview.lines, discount=fraction)
    return preview
