from __future__ import annotations

from django import forms


class TokenCreateForm(forms.Form):
    user = forms.TypedChoiceField(label="User", coerce=int)
    name = forms.CharField(
        label="Device",
        max_length=100,
        help_text="Which device gets the token, e.g. “Anna's iPad”.",
    )

    def __init__(self, *args, members=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {member.user_id: member.user for member in members}
        self.fields["user"].choices = [
            (member.user_id, f"{member.username} ({member.get_role_display()})")
            for member in members
        ]
