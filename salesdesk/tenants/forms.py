from __future__ import annotations

from django import forms

from salesdesk.tenants.models import Membership
from salesdesk.tenants.services import password_problems


class LoginForm(forms.Form):
    identifier = forms.CharField(
        label="Username or e-mail",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class UserAddForm(forms.Form):
    username = forms.RegexField(
        label="Username",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": "Use letters, digits and @ . + - _ only."},
    )
    email = forms.EmailField(label="E-mail")
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        problems = password_problems(password)
        if problems:
            raise forms.ValidationError(problems)
        return password


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices)


class RepsSeeAllForm(forms.Form):
    reps_see_all_customers = forms.BooleanField(
        label="All reps see all customers",
        required=False,
        help_text="Off: a sales rep sees only the customers whose account manager in Exact "
        "Online is the rep's Exact user, and those customers' orders.",
    )
