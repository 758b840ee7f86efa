"""The database task worker outlasts "database is locked": tasks are retried, the loop goes on."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from salesdesk.ops.locked_worker import (
    MAX_ATTEMPTS,
    LockTolerantWorker,
    failed_on_locked_database,
    locked_retry_delay,
)

pytestmark = pytest.mark.django_db(transaction=True)
LOCKS_LEFT = {"count": 0}


@task()
def locked_then_done(label: str) -> str:
    if LOCKS_LEFT["count"] > 0:
        LOCKS_LEFT["count"] -= 1
        raise OperationalError("database is locked")
    return f"done {label}"


@task()
def broken(label: str) -> str:
    raise OperationalError("no such table: nowhere")


WORKER_OPTIONS = dict(
    queue_names=["default"], interval=0, batch=True, backend_name="default",
    startup_delay=False, max_tasks=None, worker_id="test-worker", excluded_queue_names=[],
)  # fmt: skip


def worker(**kw) -> LockTolerantWorker:
    return LockTolerantWorker(**WORKER_OPTIONS, **kw)


def stored(result) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


def test_a_task_that_meets_a_locked_database_is_retried_until_it_succeeds():
    LOCKS_LEFT["count"] = 2
    result = locked_then_done.enqueue(label="a")

    worker(retry_base=0.0).run()

    row = stored(result)
    assert row.status == "SUCCESSFUL" and row.return_value == "done a"
    assert len(row.worker_ids) == 3  # two locked runs, one good one


def test_the_retries_are_bounded():
    LOCKS_LEFT["count"] = 1000
    result = locked_then_done.enqueue(label="b")

    worker(retry_base=0.0).run()

    row = stored(result)
    assert row.status == "FAILED"
    assert len(row.worker_ids) == MAX_ATTEMPTS
    assert failed_on_locked_database(row)


def test_a_retry_waits_with_growing_backoff():
    LOCKS_LEFT["count"] = 1
    result = locked_then_done.enqueue(label="c")
    before = timezone.now()

    call_command("worker", "--burst", "default", verbosity=0)

    row = stored(result)
    assert row.status == "READY"  # back in the queue, not failed
    assert row.run_after >= before + timedelta(seconds=locked_retry_delay(1))
    assert locked_retry_delay(1) < locked_retry_delay(2) < locked_retry_delay(3)
    assert locked_retry_delay(50) == 60.0


def test_other_database_errors_fail_at_once():
    result = broken.enqueue(label="d")

    worker(retry_base=0.0).run()

    row = stored(result)
    assert row.status == "FAILED" and len(row.worker_ids) == 1
    assert not failed_on_locked_database(row)


class LockedOnce(LockTolerantWorker):
    """Meets the lock outside any task, where django-tasks-db's worker would exit."""

    locks = itertools.count()

    def run_task(self, db_task_result):
        if next(self.locks) == 0:
            raise OperationalError("database is locked")
        super().run_task(db_task_result)


def test_the_worker_keeps_running_after_a_locked_database_outside_a_task():
    LOCKS_LEFT["count"] = 0
    first = locked_then_done.enqueue(label="e")
    pauses = []

    second = locked_then_done.enqueue(label="f")
    LockedOnce(retry_base=0.5, sleep=pauses.append, **WORKER_OPTIONS).run()

    assert pauses == [0.5]  # it waited once, then went on with the queue
    assert stored(second).status == "SUCCESSFUL"
    assert stored(first).status == "RUNNING"  # claimed when the lock hit: left as it was


def test_a_task_whose_outcome_cannot_be_recorded_runs_again_instead_of_hanging():
    LOCKS_LEFT["count"] = 0
    result = locked_then_done.enqueue(label="g")
    failing = {"updates": 6}  # django-tasks-db tries 3 times to record success, 3 failure

    def locked_result_table(execute, sql, params, many, context):
        outcome = {"SUCCESSFUL", "FAILED"} & {str(p) for p in params or ()}
        if sql.startswith("UPDATE") and outcome and failing["updates"] > 0:
            failing["updates"] -= 1
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(locked_result_table):
        worker(retry_base=0.0).run()

    row = stored(result)
    assert failing["updates"] == 0
    assert row.status == "SUCCESSFUL" and row.return_value == "done g"
    assert len(row.worker_ids) == 2
