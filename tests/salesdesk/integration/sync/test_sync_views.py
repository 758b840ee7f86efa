"""The Synchronize section, starting runs, the history page and the refresh button."""

from __future__ import annotations

import uuid

import pytest
from django.test import override_settings

from exact_sandbox.clock import SandboxClock
from salesdesk.catalog.models import Item
from salesdesk.integration.models import SyncRun, SyncSchedule
from salesdesk.integration.sync.schedule import schedule_set
from salesdesk.tenants.models import Membership
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import change_rows, connected_company

PASSWORD = "correct-horse-battery"
QUEUES = ["default", "pictures"]
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": QUEUES}}
IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": QUEUES}
}


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the views build their client on the wall clock


def _admin(client, company, role=Membership.Role.ADMIN):
    user = make_user(company=company, role=role)
    client.force_login(user)  # Client.login has no request for the login throttle (axes)
    return user


@pytest.mark.django_db
def test_section_shows_the_three_rows_idle(client):
    company = make_company()
    _admin(client, company)
    page = client.get(f"/{company.slug}/settings/synchronize")
    html = page.content.decode()
    assert page.status_code == 200
    for label, action in [
        ("Stored items", "Synchronize items"),
        ("Stored customers", "Synchronize customers"),
        ("Stored price lists", "Synchronize price lists"),
    ]:
        assert label in html and f'aria-label="{action}"' in html
    assert 'aria-busy="true"' not in html and "every 1s" not in html
    assert "Runs by itself every 24 hours." in html  # the default schedule


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("minutes", "enabled", "said"),
    [
        (5, True, "Runs by itself every 5 minutes."),
        (60, True, "Runs by itself every hour."),
        (90, True, "Runs by itself every 90 minutes."),
        (180, True, "Runs by itself every 3 hours."),
        (1440, False, "Does not run by itself: the schedule is off."),
    ],
)
def test_section_says_the_schedule_in_words(client, minutes, enabled, said):
    company, other = make_company(), make_company()
    _admin(client, company)
    schedule_set(company=company, interval_minutes=minutes, enabled=enabled)
    schedule_set(company=other, interval_minutes=7)
    html = client.get(f"/{company.slug}/settings/synchronize").content.decode()
    assert said in html and "7 minutes" not in html


@pytest.mark.django_db
def test_other_companies_and_non_admins_get_404(client):
    company, other = make_company(), make_company()
    _admin(client, company)
    assert client.get(f"/{other.slug}/settings/synchronize").status_code == 404
    assert client.post(f"/{other.slug}/settings/synchronize/items").status_code == 404
    assert client.get(f"/{other.slug}/settings/sync-runs").status_code == 404
    client.logout()
    _admin(client, company, role=Membership.Role.USER)
    assert client.get(f"/{company.slug}/settings/synchronize").status_code == 404


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DUMMY)
def test_two_clicks_start_one_run_and_show_it_running(client):
    from django_tasks import default_task_backend

    company, other = make_company(), make_company()
    _admin(client, company)
    url = f"/{company.slug}/settings/synchronize/items"
    first = client.post(url, HTTP_HX_REQUEST="true")
    second = client.post(url, HTTP_HX_REQUEST="true")

    assert SyncRun.objects.filter(company=company, entity="items").count() == 1
    assert not SyncRun.objects.filter(company=other).exists()
    assert len(default_task_backend.results) == 1
    html = second.content.decode()
    assert first.status_code == second.status_code == 200
    assert 'aria-busy="true"' in html and "Running" in html and 'hx-trigger="every 1s"' in html


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=IMMEDIATE)
def test_a_click_runs_the_sync_and_the_row_shows_count_and_time(
    client, live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    _admin(client, company)
    # Room in every minute: the pictures pass that follows never waits for a reset.
    sandbox_state.config.minutely_limit = 100_000
    client.post(f"/{company.slug}/settings/synchronize/items", HTTP_HX_REQUEST="true")

    run = SyncRun.objects.get(company=company, entity="items")
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    html = client.get(f"/{company.slug}/settings/synchronize").content.decode()
    assert f'data-count="{Item.objects.filter(company=company).count()}"' in html
    assert "Last synchronized" in html and 'aria-busy="true"' not in html.split("sync-pictures")[0]
    history = client.get(f"/{company.slug}/settings/sync-runs").content.decode()
    assert "Items" in history and "Succeeded" in history
    pictures = SyncRun.objects.get(company=company, entity="pictures")
    assert pictures.status == SyncRun.Status.SUCCEEDED, pictures.error
    assert pictures.done == pictures.total > 0
    assert (
        "Item pictures:" in html
        or "Item pictures:" in client.get(f"/{company.slug}/settings/synchronize").content.decode()
    )


@pytest.mark.django_db
def test_a_failed_run_shows_its_reason_and_a_retry(client):
    company = make_company()
    _admin(client, company)
    SyncRun.objects.create(
        company=company, entity="customers", status=SyncRun.Status.FAILED,
        error="Exact Online rejected the request (HTTP 403): Forbidden",
        finished_at="2026-03-02T10:00:00Z",
    )  # fmt: skip
    html = client.get(f"/{company.slug}/settings/synchronize").content.decode()
    assert "Failed: Exact Online rejected the request (HTTP 403): Forbidden" in html
    assert ">Retry<" in html


@pytest.mark.django_db
def test_schedule_is_set_and_never_below_five_minutes(client):
    company = make_company()
    _admin(client, company)
    url = f"/{company.slug}/settings/synchronize/schedule"
    client.post(url, {"interval_minutes": "15", "enabled": "on"})
    assert SyncSchedule.objects.get(company=company).interval_minutes == 15
    page = client.post(url, {"interval_minutes": "4", "enabled": "on"})
    assert "greater than or equal to 5" in page.content.decode()
    assert SyncSchedule.objects.get(company=company).interval_minutes == 15


@pytest.mark.django_db(transaction=True)
def test_refresh_refetches_one_record_and_goes_back(
    client, live_sandbox, sandbox_state, sandbox_clock
):
    from tests.salesdesk.integration.sync.sync_support import run_sync

    company = connected_company(live_sandbox, sandbox_clock)
    _admin(client, company)
    run_sync(company, "items", sandbox_clock)
    [key] = change_rows(sandbox_state, "items", 1, {"Description": "Fresh from Exact"})
    calls_before = sandbox_state.stats.total()

    back = f"/{company.slug}/items/{key}"
    answer = client.post(f"/{company.slug}/exact/refresh/items/{key}", {"next": back})
    assert answer.status_code == 302 and answer["Location"] == back
    assert Item.objects.get(company=company, exact_id=uuid.UUID(key)).description == (
        "Fresh from Exact"
    )
    assert sandbox_state.stats.total() - calls_before == 1
    evil = client.post(f"/{company.slug}/exact/refresh/items/{key}", {"next": "https://evil.test/"})
    assert evil["Location"] == f"/{company.slug}/"
