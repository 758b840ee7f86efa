"""Several processes on one administration: one shared rate budget, one token refresh."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from exact_sandbox.control import stats_json
from exact_sandbox.server import serve_in_thread
from salesdesk.integration.models import ExactConnection
from tests.scale.support import ROOT, connect_companies, database_url, scale_state

pytestmark = pytest.mark.django_db(transaction=True)


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.scale.procs", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _finish(procs: list[subprocess.Popen], timeout: float) -> list[str]:
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, err[-3000:]
        outputs.append(out.strip())
    return outputs


@pytest.fixture
def sandbox():
    state = scale_state(2, items=30, customers=5, minutely_limit=12)
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    yield state, handle
    handle.stop()


def test_six_processes_share_each_administrations_budget_without_a_429(sandbox):
    state, handle = sandbox
    on_redis, on_database = connect_companies(handle, state)
    start_at = str(time.time() + 4)
    procs = [
        _spawn("budget", company.slug, "8", kind, start_at)
        for company, kind in ((on_redis, "redis"), (on_database, "database"))
        for _ in range(3)
    ]

    outputs = _finish(procs, timeout=240)

    assert outputs == ["calls=8"] * 6
    stats = stats_json(state)
    assert stats["calls_total"] == {str(code): 24 for code in sorted(state.divisions)}
    assert stats["rate_limited"] == {}  # 24 calls at 12 a minute and not one 429


def test_one_refresh_across_processes_racing_for_a_due_token(sandbox):
    state, handle = sandbox
    company, _ = connect_companies(handle, state)
    connection = ExactConnection.objects.get(company=company)
    version = connection.token_version
    # The token is 10 minutes old for both sides: the access token expired, a refresh is due.
    ExactConnection.objects.filter(pk=connection.pk).update(
        token_issued_at=connection.token_issued_at - 600
    )
    state.clock.advance(600)
    refreshed_before = state.auth.tokens_refreshed
    start_at = str(time.time() + 4)

    outputs = _finish([_spawn("refresh", company.slug, start_at) for _ in range(4)], 120)

    assert outputs == ["ok"] * 4
    assert state.auth.tokens_refreshed - refreshed_before == 1
    connection.refresh_from_db()
    assert connection.state == ExactConnection.State.CONNECTED
    assert connection.token_version == version + 1


def test_the_budget_lives_in_redis_or_else_in_postgresql(settings):
    from salesdesk.integration.rate_budget.stores import (
        DatabaseBudgetStorage,
        RedisBudgetStorage,
        default_budget_storage,
    )

    assert isinstance(default_budget_storage(), RedisBudgetStorage)
    settings.REDIS_URL = ""
    assert isinstance(default_budget_storage(), DatabaseBudgetStorage)


def test_two_schedulers_at_once_start_each_due_sync_once():
    from django.utils import timezone

    from salesdesk.integration.models import SyncRun, SyncSchedule
    from salesdesk.integration.sync.schedule import schedule_set
    from salesdesk.integration.sync.services import RECORD_ENTITIES
    from tests.salesdesk.factories import make_company

    companies = [make_company() for _ in range(10)]
    for company in companies:
        ExactConnection.objects.create(company=company, state=ExactConnection.State.CONNECTED)
        schedule_set(company=company, interval_minutes=5)
    SyncSchedule.objects.update(next_run_at=timezone.now())
    env = {**os.environ, "DATABASE_URL": database_url()}
    command = [sys.executable, "-m", "salesdesk.cli", "scheduler", "--once"]
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(3)]  # fmt: skip
    for proc in procs:
        proc.communicate(timeout=60)
        assert proc.returncode == 0

    # Every record entity once per company: the schedule's nine, and the open items that run
    # on a schedule of their own (sync/open_items_schedule.py), due at once on a new connection.
    due = len(RECORD_ENTITIES)
    runs = SyncRun.objects.filter(company__in=companies)
    assert runs.count() == 10 * due
    assert runs.values("company", "entity").distinct().count() == 10 * due
