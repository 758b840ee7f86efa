"""The New customer form: fields only; the rules live in new_customer_input (shared with the
API), and their problems come back onto the fields they name."""

from __future__ import annotations

from django import forms

from salesdesk.customers import new_customer_input as rules
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import AddressInput, NewCustomerInput, PersonInput

# Form field -> the input's dotted name (as in new_customer_problems).
FIELDS = {
    "name": "name", "status": "status", "address_line1": "address.line1",
    "postcode": "address.postcode", "city": "address.city", "country": "address.country",
    "email": "email", "phone": "phone", "vat_number": "vat_number",
    "contact_first_name": "contact.first_name", "contact_last_name": "contact.last_name",
    "contact_email": "contact.email", "contact_phone": "contact.phone",
    "delivery_line1": "delivery_address.line1", "delivery_postcode": "delivery_address.postcode",
    "delivery_city": "delivery_address.city", "delivery_country": "delivery_address.country",
}  # fmt: skip


def _text(label: str, limit: int, **kwargs) -> forms.CharField:
    # A little over the rule's limit, so that the rule's own words explain a long value.
    return forms.CharField(label=label, required=False, max_length=limit + 50, **kwargs)


class NewCustomerForm(forms.Form):
    name = _text("Name", rules.NAME_MAX)
    status = forms.ChoiceField(
        label="Relationship", choices=[("C", "Customer"), ("P", "Prospect")], initial="C"
    )
    address_line1 = _text("Address", rules.LINE_MAX)
    postcode = _text("Postcode", rules.POSTCODE_MAX)
    city = _text("City", rules.CITY_MAX)
    country = _text("Country", 2, initial="NL", help_text="Two-letter code: NL, BE, DE …")
    email = _text("E-mail", rules.EMAIL_MAX)
    phone = _text("Phone", rules.PHONE_MAX)
    vat_number = _text("VAT number", rules.VAT_MAX)
    contact_first_name = _text("First name", rules.PERSON_NAME_MAX)
    contact_last_name = _text("Last name", rules.PERSON_NAME_MAX)
    contact_email = _text("Contact e-mail", rules.EMAIL_MAX)
    contact_phone = _text("Contact phone", rules.PHONE_MAX)
    delivery_line1 = _text("Delivery address", rules.LINE_MAX)
    delivery_postcode = _text("Delivery postcode", rules.POSTCODE_MAX)
    delivery_city = _text("Delivery city", rules.CITY_MAX)
    delivery_country = _text("Delivery country", 2)

    def input(self) -> NewCustomerInput:
        data = self.cleaned_data

        def address(prefix: str, line: str) -> AddressInput:
            keys = (line, f"{prefix}postcode", f"{prefix}city", f"{prefix}country")
            return AddressInput(*(data[key] for key in keys))

        person = (data[f"contact_{key}"] for key in ("first_name", "last_name", "email", "phone"))
        return NewCustomerInput(
            name=data["name"],
            status=data["status"],
            address=address("", "address_line1"),
            email=data["email"],
            phone=data["phone"],
            vat_number=data["vat_number"],
            contact=PersonInput(*person),
            delivery_address=address("delivery_", "delivery_line1"),
        )

    def add_problems(self, problems: dict[str, str]) -> None:
        """Put the rules' problems on their fields (anything unnamed above the form)."""
        by_rule = {rule: name for name, rule in FIELDS.items()}
        for rule, text in problems.items():
            self.add_error(by_rule.get(rule), text)


def form_initial(customer: Customer, contact: dict, delivery: dict) -> dict:
    """The form's values for a customer being corrected."""
    values = {
        "name": customer.name, "status": customer.status,
        "address_line1": customer.address_line1, "postcode": customer.postcode,
        "city": customer.city, "country": customer.country, "email": customer.email,
        "phone": customer.phone, "vat_number": customer.vat_number,
    }  # fmt: skip
    values |= {f"contact_{k}": v for k, v in contact.items()}
    values |= {f"delivery_{k}": v for k, v in delivery.items()}
    return values
