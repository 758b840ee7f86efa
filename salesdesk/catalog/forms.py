"""Forms of Item management and Price lists (all GET: they only read)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms

from salesdesk.catalog.selectors import (
    ITEM_SORTS,
    LINE_SORTS,
    ItemFilters,
    item_code_get,
    price_customer_get,
)
from salesdesk.lists.list_forms import YES_NO, ListForm, yes_no


class ItemListForm(ListForm):
    SORTS = ITEM_SORTS
    group = forms.ChoiceField(required=False, label="Item group")
    active = forms.ChoiceField(required=False, choices=YES_NO, label="Active")
    in_stock = forms.ChoiceField(required=False, choices=YES_NO, label="In stock")

    def __init__(self, data, *, groups: list[str]):
        super().__init__(data)
        self.fields["group"].choices = [("", "All groups")] + [(g, g) for g in groups]
        self.fields["q"].help_text = "Code, description, barcode or group"

    def filters(self) -> ItemFilters:
        return ItemFilters(
            q=self.value("q", ""), group=self.value("group", ""),
            active=yes_no(self.value("active", "")),
            in_stock=yes_no(self.value("in_stock", "")),
        )  # fmt: skip


class PriceLineListForm(ListForm):
    SORTS = LINE_SORTS
    DEFAULT_SORT = "item"
    period = forms.TypedChoiceField(required=False, coerce=int, label="Period")

    def __init__(self, data, *, periods):
        super().__init__(data)
        self.fields["period"].choices = [(p.pk, _period_label(p)) for p in periods]
        self.fields["q"].help_text = "Item code, description, barcode or group"


def _period_label(period) -> str:
    start = period.start_date.isoformat() if period.start_date else "always"
    end = period.end_date.isoformat() if period.end_date else "open"
    return f"{start} – {end}"


class PriceCalculatorForm(forms.Form):
    """Which price Salesdesk would use for this customer, item and quantity."""

    customer = forms.CharField(max_length=18, label="Customer code")
    item = forms.CharField(max_length=60, label="Item code")
    quantity = forms.DecimalField(
        min_value=Decimal("0.0001"), max_digits=14, decimal_places=4, initial=1
    )
    date = forms.DateField(
        required=False, label="Order date", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, company):
        super().__init__(data)
        self.company = company

    def clean_customer(self):
        customer = price_customer_get(company=self.company, code=self.cleaned_data["customer"])
        if customer is None:
            raise forms.ValidationError("No customer with this code.")
        return customer

    def clean_item(self):
        item = item_code_get(company=self.company, code=self.cleaned_data["item"])
        if item is None:
            raise forms.ValidationError("No item with this code.")
        return item

    def clean_date(self) -> datetime.date | None:
        return self.cleaned_data.get("date")
