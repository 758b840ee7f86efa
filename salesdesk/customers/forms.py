"""Forms of Customer management (GET: they only read), and the link of a member to an
Exact user (Administration > Users)."""

from __future__ import annotations

import uuid

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


class ExactUserForm(forms.Form):
    """Which Exact user a member is: one of the account managers Salesdesk knows from the
    synced customers, or an Exact user ID typed in; neither unlinks."""

    known = forms.ChoiceField(label="Exact user", required=False)
    typed = forms.UUIDField(
        label="Or the Exact user's ID",
        required=False,
        help_text="The GUID of a user in Exact Online who manages no customer yet.",
        error_messages={"invalid": "An Exact user ID looks like 5a1e5de5-0000-4000-8000-…"},
    )

    def __init__(self, *args, managers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.managers = {str(m.exact_id): m for m in managers}
        self.fields["known"].choices = [("", "— none —")] + [
            (key, f"{m.name or key} ({m.customers} customers)") for key, m in self.managers.items()
        ]

    def link(self) -> tuple[uuid.UUID | None, str]:
        """The Exact user ID chosen (None: unlink) and its name when Salesdesk knows it."""
        typed, known = self.cleaned_data["typed"], self.cleaned_data["known"]
        chosen = typed or (uuid.UUID(known) if known else None)
        manager = self.managers.get(str(chosen)) if chosen else None
        return chosen, manager.name if manager else ""
