"""The schedule setting of the Synchronize section."""

from __future__ import annotations

from django import forms

from salesdesk.integration.sync.models import SyncSchedule
from salesdesk.tenants.models import Company


class ScheduleForm(forms.Form):
    interval_minutes = forms.IntegerField(
        label="Synchronize every (minutes)",
        min_value=SyncSchedule.MIN_MINUTES,
        max_value=7 * 24 * 60,
        help_text="From 5 minutes to a week; the default is 1440 (every 24 hours).",
    )
    enabled = forms.BooleanField(label="Synchronize on this schedule", required=False)

    def __init__(self, *args, company: Company, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.company = company
