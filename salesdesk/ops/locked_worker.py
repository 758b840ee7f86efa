"""The database task worker, hardened against SQLite's "database is locked".

SQLite lets one writer in at a time; a long sync page or a backup can hold the lock past the
busy timeout. django-tasks-db marks a task that meets the lock as failed, and an error while
it claims or records a task ends the worker. Here a task that failed on the lock goes back
to the queue after a growing pause (at most MAX_ATTEMPTS runs in all), and the worker loop
waits and carries on instead of exiting.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import OperationalError, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

LOGGER = logging.getLogger("salesdesk.worker")
MAX_ATTEMPTS = 6
BASE_DELAY = 2.0
MAX_DELAY = 60.0


def locked_retry_delay(attempt: int, *, base: float = BASE_DELAY) -> float:
    """Seconds before run `attempt + 1` of a task whose run `attempt` met a locked database."""
    return min(base * 2 ** (attempt - 1), MAX_DELAY)


def failed_on_locked_database(result: DBTaskResult) -> bool:
    """Whether the task's recorded failure is SQLite's (or MySQL's) lock error."""
    if result.status != TaskResultStatus.FAILED:
        return False
    last = result.traceback.strip().splitlines()[-1:] or [""]
    kind, _, message = last[0].partition(": ")
    return kind.endswith("OperationalError") and "is locked" in message.lower()


class LockTolerantWorker(Worker):
    def __init__(
        self, *, retry_base: float = BASE_DELAY, sleep: Callable[[float], None] = time.sleep, **kw
    ) -> None:
        super().__init__(**kw)
        self.retry_base = retry_base
        self.sleep = sleep

    def run(self) -> None:
        pauses = 0
        while True:
            try:
                return super().run()
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                pauses += 1
                delay = locked_retry_delay(min(pauses, 10), base=self.retry_base)
                LOGGER.warning("database is locked; the worker waits %.1f s", delay)
                self.sleep(delay)
                if not self.running:
                    return None

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
        except OperationalError as exc:
            if not is_locked_database_exception(exc):
                raise
            # Even recording the outcome met the lock: without this the task would stay
            # "running" for good. It runs again; tasks are written to be safe to repeat.
            self._requeue_when_unlocked(db_task_result)
            return
        attempts = len(db_task_result.worker_ids)
        if failed_on_locked_database(db_task_result) and attempts < MAX_ATTEMPTS:
            delay = locked_retry_delay(attempts, base=self.retry_base)
            task_requeue(db_task_result, run_after=timezone.now() + timedelta(seconds=delay))
            LOGGER.warning(
                "task %s met a locked database (run %d); it runs again in %.1f s",
                db_task_result.id,
                attempts,
                delay,
            )

    def _requeue_when_unlocked(self, db_task_result: DBTaskResult) -> None:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                task_requeue(db_task_result, run_after=timezone.now())
                return
            except OperationalError as exc:
                if not is_locked_database_exception(exc) or attempt == MAX_ATTEMPTS:
                    raise
                self.sleep(locked_retry_delay(attempt, base=self.retry_base))


def task_requeue(result: DBTaskResult, *, run_after) -> None:
    """Back to READY for a later run; worker_ids keeps counting the runs."""
    with transaction.atomic():
        result.status = TaskResultStatus.READY
        result.run_after = run_after
        result.finished_at = None
        result.save(update_fields=["status", "run_after", "finished_at"])
