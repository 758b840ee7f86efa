"""The schedule setting of the Synchronize section."""

from __future__ import annotations

from django import forms

from salesdesk.integration.sync.call_budget import schedule_cost
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

    def clean(self) -> dict:
        """Refuse an interval whose runs alone would spend Exact's calls for the day."""
        data = super().clean()
        minutes = data.get("interval_minutes")
        if minutes and data.get("enabled"):
            cost = schedule_cost(company=self.company, interval_minutes=minutes)
            if cost.too_many:
                self.add_error("interval_minutes", _too_many(cost))
        return data


def _too_many(cost) -> str:
    return (
        f"Every {cost.interval_minutes} minutes needs about {cost.calls_per_day} Exact "
        f"calls a day ({cost.ticks_per_day} runs of {cost.calls_per_tick} calls, plus "
        f"{cost.other_calls} for the open items), more than the {cost.day_limit} Exact "
        "allows this administration: the synchronization would stop during the day, and "
        "orders could not reach Exact until it resets the day's calls (midnight UTC). Choose "
        f"{cost.shortest_minutes} minutes or more."
    )
