"""The pictures pass: only new or changed pictures, within the rate budget."""

from __future__ import annotations

import pytest

from exact_client.rate_gate import RateGate
from salesdesk.catalog.models import Item
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.pictures import pictures_execute
from salesdesk.tenants.changes import version_latest
from tests.salesdesk.integration.sync.sync_support import connected_company, run_sync

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def _pictures_pass(company, clock) -> SyncRun:
    # Every items run queues a pictures pass; take that one (or start one).
    run, _ = runs.sync_run_start(company=company, entity="pictures")
    gate = RateGate()
    client = exact_client_for(company=company, clock=clock.now, sleep=clock.advance, gate=gate)
    return pictures_execute(run=run, client=client, gate=gate, clock=clock.now, sleep=clock.advance)


def test_pictures_come_once_and_again_only_when_changed(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    with_picture = Item.objects.filter(company=company).exclude(picture_name="")
    expected = with_picture.count()
    assert expected > 0

    first = _pictures_pass(company, sandbox_clock)
    assert first.status == SyncRun.Status.SUCCEEDED, first.error
    assert first.done == first.total == expected
    assert Item.objects.filter(company=company).exclude(picture="").count() == expected
    stored = with_picture.first()
    assert stored.picture.read().startswith(b"\x89PNG")
    assert not sandbox_state.stats.rate_limited  # it kept to the budget: no 429

    again = _pictures_pass(company, sandbox_clock)
    assert (again.total, again.calls) == (0, 0)

    keys = [str(i.exact_id) for i in with_picture.order_by("pk")[:1]]
    with sandbox_state.lock:
        division = sandbox_state.divisions[100001]
        division.touch(division.items, keys[0], {"PictureName": "new.png"}, sandbox_clock.now())
    run_sync(company, "items", sandbox_clock)
    changed = _pictures_pass(company, sandbox_clock)
    assert (changed.total, changed.done, changed.calls) == (1, 1, 1)


def test_pictures_leave_room_in_every_minute_for_the_records(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    sandbox_state.config.minutely_limit = 40
    started = sandbox_clock.now()
    done = _pictures_pass(company, sandbox_clock)
    assert done.status == SyncRun.Status.SUCCEEDED, done.error
    per_minute = 40 - 30  # MINUTE_RESERVE calls of each minute stay for the records
    assert sandbox_clock.now() - started >= 60 * (done.done // per_minute - 1)
    assert not sandbox_state.stats.rate_limited


def test_a_blank_1x1_answer_stores_nothing_and_the_picture_stays_due(
    live_sandbox, sandbox_state, sandbox_clock
):
    from exact_sandbox.api import WHITE_PIXEL_PNG
    from salesdesk.integration.sync.pictures import pictures_pending

    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    due = pictures_pending(company=company).count()
    # Exact stops accepting the token after two pictures: blanks from then on.
    sandbox_state.faults.add("blank_picture", "docs/SysImage.aspx", skip=2, count=10_000)

    run = _pictures_pass(company, sandbox_clock)

    assert run.status == SyncRun.Status.FAILED
    assert "blank 1×1 image" in run.error
    assert f"2 pictures were stored, no blank one; {due - 2} pictures stay due" in run.error
    stored = Item.objects.filter(company=company).exclude(picture="")
    assert stored.count() == 2
    assert all(item.picture.read() != WHITE_PIXEL_PNG for item in stored)
    assert pictures_pending(company=company).count() == due - 2

    sandbox_state.faults.clear()
    again = _pictures_pass(company, sandbox_clock)
    assert again.status == SyncRun.Status.SUCCEEDED, again.error
    assert (again.total, again.done) == (due - 2, due - 2)
    assert pictures_pending(company=company).count() == 0


def test_a_dead_refresh_chain_stops_the_pass_with_the_connector_tabs_words(
    live_sandbox, sandbox_state, sandbox_clock
):
    import httpx

    from salesdesk.integration.connection.token_health import token_health
    from salesdesk.integration.connection.token_store import DatabaseTokenStore
    from salesdesk.integration.models import ExactConnection
    from tests.sandbox_fixtures import refresh_tokens

    company = connected_company(live_sandbox, sandbox_clock)
    run_sync(company, "items", sandbox_clock)
    connection = ExactConnection.objects.get(company=company)
    stolen = DatabaseTokenStore(connection.pk).load().refresh_token
    sandbox_clock.advance(580)
    with httpx.Client(base_url=live_sandbox.url, timeout=10) as http:
        assert refresh_tokens(http, stolen).status_code == 200  # another copy rotated it

    run = _pictures_pass(company, sandbox_clock)

    assert run.status == SyncRun.Status.FAILED
    connection.refresh_from_db()
    assert connection.state == ExactConnection.State.NEEDS_REAUTH
    assert run.error == token_health(connection).summary
    assert "Old refresh token used" in run.error


def test_a_stored_picture_reaches_devices_through_the_delta_feed(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock, slug="other")
    run_sync(company, "items", sandbox_clock)
    run_sync(other, "items", sandbox_clock)
    item = Item.objects.filter(company=company).exclude(picture_name="").first()
    before = item.row_version
    theirs = {i.pk: i.row_version for i in Item.objects.filter(company=other)}

    assert _pictures_pass(company, sandbox_clock).status == SyncRun.Status.SUCCEEDED
    item.refresh_from_db()
    # A device that read the item before its picture came sees it again, now with a picture.
    assert item.picture and item.row_version > before
    assert version_latest(company=company) >= item.row_version
    assert {i.pk: i.row_version for i in Item.objects.filter(company=other)} == theirs
