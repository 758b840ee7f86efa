"""The Installation tab's form (walkthrough step 1)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.conf import settings

from exact_client import COUNTRY_HOSTS, normalize_base_url
from salesdesk.integration.connection.exact_sites import site_refusal
from salesdesk.integration.connection.models import ExactConnection

COUNTRY_NAMES = {
    "nl": "Netherlands",
    "be": "Belgium",
    "uk": "United Kingdom",
    "de": "Germany",
    "fr": "France",
    "es": "Spain",
    "us": "United States",
}
OTHER = "other"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def address_choices() -> list[tuple[str, str]]:
    """The seven country sites, the sandbox, and 'another address'."""
    choices = [("", "— Choose the Exact Online site —")]
    for code, url in COUNTRY_HOSTS.items():
        choices.append((url, f"{url}/ ({COUNTRY_NAMES.get(code, code)})"))
    sandbox = normalize_base_url(settings.EXACT_SANDBOX_URL)
    if sandbox:
        choices.append((sandbox, f"{sandbox}/ (Salesdesk sandbox)"))
    choices.append((OTHER, "Another address…"))
    return choices


def clean_site_url(raw: str) -> str:
    """A site's base URL: https (http only on this machine), no path, no query."""
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise forms.ValidationError("Enter a web address such as https://start.exactonline.nl/.")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise forms.ValidationError("Use https:// (plain http only works on this machine).")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise forms.ValidationError(
            "Enter only the site's address, without a path, such as https://start.exactonline.nl/."
        )
    base_url = normalize_base_url(f"{parts.scheme}://{parts.netloc}")
    refusal = site_refusal(base_url)
    if refusal:
        raise forms.ValidationError(refusal)
    return base_url


class InstallationForm(forms.Form):
    erp_type = forms.ChoiceField(label="Type", choices=ExactConnection.ErpType.choices)
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="The administration's name exactly as in Exact Online: "
        "capitals, spaces and punctuation count.",
        error_messages={"required": "Enter the name of the Exact Online administration."},
    )
    address = forms.ChoiceField(
        label="Address",
        choices=address_choices,
        help_text="The Exact Online site of the administration's country.",
        error_messages={"required": "Choose the Exact Online site of the administration."},
    )
    other_address = forms.CharField(
        label="Other address",
        required=False,
        max_length=200,
        help_text="Only when Address is “Another address…”.",
    )

    def clean_name(self) -> str:
        # Only the outer whitespace goes: the inside must match Exact's name exactly.
        return self.cleaned_data["name"].strip()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("address") == OTHER:
            raw = data.get("other_address", "")
            if not raw.strip():
                self.add_error("other_address", "Enter the address, or choose a site above.")
            else:
                try:
                    data["base_url"] = clean_site_url(raw)
                except forms.ValidationError as exc:
                    self.add_error("other_address", exc)
        elif data.get("address"):
            data["base_url"] = data["address"]
        return data


def installation_initial(connection: ExactConnection) -> dict:
    """Form values from the stored settings (an unknown host shows as 'another address')."""
    known = {value for value, _ in address_choices()}
    base_url = connection.base_url
    initial = {"erp_type": connection.erp_type, "name": connection.name}
    if base_url and base_url in known:
        initial["address"] = base_url
    elif base_url:
        initial.update(address=OTHER, other_address=base_url + "/")
    return initial
