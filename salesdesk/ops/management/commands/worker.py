"""`salesdesk worker [QUEUE ...]`: run the task worker of whichever backend is configured.

The database backend (default) runs django-tasks-db's `db_worker`; SALESDESK_TASKS=rq runs
RQ's worker (with its scheduler, which starts tasks deferred with `run_after`, such as the
debounced webhook syncs). Queue names pass through; without any, every queue is served.
Run as many copies, on as many machines, as the load needs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from salesdesk.ops.locked_worker import LockTolerantWorker


class Command(BaseCommand):
    help = "Run background tasks with the configured backend (database or RQ) until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("queues", nargs="*", help="queues to serve (default: all)")
        parser.add_argument("--burst", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--max-tasks", type=int, default=None, help="exit after N tasks")

    def handle(self, *args, queues: list[str], burst: bool, max_tasks: int | None, **options):
        names = queues or list(settings.TASK_QUEUES)
        verbosity = options.get("verbosity", 1)
        if settings.SALESDESK_TASKS == "rq":
            self._rq(names, burst=burst, max_tasks=max_tasks, verbosity=verbosity)
        else:
            self._db(names, burst=burst, max_tasks=max_tasks, verbosity=verbosity)

    def _db(self, names: list[str], *, burst: bool, max_tasks: int | None, verbosity: int):
        # django-tasks-db's db_worker, with its Worker swapped for one that outlasts a locked
        # SQLite database (salesdesk/ops/locked_worker.py).
        DbWorkerCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(verbosity)
        worker = LockTolerantWorker(
            queue_names=names, interval=1, batch=burst, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not burst, max_tasks=max_tasks, worker_id=get_random_string(32),
            excluded_queue_names=[],
        )  # fmt: skip
        worker.configure_signals()
        worker.run()

    def _rq(self, names: list[str], *, burst: bool, max_tasks: int | None, verbosity: int):
        extra = ["--burst"] if burst else []
        if max_tasks is not None:
            extra += ["--max-jobs", str(max_tasks)]
        call_command(
            "rqworker", *names, "--with-scheduler",
            "--job-class", "django_tasks_rq.backend.Job", *extra,
            verbosity=verbosity,
        )  # fmt: skip
