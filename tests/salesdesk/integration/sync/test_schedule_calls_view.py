"""The schedule page: Exact calls a day at the chosen interval; any interval down to 5 minutes
is saved (issue 5's contract), one the day's calls cannot carry with a plain warning that
scheduled runs then pause to keep calls for orders, a heavy one with what is left."""

from __future__ import annotations

import pytest

from salesdesk.integration.models import SyncRun, SyncSchedule
from salesdesk.integration.sync.schedule import schedule_set
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


def _admin(client, company):
    client.force_login(make_user(company=company, role=Membership.Role.ADMIN))


def _schedule_url(company) -> str:
    return f"/{company.slug}/settings/synchronize/schedule"


def test_the_page_says_the_calls_a_day_of_the_current_interval(client):
    company, other = make_company(), make_company()
    _admin(client, company)
    schedule_set(company=company, interval_minutes=60)
    SyncRun.objects.create(
        company=other,
        entity="items",
        trigger=SyncRun.Trigger.SCHEDULE,
        status=SyncRun.Status.SUCCEEDED,
        calls=5000,
    )  # fmt: skip  another company's busy runs are not this one's

    html = client.get(f"/{company.slug}/settings/sync-runs").content.decode()

    # 24 runs of 20 calls, and the open items every hour.
    assert "Every hour: about 504 Exact calls a day (24 runs of at least 20 calls" in html
    assert "of the 5000 Exact allows this administration a day" in html
    assert "The shortest interval within that is 6 minutes." in html
    assert "message error" not in html and "message warning" not in html


def test_five_minutes_is_saved_with_the_pause_that_keeps_calls_for_orders(client):
    company = make_company()
    _admin(client, company)
    schedule_set(company=company, interval_minutes=60)

    page = client.post(
        _schedule_url(company), {"interval_minutes": "5", "enabled": "on"}, follow=True
    )

    html = page.content.decode()
    assert SyncSchedule.objects.get(company=company).interval_minutes == 5
    assert "Every 5 minutes the synchronization would need about 5784 Exact calls a day" in html
    assert "scheduled runs pause while fewer than 500 of the day&#x27;s calls are left" in html
    assert "Every 6 minutes or more stays within the day&#x27;s calls." in html


def test_a_paused_schedule_may_keep_a_short_interval(client):
    company = make_company()
    _admin(client, company)

    client.post(_schedule_url(company), {"interval_minutes": "5"})

    schedule = SyncSchedule.objects.get(company=company)
    assert (schedule.interval_minutes, schedule.enabled) == (5, False)


def test_a_heavy_interval_is_saved_with_what_is_left_for_orders(client):
    company = make_company()
    _admin(client, company)

    page = client.post(
        _schedule_url(company), {"interval_minutes": "6", "enabled": "on"}, follow=True
    )

    html = page.content.decode()
    assert SyncSchedule.objects.get(company=company).interval_minutes == 6
    assert "uses about 4824 of the 5000 Exact calls a day: 176 are left" in html
    assert "message warning" in html


def test_an_interval_set_before_the_limit_was_checked_is_flagged(client):
    company = make_company()
    _admin(client, company)
    schedule_set(company=company, interval_minutes=5)  # the service keeps 5 minutes possible

    html = client.get(f"/{company.slug}/settings/sync-runs").content.decode()

    assert "This interval needs more calls than Exact allows a day" in html
