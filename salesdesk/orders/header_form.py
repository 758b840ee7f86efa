"""The order form's header choices: lists that depend on the customer picked.

The lists come from `header_choices` for the customer the form names, so a value of another
customer or company is refused as "not one of the available choices" before the services
check it once more. `header_for` records which customer the choices on screen were made
for: when the customer changed without them being reloaded (no JavaScript, or a request
that raced the reload), the form comes back with that customer's defaults to check.
"""

from __future__ import annotations

import uuid

from django import forms

from salesdesk.customers.new_customers import pending_code_pk
from salesdesk.customers.reach import EVERYTHING, Reach
from salesdesk.orders import bounds
from salesdesk.orders.header_choices import (
    HeaderChoices,
    address_label,
    customer_parties_unsynced,
    header_choices,
)
from salesdesk.orders.header_fields import NewAddress
from salesdesk.orders.models import Order
from salesdesk.orders.selectors import customer_by_choice

NEW_ADDRESS = "new"
NONE = ("", "—")
# The fields the customer decides: reloaded (with the customer's defaults) when it changes.
CUSTOMER_FIELDS = ("delivery_address", "contact", "shipping_method", "payment_condition")
NEW_ADDRESS_FIELDS = ("new_line1", "new_line2", "new_postcode", "new_city", "new_country")
STALE = (
    "The delivery address, contact person and terms are now those of this customer: "
    "check them, then save again."
)


def _text(label: str, limit: int, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, max_length=limit, required=False, **kwargs)


class HeaderForm(forms.Form):
    # Not required: a post without it (a script) takes a sales order, as before quotations.
    kind = forms.ChoiceField(
        label="Order type",
        choices=Order.Kind.choices,
        initial=Order.Kind.SALES_ORDER,
        required=False,
    )
    header_for = forms.CharField(required=False, widget=forms.HiddenInput)
    delivery_address = forms.ChoiceField(label="Delivery address", required=False)
    new_line1 = _text("Address line 1", bounds.NEW_ADDRESS_MAX_LENGTHS["line1"])
    new_line2 = _text("Address line 2", bounds.NEW_ADDRESS_MAX_LENGTHS["line2"])
    new_postcode = _text("Postcode", bounds.NEW_ADDRESS_MAX_LENGTHS["postcode"])
    new_city = _text("City", bounds.NEW_ADDRESS_MAX_LENGTHS["city"])
    new_country = _text("Country", 2, help_text="Two letters, such as NL.")
    contact = forms.ChoiceField(label="Contact person", required=False)
    shipping_method = forms.ChoiceField(label="Shipping method", required=False)
    payment_condition = forms.ChoiceField(label="Payment condition", required=False)
    warehouse = forms.ChoiceField(label="Warehouse", required=False)
    discount = forms.DecimalField(
        label="Discount",
        required=False,
        min_value=0,
        max_value=bounds.DISCOUNT_PERCENT_MAX,
        max_digits=4,
        decimal_places=2,
        help_text="Percent off the whole order, such as 5 or 2.5.",
    )

    def __init__(self, data=None, *args, company, reach: Reach = EVERYTHING, **kwargs) -> None:
        self.company = company
        self.reach = reach
        initial = kwargs.get("initial") or {}
        text = (data if data is not None else initial).get("customer") or ""
        self.header_customer = customer_by_choice(company=company, text=str(text), reach=reach)
        self.choices = header_choices(company=company, customer=self.header_customer)
        self.parties_unsynced = not (self.choices.addresses or self.choices.contacts) and (
            customer_parties_unsynced(company=company, customer=self.header_customer)
        )
        self.header_stale = False
        if data is not None and self.header_customer is not None:
            data = self._fresh(data)
        elif data is None:
            kwargs["initial"] = self._defaults() | self._still_valid(initial)
        super().__init__(data, *args, **kwargs)
        self._offer(self.choices)

    def _defaults(self) -> dict:
        if self.header_customer is None:
            return {}
        defaults = self.choices.defaults
        return {
            "header_for": self.header_customer.code_display,
            "delivery_address": _value(defaults.delivery_address_id),
            "contact": _value(defaults.contact_id),
            "shipping_method": _value(defaults.shipping_method_id),
            "payment_condition": defaults.payment_condition,
            "warehouse": _value(defaults.warehouse_id),
            "new_country": self.header_customer.country,
        }

    def _still_valid(self, initial: dict) -> dict:
        """`initial` (a form shown again, with one more line) without choices made for
        another customer than the one it names now."""
        made_for = initial.get("header_for")
        if made_for is None or (self.header_customer is not None and self._made_for(made_for)):
            return initial
        dropped = {*CUSTOMER_FIELDS, *NEW_ADDRESS_FIELDS, "header_for"}
        return {name: value for name, value in initial.items() if name not in dropped}

    def _fresh(self, data):
        """`data`, or when its choices were made for another customer, that customer's
        defaults in their place."""
        # A post without `header_for` did not come from this form's page (a script, a test):
        # it chose what it sent.
        if self._made_for(data.get("header_for", self.header_customer.code_display)):
            return data
        self.header_stale = True
        data = data.copy()
        for name in (*CUSTOMER_FIELDS, *NEW_ADDRESS_FIELDS):
            data.pop(name, None)
        reloaded = {*CUSTOMER_FIELDS, *NEW_ADDRESS_FIELDS, "header_for"}
        for name, value in self._defaults().items():
            if name in reloaded:  # the warehouse is not the customer's: kept as chosen
                data[name] = value
        return data

    def _made_for(self, code: str) -> bool:
        """Whether the header on screen was made for this customer: its code, or its pending
        code when the customer reached Exact (and got Exact's code) while the form was open."""
        customer = self.header_customer
        if code == customer.code_display:
            return True
        return customer.created_in_salesdesk and pending_code_pk(code) == customer.pk

    def _offer(self, choices: HeaderChoices) -> None:
        fields = self.fields
        fields["delivery_address"].choices = [
            NONE,
            *((str(a.exact_id), address_label(a)) for a in choices.addresses),
            (NEW_ADDRESS, "A new address…"),
        ]
        fields["contact"].choices = [NONE, *((str(c.exact_id), str(c)) for c in choices.contacts)]
        fields["shipping_method"].choices = [
            NONE,
            *((str(m.exact_id), str(m)) for m in choices.shipping_methods),
        ]
        fields["payment_condition"].choices = [
            NONE,
            *((c.code, str(c)) for c in choices.payment_conditions),
        ]
        if choices.warehouse_to_pick:
            fields["warehouse"].choices = [
                NONE,
                *((str(w.exact_id), str(w).strip()) for w in choices.warehouses),
            ]
        else:
            del fields["warehouse"]

    def clean(self):
        data = super().clean()
        if self.header_stale:
            raise forms.ValidationError(STALE, code="header_stale")
        if data.get("delivery_address") == NEW_ADDRESS:
            for name, what in (("new_line1", "the address line"), ("new_city", "the city"),
                               ("new_country", "the country")):  # fmt: skip
                if not data.get(name):
                    self.add_error(name, f"Enter {what} of the new delivery address.")
        return data

    def clean_new_country(self):
        country = self.cleaned_data["new_country"].upper()
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise forms.ValidationError("Enter the country as two letters, such as NL.")
        return country

    def header_input(self) -> dict:
        """The choices as `HeaderInput` (and so `OrderHeader`) arguments."""
        data = self.cleaned_data
        discount = data.get("discount")
        return {
            "kind": data.get("kind") or Order.Kind.SALES_ORDER,
            "delivery_address_id": _uuid(data.get("delivery_address")),
            "new_delivery_address": self._new_address(),
            "contact_id": _uuid(data.get("contact")),
            "shipping_method_id": _uuid(data.get("shipping_method")),
            "payment_condition": data.get("payment_condition") or "",
            "warehouse_id": _uuid(data.get("warehouse")),
            "discount": bounds.discount_fraction(discount) if discount is not None else 0,
        }

    def _new_address(self) -> NewAddress | None:
        data = self.cleaned_data
        if data.get("delivery_address") != NEW_ADDRESS:
            return None
        return NewAddress(
            line1=data["new_line1"],
            line2=data["new_line2"],
            postcode=data["new_postcode"],
            city=data["new_city"],
            country=data["new_country"],
        )


def _value(exact_id: uuid.UUID | None) -> str:
    return str(exact_id) if exact_id else ""


def _uuid(value: str | None) -> uuid.UUID | None:
    if not value or value == NEW_ADDRESS:
        return None
    return uuid.UUID(value)
