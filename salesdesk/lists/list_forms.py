"""The query-string form every big list shares: search, sort and keyset paging."""

from __future__ import annotations

from django import forms

from salesdesk.lists.keyset import PageRequest

YES_NO = [("", "All"), ("yes", "Yes"), ("no", "No")]


def yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class ListForm(forms.Form):
    """Bound to request.GET. Invalid values are dropped, never an error page."""

    SORTS: dict[str, str] = {}
    DEFAULT_SORT = "code"

    q = forms.CharField(required=False, max_length=100, label="Search")
    sort = forms.CharField(required=False, widget=forms.HiddenInput)
    after = forms.CharField(required=False, max_length=400, widget=forms.HiddenInput)
    before = forms.CharField(required=False, max_length=400, widget=forms.HiddenInput)
    last = forms.BooleanField(required=False, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def value(self, name: str, default=None):
        self.is_valid()
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value

    def sort_key(self) -> str:
        key = self.value("sort", self.DEFAULT_SORT)
        return key if key.lstrip("-") in self.SORTS else self.DEFAULT_SORT

    def page_request(self) -> PageRequest:
        key = self.sort_key()
        field = ("-" if key.startswith("-") else "") + self.SORTS[key.lstrip("-")]
        return PageRequest(
            sort=field,
            after=self.value("after", ""),
            before=self.value("before", ""),
            last=bool(self.value("last", False)),
            number=self.value("page", 1),
        )
