"""The order form: a header and a set of lines, resolved within the company."""

from __future__ import annotations

from django import forms

from salesdesk.customers.reach import EVERYTHING, Reach
from salesdesk.orders import bounds
from salesdesk.orders.header_form import HeaderForm
from salesdesk.orders.lines import LineInput
from salesdesk.orders.models import Order
from salesdesk.orders.selectors import customer_by_choice, item_by_choice
from salesdesk.orders.services import OrderHeader, order_refusals

START_LINES = 3
MAX_LINES = bounds.MAX_LINES


class OrderForm(HeaderForm):
    customer = forms.CharField(
        label="Customer",
        max_length=250,
        help_text="Type a code or a name and pick one of the suggestions.",
    )
    your_ref = forms.CharField(
        label="Your reference",
        max_length=60,
        required=False,
        help_text="The customer's own reference (their PO number); Exact prints it as Your ref.",
    )
    delivery_date = forms.DateField(
        label="Delivery date",
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "min": bounds.EARLIEST_DATE, "max": bounds.LATEST_DATE}
        ),
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=bounds.NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, company, reach: Reach = EVERYTHING, **kwargs) -> None:
        super().__init__(*args, company=company, reach=reach, **kwargs)
        self.fields["customer"].widget.attrs.update(_suggest("customers", "customer-options"))

    def clean_customer(self):
        text = self.cleaned_data["customer"]
        customer = customer_by_choice(company=self.company, text=text, reach=self.reach)
        if customer is None:
            raise forms.ValidationError(f"No customer with code {text.split('·')[0].strip()!r}.")
        problems = order_refusals(customer=customer, lines=[])
        if problems:
            raise forms.ValidationError(problems)
        return customer

    def clean_delivery_date(self):
        day = self.cleaned_data["delivery_date"]
        if day is not None and not bounds.EARLIEST_DATE <= day <= bounds.LATEST_DATE:
            raise forms.ValidationError(bounds.delivery_date_message())
        return day

    def header(self) -> OrderHeader:
        data = self.cleaned_data
        return OrderHeader(
            customer=data["customer"],
            your_ref=data["your_ref"],
            delivery_date=data["delivery_date"],
            notes=data["notes"],
            **self.header_input(),
        )


class LineForm(forms.Form):
    item = forms.CharField(
        label="Item", max_length=250, required=False, help_text="Code, description or barcode."
    )
    quantity = forms.DecimalField(
        label="Quantity",
        required=False,
        max_value=bounds.QUANTITY_MAX,
        max_digits=14,
        decimal_places=4,
    )
    price = forms.DecimalField(
        label="Price",
        required=False,
        min_value=0,
        max_value=bounds.PRICE_MAX,
        max_digits=14,
        decimal_places=4,
        help_text="Leave empty to use the price rules.",
    )

    def __init__(self, *args, company, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["item"].widget.attrs.update(_suggest("items", "item-options"))

    def clean(self):
        data = super().clean()
        text = (data.get("item") or "").strip()
        if not text:
            return data
        item = item_by_choice(company=self.company, text=text)
        if item is None:
            raise forms.ValidationError(f"No item with code or barcode {text.split('·')[0]!r}.")
        quantity = data.get("quantity")
        if quantity is None:
            raise forms.ValidationError(f"Enter a quantity for item {item.code}.")
        line = LineInput(item=item, quantity=quantity, unit_price=data.get("price"))
        problems = order_refusals(customer=None, lines=[line])
        if problems:
            raise forms.ValidationError(problems)
        data["line"] = line
        return data


def _suggest(what: str, datalist: str) -> dict:
    # Suggestions as the user types, into a <datalist> the browser shows under the field.
    return {
        "list": datalist,
        "autocomplete": "off",
        "hx-get": f"suggest/{what}",
        "hx-trigger": "input changed delay:250ms",
        "hx-target": f"#{datalist}",
        "hx-sync": "this:replace",
    }


# absolute_max: a forged TOTAL_FORMS builds no more forms than an order may have lines.
LineFormSet = forms.formset_factory(
    LineForm, extra=0, max_num=MAX_LINES, absolute_max=MAX_LINES, validate_max=True
)


def order_forms(
    *, company, data=None, lines: int = START_LINES, initial=None, reach: Reach = EVERYTHING
):
    """The header form (customers within `reach`) and the line formset, bound to `data`
    when given."""
    form = OrderForm(data, company=company, initial=initial, reach=reach)
    formset = LineFormSet(
        data,
        prefix="lines",
        form_kwargs={"company": company},
        initial=None if data is not None else [{} for _ in range(lines)],
    )
    return form, formset


def formset_lines(formset) -> list[LineInput]:
    return [form.cleaned_data["line"] for form in formset.forms if "line" in form.cleaned_data]


class ManualCloseForm(forms.Form):
    exact_order_number = forms.IntegerField(
        label="Exact order number",
        required=False,
        min_value=1,
        max_value=bounds.EXACT_ORDER_NUMBER_MAX,
        help_text="The number Exact Online gave the order you entered by hand (optional).",
    )


class OrderFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "All"), *Order.Status.choices]
    )
    customer = forms.TypedChoiceField(
        label="Customer", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, customers=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["customer"].choices = [("", "All")] + [(c.pk, str(c)) for c in customers]
