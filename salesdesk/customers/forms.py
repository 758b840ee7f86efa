"""Forms of Customer management (GET: they only read)."""

from __future__ import annotations

from django import forms

from salesdesk.customers.selectors import CUSTOMER_SORTS, CustomerFilters
from salesdesk.lists.list_forms import YES_NO, ListForm, yes_no


class CustomerListForm(ListForm):
    SORTS = CUSTOMER_SORTS
    blocked = forms.ChoiceField(required=False, choices=YES_NO, label="Blocked")
    price_list = forms.TypedChoiceField(required=False, coerce=int, label="Price list")
    country = forms.ChoiceField(required=False, label="Country")

    def __init__(self, data, *, price_lists, countries: list[str]):
        super().__init__(data)
        self.fields["price_list"].choices = [("", "All price lists")] + [
            (p.pk, str(p)) for p in price_lists
        ]
        self.fields["country"].choices = [("", "All countries")] + [(c, c) for c in countries]
        self.fields["q"].help_text = "Code, name, city, e-mail or VAT number"

    def filters(self) -> CustomerFilters:
        return CustomerFilters(
            q=self.value("q", ""),
            blocked=yes_no(self.value("blocked", "")),
            price_list_id=self.value("price_list"),
            country=self.value("country", ""),
        )
