from django import forms
from django.core.exceptions import ValidationError

from salesdesk.confirmations.models import SENDER_NAME_MAX, TEXT_MAX


def _one_line(value: str) -> None:
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise ValidationError("The sender name must be one line of text.")


class ConfirmationSettingsForm(forms.Form):
    enabled = forms.BooleanField(label="Send confirmations", required=False)
    sender_name = forms.CharField(
        label="Sender name",
        max_length=SENDER_NAME_MAX,
        required=False,
        validators=[_one_line],
        help_text="Shown as the sender of the e-mail; empty: the company's name.",
    )
    text = forms.CharField(
        label="Text in the e-mail",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Also printed under the PDF. At most {TEXT_MAX} characters.",
    )
